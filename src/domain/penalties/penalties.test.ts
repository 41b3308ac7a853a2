import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/isoDate';
import { RECOVERY_INDEMNITY_CENTS, latePenalties, latePenalty, type LatePenaltyInput } from './penalties';

const base = (over: Partial<LatePenaltyInput>): LatePenaltyInput => ({
  amountInclVatCents: 120_000,
  dueDate: '2024-03-15',
  payments: [],
  until: '2024-04-14',
  debtorKind: 'business',
  ...over,
});

describe('latePenalty, worked examples to the cent', () => {
  it('single semester: 1 200,00 € due 2024-03-15, paid 2024-04-14', () => {
    // Days late: 16 March → 14 April inclusive = 16 + 14 = 30 days.
    // Rate 2024-S1: ECB 4.50 % + 10 = 14.50 % = 1450 bp.
    // 120 000 c × 1450 × 30 / (10 000 × 365) = 5 220 000 000 / 3 650 000 = 1 430.137 c → 14,30 €.
    const r = latePenalty(base({}));
    expect(r).toMatchObject({ interestCents: 1430, indemnityCents: 4000, days: 30, warnings: [] });
    expect(r.breakdown).toEqual([
      { from: '2024-03-16', to: '2024-04-14', days: 30, balanceCents: 120_000, rateBp: 1450, semester: '2024-S1', interestCents: 1430 },
    ]);
  });

  it('across a semester change: 10 000,00 € due 2024-06-20, until 2024-07-10', () => {
    // 21–30 June: 10 days at 14.50 %; 1–10 July: 10 days at 4.25 % + 10 = 14.25 %.
    // 1 000 000 × (1450 × 10 + 1425 × 10) / 3 650 000 = 28 750 000 000 / 3 650 000 = 7 876.712 c → 78,77 €.
    const r = latePenalty(base({ amountInclVatCents: 1_000_000, dueDate: '2024-06-20', until: '2024-07-10' }));
    expect(r.interestCents).toBe(7877);
    expect(r.breakdown.map((p) => [p.from, p.to, p.rateBp, p.interestCents])).toEqual([
      ['2024-06-21', '2024-06-30', 1450, 3973], // 3 972.60
      ['2024-07-01', '2024-07-10', 1425, 3904], // 3 904.11
    ]);
  });

  it('follows a partial payment: 5 000,00 € due 2025-01-31, 2 000,00 € paid 2025-02-20, rest 2025-03-31', () => {
    // 1–20 Feb: 20 days on 5 000 € (the payment day still accrues on the old balance).
    // 21 Feb–31 Mar: 8 + 31 = 39 days on 3 000 €. Rate 2025-S1: 3.15 % + 10 = 13.15 %.
    // 1315 × (500 000 × 20 + 300 000 × 39) = 1315 × 21 700 000 = 28 535 500 000
    // / 3 650 000 = 7 817.945 c → 78,18 €.
    const r = latePenalty(
      base({ amountInclVatCents: 500_000, dueDate: '2025-01-31', until: '2025-03-31', payments: [{ date: '2025-02-20', cents: 200_000 }] }),
    );
    expect(r.interestCents).toBe(7818);
    expect(r.days).toBe(59);
    expect(r.breakdown.map((p) => [p.from, p.to, p.days, p.balanceCents])).toEqual([
      ['2025-02-01', '2025-02-20', 20, 500_000],
      ['2025-02-21', '2025-03-31', 39, 300_000],
    ]);
  });

  it('uses 0 % + 10 for 2022-S2 (rate on 1 July), not the 0.50 % decided on 27 July', () => {
    // 1 000,00 € due 2022-07-31, until 2022-08-30: 30 days at 10 %.
    // 100 000 × 1000 × 30 / 3 650 000 = 821.918 c → 8,22 €.
    expect(latePenalty(base({ amountInclVatCents: 100_000, dueDate: '2022-07-31', until: '2022-08-30' })).interestCents).toBe(822);
  });

  it('rounds half-up once at the end', () => {
    // 18,25 € × 10 % × 1 day = 1825 × 1000 / 3 650 000 = 0.5 c exactly → 1 c; 18,24 € → 0.4997 c → 0.
    const one = (cents: number) =>
      latePenalty(base({ amountInclVatCents: cents, contractualRateBp: 1000, dueDate: '2025-09-01', until: '2025-09-02' }));
    expect(one(1825).interestCents).toBe(1);
    expect(one(1824).interestCents).toBe(0);
  });

  it('applies the 3 × legal-rate floor under a lower contractual rate, and warns', () => {
    // 2025-S2: floor = 3 × 2.76 % = 8.28 %. A contract's 8 % is raised to it: 1 000,00 € for 10 days =
    // 100 000 × 828 × 10 / 3 650 000 = 226.84 → 2,27 € (8 % would have given 2,19 €).
    const r = latePenalty(base({ amountInclVatCents: 100_000, dueDate: '2025-09-01', until: '2025-09-11', contractualRateBp: 800 }));
    expect(r.interestCents).toBe(227);
    expect(r.breakdown.map((b) => b.rateBp)).toEqual([828]);
    expect(r.warnings).toEqual([{ code: 'contractual_below_floor', semester: '2025-S2', floorBp: 828 }]);
  });

  it('raises a contractual rate to the floor only in the semesters where it is below', () => {
    // 8.5 %: under 2025-S1's floor (3 × 3.71 % = 11.13 %), over 2025-S2's (8.28 %). 10 000,00 € due 2025-06-20,
    // counted to 2025-07-10: 21–30 June = 10 days at 11.13 %, 1–10 July = 10 days at 8.5 %.
    // 1 000 000 × (1113 × 10 + 850 × 10) / 3 650 000 = 5 378.08 → 53,78 €.
    const r = latePenalty(base({ amountInclVatCents: 1_000_000, dueDate: '2025-06-20', until: '2025-07-10', contractualRateBp: 850 }));
    expect(r.breakdown.map((b) => [b.semester, b.rateBp, b.days])).toEqual([
      ['2025-S1', 1113, 10],
      ['2025-S2', 850, 10],
    ]);
    expect(r.interestCents).toBe(5378);
    expect(r.warnings).toEqual([{ code: 'contractual_below_floor', semester: '2025-S1', floorBp: 1113 }]);
  });

  it('raises a 2024 contract at 8 % to 15.21 %, three times 2024-S1’s 5.07 %', () => {
    // 10 000,00 € due 2024-01-31, counted to 2024-03-01: 30 days. 1 000 000 × 1521 × 30 / 3 650 000 = 12 501.37 → 125,01 €.
    const r = latePenalty(base({ amountInclVatCents: 1_000_000, dueDate: '2024-01-31', until: '2024-03-01', contractualRateBp: 800 }));
    expect(r.interestCents).toBe(12_501);
  });

  it('never charges a consumer the 40 € indemnity, L441-10 interest or a contractual rate: nothing runs before the formal notice', () => {
    const r = latePenalty(base({ debtorKind: 'consumer' }));
    expect(r).toMatchObject({ interestCents: 0, indemnityCents: 0, days: 0, breakdown: [] });
    expect(r.warnings).toEqual([{ code: 'consumer_before_formal_notice' }]);
    const contract = latePenalty(base({ debtorKind: 'consumer', contractualRateBp: 1450 }));
    expect(contract).toMatchObject({ interestCents: 0, indemnityCents: 0 });
  });

  it('charges a consumer the legal interest rate from the day after the formal notice (Code civil 1231-6)', () => {
    // Notice of 2024-04-01; 2–14 April = 13 days at the legal rate of 2024-S1 for a creditor acting for its
    // business, 5.07 %: 120 000 × 507 × 13 / 3 650 000 = 216.69… → 2,17 €. Never the ECB + 10 points.
    const r = latePenalty(base({ debtorKind: 'consumer', formalNoticeDate: '2024-04-01', contractualRateBp: 1450 }));
    expect(r).toMatchObject({ interestCents: 217, indemnityCents: 0, days: 13, warnings: [] });
    expect(r.breakdown).toEqual([
      { from: '2024-04-02', to: '2024-04-14', days: 13, balanceCents: 120_000, rateBp: 507, semester: '2024-S1', interestCents: 217 },
    ]);
    // A notice sent before the due date still only counts from the day after the due date.
    expect(latePenalty(base({ debtorKind: 'consumer', formalNoticeDate: '2024-03-01' })).breakdown[0]?.from).toBe('2024-03-16');
  });

  it('charges nothing when paid by the due date, even if `until` is later', () => {
    const r = latePenalty(base({ payments: [{ date: '2024-03-15', cents: 120_000 }], until: '2024-06-01' }));
    expect(r).toMatchObject({ interestCents: 0, indemnityCents: 0, days: 0, breakdown: [] });
  });

  it('charges the indemnity for a payment one day late', () => {
    const r = latePenalty(base({ payments: [{ date: '2024-03-16', cents: 120_000 }], until: '2024-06-01' }));
    expect(r.indemnityCents).toBe(RECOVERY_INDEMNITY_CENTS);
    expect(r.days).toBe(1);
  });

  it('flags a semester missing from the rate table', () => {
    const r = latePenalty(base({ dueDate: '2026-06-25', until: '2026-07-05' }));
    expect(r.warnings).toEqual([{ code: 'rate_not_in_table', semester: '2026-S2' }]);
    expect(r.breakdown.map((p) => p.rateBp)).toEqual([1215, 1215]);
  });
});

