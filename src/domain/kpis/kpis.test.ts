import { describe, expect, it } from 'vitest';
import type { KpiDataset, KpiInvoice } from './dataset';
import { computeKpis, lastMonths } from './kpis';

const COSTS = { schemaVersion: 1 as const, hourlyCents: 3600, letterCents: 150, registeredLetterCents: 700 };
const inv = (debtorId: string, issueDate: string, dueDate: string, amountCents: number, payments: { date: string; cents: number }[] = []): KpiInvoice => ({
  debtorId,
  issueDate,
  dueDate,
  amountCents,
  payments,
  disputed: false,
});

/** Two debtors, two agents, three months (October to December 2026, today 15 December). */
const DATA: KpiDataset = {
  debtors: [
    { id: 'd1', segment: 'key_account', agent: 'Camille' },
    { id: 'd2', segment: 'small_business', agent: 'Hugo' },
  ],
  invoices: [
    inv('d1', '2026-10-05', '2026-11-04', 300_00, [{ date: '2026-11-10', cents: 300_00 }]),
    inv('d1', '2026-11-10', '2026-12-10', 600_00, [{ date: '2026-12-12', cents: 200_00 }]),
    inv('d2', '2026-11-20', '2026-12-20', 100_00),
    inv('d2', '2026-07-01', '2026-07-31', 50_00),
  ],
  promises: [
    { debtorId: 'd1', agent: 'Camille', dueDate: '2026-12-05', amountCents: 400_00, paidCents: 200_00, status: 'partial' },
    { debtorId: 'd2', agent: 'Hugo', dueDate: '2026-12-01', amountCents: 100_00, paidCents: 100_00, status: 'kept' },
    { debtorId: 'd2', agent: 'Hugo', dueDate: '2026-12-20', amountCents: 50_00, paidCents: 0, status: 'pending' },
  ],
  calls: [
    { debtorId: 'd1', agent: 'Camille', date: '2026-12-01', durationSeconds: 600, outcome: 'completed' },
    { debtorId: 'd1', agent: 'Camille', date: '2026-12-02', durationSeconds: 60, outcome: 'voicemail' },
    { debtorId: 'd2', agent: 'Hugo', date: '2026-12-03', durationSeconds: 300, outcome: 'dispute' },
    { debtorId: 'd2', agent: 'Hugo', date: '2026-12-04', durationSeconds: 30, outcome: 'no_answer' },
  ],
  letters: [
    { debtorId: 'd1', agent: 'Camille', date: '2026-12-03', registered: false },
    { debtorId: 'd2', agent: 'Hugo', date: '2026-12-05', registered: true },
  ],
};

