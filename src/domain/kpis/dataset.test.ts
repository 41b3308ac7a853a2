import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../demo';
import type { DebtorBundle } from '../bundle';
import { UNASSIGNED, datasetFromBundles, paymentHistoryFromDigest, paymentHistoryOf } from './dataset';
import { toDayNumber } from '../calendar/isoDate';
import { historySegment } from '../segmentation/history-segment';
import { segmentDigestOf, segmentHistoryOf } from '../segmentation/bundle-history';

describe('datasetFromBundles', () => {
  const bundles = generateDemoPortfolio({ today: '2026-12-03' });
  const data = datasetFromBundles(bundles, (b) => b.debtor.segment);

  it('keeps every invoice with its dated payments, and every call with its duration', () => {
    expect(data.invoices).toHaveLength(bundles.reduce((n, b) => n + b.invoices.length, 0));
    for (const inv of data.invoices) {
      const paid = inv.payments.reduce((s, p) => s + p.cents, 0);
      expect(paid).toBeLessThanOrEqual(inv.amountCents);
    }
    expect(data.calls.length).toBe(bundles.reduce((n, b) => n + b.activities.filter((a) => a.type === 'call').length, 0));
  });

  it('gives each debtor the agent who worked it most, and letters their registered flag', () => {
    const base = bundles[0] as DebtorBundle;
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    const activity = (id: string, type: 'call' | 'letter', agent: string, day: number, details: Record<string, unknown>) => ({
      schemaVersion: 1 as const,
      id,
      debtorId: base.debtor.id,
      type,
      at: at(day),
      summary: '',
      agent,
      details,
    });
    const bundle: DebtorBundle = {
      ...base,
      promises: [],
      activities: [
        activity('a1', 'call', 'Hugo', 2, { durationSeconds: 120 }),
        activity('a2', 'call', 'Camille', 3, { durationSeconds: 60 }),
        activity('a3', 'letter', 'Camille', 4, { step: 'formal_notice' }),
        activity('a4', 'letter', 'Hugo', 1, { step: 'first_reminder' }),
        activity('a5', 'letter', 'Camille', 5, {}),
      ],
    };
    const one = datasetFromBundles([bundle], () => 'x');
    expect(one.debtors).toEqual([{ id: base.debtor.id, segment: 'x', agent: 'Camille' }]);
    expect(one.letters.map((l) => l.registered)).toEqual([true, false, false]);
    expect(one.calls.map((c) => c.durationSeconds)).toEqual([120, 60]);
    expect(datasetFromBundles([{ ...base, activities: [] }], () => 'x').debtors[0]?.agent).toBe(UNASSIGNED);
  });

  it('gives each debtor its payment-history segment, a lead’s override applied, apart from its market segment', () => {
    const today = '2026-12-03';
    const withHistory = datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, (b) => paymentHistoryOf(b, today));
    const computed = bundles.map((b) => historySegment(segmentHistoryOf(b), today));
    expect(withHistory.debtors.map((d) => d.history)).toEqual(computed);
    expect(withHistory.debtors.map((d) => d.segment)).toEqual(bundles.map((b) => b.debtor.segment));
    // The demo holds more than one history segment, or the grouping would show nothing.
    expect(new Set(computed).size).toBeGreaterThan(1);
    const reliable = bundles.find((_, i) => computed[i] === 'reliable') as DebtorBundle;
    const overridden: DebtorBundle = {
      ...reliable,
      debtor: { ...reliable.debtor, segmentOverride: { segment: 'bad_payer', by: 'Chef', at: '2026-12-01T09:00:00.000Z', reason: 'Redressement judiciaire' } },
    };
    expect(paymentHistoryOf(overridden, today)).toBe('bad_payer');
    expect(datasetFromBundles([overridden], () => 'x', undefined, (b) => paymentHistoryOf(b, today)).debtors[0]?.history).toBe('bad_payer');
    // From a summary's stored digest (what the KPI worker reads), the same segment, the override applied.
    for (const b of [...bundles, overridden]) {
      expect(paymentHistoryFromDigest(segmentDigestOf(b), toDayNumber(today), b.debtor.segmentOverride?.segment)).toBe(paymentHistoryOf(b, today));
    }
  });
});