const dateArb = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2023-01-01', n));
interface GenInvoice {
  amountInclVatCents: number;
  dueDate: string;
  lateDays: number;
  payments: { offset: number; cents: number }[];
}
const invoiceArb: fc.Arbitrary<GenInvoice> = fc.record({
  amountInclVatCents: fc.integer({ min: 0, max: 50_000_000 }),
  dueDate: dateArb,
  lateDays: fc.integer({ min: -30, max: 700 }),
  payments: fc.array(fc.record({ offset: fc.integer({ min: -20, max: 400 }), cents: fc.integer({ min: 1, max: 20_000_000 }) }), { maxLength: 4 }),
});
const toInput = (i: GenInvoice, kind: 'business' | 'consumer' = 'business'): LatePenaltyInput => ({
  amountInclVatCents: i.amountInclVatCents,
  dueDate: i.dueDate,
  until: addDays(i.dueDate, i.lateDays),
  payments: i.payments.map((p) => ({ date: addDays(i.dueDate, p.offset), cents: p.cents })),
  debtorKind: kind,
});

describe('latePenalty properties', () => {
  it('is zero when until ≤ due date', () => {
    fc.assert(
      fc.property(invoiceArb, fc.integer({ min: 0, max: 60 }), (i, back) => {
        const r = latePenalty({ ...toInput(i), until: addDays(i.dueDate, -back) });
        expect(r.interestCents + r.indemnityCents + r.days).toBe(0);
      }),
    );
  });

  it('is monotonic in `until`', () => {
    fc.assert(
      fc.property(invoiceArb, fc.integer({ min: 0, max: 200 }), (i, more) => {
        const a = latePenalty(toInput(i));
        const b = latePenalty({ ...toInput(i), until: addDays(toInput(i).until, more) });
        expect(b.interestCents).toBeGreaterThanOrEqual(a.interestCents);
        expect(b.indemnityCents).toBeGreaterThanOrEqual(a.indemnityCents);
      }),
    );
  });

  it('never increases when a payment is added', () => {
    fc.assert(
      fc.property(invoiceArb, fc.integer({ min: -10, max: 700 }), fc.integer({ min: 1, max: 10_000_000 }), (i, offset, cents) => {
        const without = latePenalty(toInput(i));
        const input = toInput(i);
        const withPay = latePenalty({ ...input, payments: [...input.payments, { date: addDays(i.dueDate, offset), cents }] });
        expect(withPay.interestCents).toBeLessThanOrEqual(without.interestCents);
        expect(withPay.indemnityCents).toBeLessThanOrEqual(without.indemnityCents);
      }),
    );
  });

  it('is additive over invoices, and splitting an invoice moves the total by at most a cent', () => {
    fc.assert(
      fc.property(invoiceArb, invoiceArb, fc.integer({ min: 0, max: 50_000_000 }), (a, b, split) => {
        const total = latePenalties([toInput(a), toInput(b)]);
        expect(total.interestCents).toBe(latePenalty(toInput(a)).interestCents + latePenalty(toInput(b)).interestCents);
        expect(total.indemnityCents).toBe(latePenalty(toInput(a)).indemnityCents + latePenalty(toInput(b)).indemnityCents);
        // Same dates, no payments: interest is linear in the principal, up to one rounding per part.
        const whole = { ...toInput(a), payments: [] };
        const part = Math.min(split, whole.amountInclVatCents);
        const parts = latePenalties([
          { ...whole, amountInclVatCents: part },
          { ...whole, amountInclVatCents: whole.amountInclVatCents - part },
        ]);
        expect(Math.abs(parts.interestCents - latePenalty(whole).interestCents)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('counts the breakdown days as the late days, and a consumer never pays the indemnity', () => {
    fc.assert(
      fc.property(invoiceArb, (i) => {
        const r = latePenalty(toInput(i));
        expect(r.breakdown.reduce((s, p) => s + p.days, 0)).toBe(r.days);
        expect(latePenalty(toInput(i, 'consumer')).indemnityCents).toBe(0);
      }),
    );
  });
});