describe('lastMonths', () => {
  it('counts back across a year', () => {
    expect(lastMonths('2026-02-10', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('computeKpis', () => {
  const report = computeKpis(DATA, { today: '2026-12-15', months: 3, costs: COSTS });
  const [oct, nov, dec] = report.overall;

  it('computes receivables, sales, collections and the aged balance at each month end', () => {
    expect(report.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(oct).toMatchObject({ receivablesCents: 350_00, currentCents: 300_00, salesCents: 300_00, collectedCents: 0 });
    expect(nov).toMatchObject({ receivablesCents: 750_00, currentCents: 700_00, salesCents: 700_00, collectedCents: 300_00 });
    // 15 December: 400 € left on the second, 100 € not yet due, 50 € from July.
    expect(dec).toMatchObject({ receivablesCents: 550_00, currentCents: 100_00, salesCents: 0, collectedCents: 200_00 });
    expect(dec?.buckets).toEqual({ not_due: 100_00, d1_30: 400_00, d31_60: 0, d61_90: 0, d90_plus: 50_00 });
  });

  it('computes simple and countback DSO, best possible DSO, days delinquent and CEI', () => {
    // Simple: 550 / (300 + 700 + 0) × (31 + 30 + 31) days.
    expect(dec?.dsoSimple).toBeCloseTo((550 / 1000) * 92, 6);
    expect(dec?.bestPossibleDso).toBeCloseTo((100 / 1000) * 92, 6);
    expect(dec?.averageDaysDelinquent).toBeCloseTo((450 / 1000) * 92, 6);
    // Countback: December sold nothing (31 days), November's 700 covers the remaining 550: 550/700 × 30.
    expect(dec?.dsoCountback).toBeCloseTo(31 + (550 / 700) * 30, 6);
    // CEI December: (750 + 0 − 550) / (750 + 0 − 100).
    expect(dec?.cei).toBeCloseTo((200 / 650) * 100, 6);
  });

  it('computes the recovery rate on what was due', () => {
    // Due by 15/12 and owed on 1/12: 600 (due 10/12) + 50 (July). Recovered in December: 200.
    expect(dec?.recoveryRate).toBeCloseTo(200 / 650, 6);
    // November: the 300 € due 4/11 was paid on 10/11; the July invoice's 50 € was not.
    expect(nov?.recoveryRate).toBeCloseTo(300 / 350, 6);
  });

  it('computes promise-kept rates, right-party contacts and the cost per claim', () => {
    expect(dec?.promiseKeptRateCount).toBe(0.5);
    expect(dec?.promiseKeptRateAmount).toBeCloseTo(300 / 500, 6);
    expect(dec?.rightPartyContactRate).toBe(0.5);
    // 990 s at 36 €/h = 9.90 €, a letter 1.50 €, a registered one 7.00 €: 18.40 € over 2 debtors.
    expect(dec?.costPerClaimCents).toBe(920);
    expect(oct?.promiseKeptRateCount).toBeNull();
    expect(oct?.rightPartyContactRate).toBeNull();
  });

  it('splits per agent and per segment', () => {
    expect(Object.keys(report.byAgent).sort()).toEqual(['Camille', 'Hugo']);
    expect(report.byAgent.Camille?.[2]).toMatchObject({ receivablesCents: 400_00, calls: 2, promiseKeptRateCount: 0, rightPartyContactRate: 0.5 });
    expect(report.byAgent.Hugo?.[2]).toMatchObject({ receivablesCents: 150_00, calls: 2, promiseKeptRateCount: 1, costPerClaimCents: Math.round((330 / 3600) * 3600 + 700) });
    expect(report.bySegment.small_business?.[2]?.receivablesCents).toBe(150_00);
  });

  it('splits per payment-history segment apart from the market segment', () => {
    // Same two debtors, now with a payment-history segment each: d1 fiable, d2 mauvais payeur.
    const withHistory: KpiDataset = { ...DATA, debtors: [{ ...(DATA.debtors[0] as KpiDataset['debtors'][number]), history: 'reliable' }, { ...(DATA.debtors[1] as KpiDataset['debtors'][number]), history: 'bad_payer' }] };
    const r = computeKpis(withHistory, { today: '2026-12-15', months: 3, costs: COSTS });
    expect(Object.keys(r.byHistory).sort()).toEqual(['bad_payer', 'reliable']);
    // The market segments are still there, untouched by the new grouping.
    expect(r.bySegment).toEqual(report.bySegment);
    expect(r.overall).toEqual(report.overall);
    const bad = r.byHistory.bad_payer?.[2];
    const reliable = r.byHistory.reliable?.[2];
    // d2 in December: 100 € not yet due + 50 € from July; its kept promise; 2 calls, 1 reaching the right party.
    expect(bad).toMatchObject({ receivablesCents: 150_00, currentCents: 100_00, promiseKeptRateCount: 1, promiseKeptRateAmount: 1, rightPartyContactRate: 0.5, calls: 2 });
    expect(bad?.buckets).toEqual({ not_due: 100_00, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 50_00 });
    // d1: 400 € left on the November invoice, 200 € collected, its partial promise (200 of 400).
    expect(reliable).toMatchObject({ receivablesCents: 400_00, collectedCents: 200_00, promiseKeptRateCount: 0, promiseKeptRateAmount: 0.5 });
    // Recovery: d1's 600 € due 10/12 owed on 1/12, 200 € recovered.
    expect(reliable?.recoveryRate).toBeCloseTo(200 / 600, 6);
    // Two segments add up to the team.
    expect((bad?.receivablesCents ?? 0) + (reliable?.receivablesCents ?? 0)).toBe(dec?.receivablesCents);
  });

  it('has no payment-history figures when the dataset carries no history', () => {
    expect(report.byHistory).toEqual({});
  });
});
