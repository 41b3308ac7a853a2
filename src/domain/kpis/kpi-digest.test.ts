import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/isoDate';
import { generateDemoPortfolio } from '../demo';
import { HISTORY_SEGMENTS } from '../segmentation/history-segment';
import { PROMISE_STATUSES, SEGMENTS } from '../vocabulary';
import { datasetFromBundles, paymentHistoryOf, type KpiBundle } from './dataset';
import { datasetFromDigests, inKeyOrder, kpiDigest, kpiDigestFault, KPI_DIGEST_VERSION } from './kpi-digest';
import { computeKpis, DEFAULT_KPI_COSTS } from './kpis';

const TODAY = '2026-12-03';

/**
 * What the worker computed from the records before the digests (read from the store, so in key order): the
 * reference the digests must equal.
 */
const datasetFromRecords = (bundles: readonly KpiBundle[], today: string) =>
  datasetFromBundles(bundles.map(inKeyOrder), (b) => b.debtor.segment, undefined, (b) => paymentHistoryOf(b, today));

const report = (data: ReturnType<typeof datasetFromRecords>, today: string) => computeKpis(data, { today, costs: DEFAULT_KPI_COSTS });

/** Stored and read back as IndexedDB does (structured clone). */
const stored = (bundles: readonly KpiBundle[]) => bundles.map((b) => structuredClone(kpiDigest(b)));

const AGENTS = ['Alice Martin', 'Bruno', 'Chloé Roux', ''];
const OUTCOMES = ['completed', 'no_answer', 'voicemail', 'refusal', 'call_back_requested', 'dispute'];

/** A random debtor bundle with the shapes the KPIs read: payments that name invoices, letters, calls, promises. */
function bundleArb(index: number): fc.Arbitrary<KpiBundle> {
  const day = fc.integer({ min: -500, max: 60 }).map((n) => addDays(TODAY, n));
  const debtorId = `d${String(index).padStart(3, '0')}`;
  const invoice = (k: number) =>
    fc.record({ issue: day, term: fc.integer({ min: 0, max: 90 }), amount: fc.integer({ min: 0, max: 2_000_000 }), paidShare: fc.double({ min: 0, max: 1, noNaN: true }), status: fc.constantFrom('open', 'paid', 'disputed') }).map((r) => ({
      id: `${debtorId}-i${k}`,
      number: `F-${index}-${k}`,
      issueDate: r.issue,
      dueDate: addDays(r.issue, r.term),
      amountInclVatCents: r.amount,
      amountPaidCents: r.status === 'paid' ? r.amount : Math.floor(r.amount * r.paidShare),
      status: r.status as 'open' | 'paid' | 'disputed',
    }));
  const at = fc.record({ day, hour: fc.integer({ min: 0, max: 23 }) }).map(({ day: d, hour }) => `${d}T${String(hour).padStart(2, '0')}:15:00.000Z`);
  const activity = (k: number, invoiceIds: string[]) =>
    fc
      .record({
        type: fc.constantFrom('call', 'letter', 'payment', 'note', 'email'),
        at,
        agent: fc.constantFrom(...AGENTS),
        outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: undefined }),
        seconds: fc.oneof(fc.integer({ min: -5, max: 1800 }), fc.double({ min: 0, max: 600, noNaN: true })),
        step: fc.constantFrom('formal_notice', 'first_reminder', undefined),
        cents: fc.integer({ min: 1, max: 500_000 }),
        named: fc.subarray(invoiceIds),
        valueDate: fc.option(day, { nil: undefined }),
      })
      .map((r) => {
        const details =
          r.type === 'call'
            ? { durationSeconds: r.seconds }
            : r.type === 'letter'
              ? r.step === undefined
                ? {}
                : { step: r.step }
              : r.type === 'payment'
                ? { amountCents: r.cents, invoiceIds: r.named, ...(r.valueDate ? { date: r.valueDate } : {}) }
                : undefined;
        return { id: `${debtorId}-a${k}`, type: r.type as 'call', at: r.at, agent: r.agent, ...(r.outcome === undefined ? {} : { outcome: r.outcome }), ...(details ? { details } : {}) };
      });
  return fc
    .record({
      segment: fc.constantFrom(...SEGMENTS),
      override: fc.option(fc.constantFrom(...HISTORY_SEGMENTS), { nil: undefined }),
      invoiceCount: fc.integer({ min: 0, max: 5 }),
      activityCount: fc.integer({ min: 0, max: 6 }),
    })
    .chain(({ segment, override, invoiceCount, activityCount }) =>
      fc.tuple(fc.tuple(...Array.from({ length: invoiceCount }, (_, k) => invoice(k))), fc.constant({ segment, override, activityCount })),
    )
    .chain(([invoices, { segment, override, activityCount }]) =>
      fc.tuple(fc.constant(invoices), fc.tuple(...Array.from({ length: activityCount }, (_, k) => activity(k, invoices.map((i) => i.id)))), fc.constant({ segment, override })),
    )
    .chain(([invoices, activities, { segment, override }]) => {
      // Some promises are taken on a call (same instant: the call's agent takes them), others apart.
      const createdAt = activities.length > 0 ? fc.oneof(fc.constantFrom(...activities.map((a) => a.at)), at) : at;
      const promise = fc.record({ createdAt, dueDate: day, amountCents: fc.integer({ min: 1, max: 900_000 }), paidCents: fc.integer({ min: 0, max: 900_000 }), status: fc.constantFrom(...PROMISE_STATUSES) });
      return fc.array(promise, { maxLength: 3 }).map(
        (promises): KpiBundle => ({
          debtor: { id: debtorId, segment, ...(override ? { segmentOverride: { segment: override } } : {}) },
          // Held in reverse: the digest must not depend on the order a writer holds the records in.
          invoices: [...invoices].reverse(),
          activities: [...activities].reverse(),
          promises: promises.map((p, k) => ({ id: `${debtorId}-p${k}`, ...p })),
        }),
      );
    });
}

const portfolioArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => bundleArb(i))));

describe('kpiDigest', () => {
  it('gives, stored and read back, the dataset and report the records give, on the demo', () => {
    const bundles = generateDemoPortfolio({ today: TODAY });
    const digests = stored(bundles);
    expect(digests.every((d) => kpiDigestFault(d) === undefined)).toBe(true);
    const fromDigests = datasetFromDigests(digests, TODAY);
    expect(fromDigests).toEqual(datasetFromRecords(bundles, TODAY));
    expect(report(fromDigests, TODAY)).toEqual(report(datasetFromRecords(bundles, TODAY), TODAY));
    // Held in another order, the same digests.
    expect(bundles.map((b) => kpiDigest({ ...b, invoices: [...b.invoices].reverse(), activities: [...b.activities].reverse() }))).toEqual(bundles.map((b) => kpiDigest(b)));
    // The demo exercises every part: payments, calls, letters, promises, overrides.
    expect(fromDigests.calls.length).toBeGreaterThan(0);
    expect(fromDigests.letters.length).toBeGreaterThan(0);
    expect(fromDigests.promises.length).toBeGreaterThan(0);
    expect(fromDigests.invoices.some((i) => i.payments.length > 0)).toBe(true);
  });

  it('gives the same dataset and report as the records on random portfolios, also read on a later day', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 0, max: 400 }), (bundles, later) => {
        const digests = stored(bundles);
        for (const d of digests) expect(kpiDigestFault(d)).toBeUndefined();
        // A digest written today is read on later days: only the payment-history segment moves, and it must.
        for (const today of [TODAY, addDays(TODAY, later)]) {
          const expected = datasetFromRecords(bundles, today);
          const actual = datasetFromDigests(digests, today);
          expect(actual).toEqual(expected);
          expect(report(actual, today)).toEqual(report(expected, today));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('packs a debtor in one Int32Array and its strings once each', () => {
    const bundles = generateDemoPortfolio({ today: TODAY });
    const busiest = bundles.reduce((a, b) => (b.activities.length > a.activities.length ? b : a));
    const digest = kpiDigest(busiest);
    expect(digest.nums).toBeInstanceOf(Int32Array);
    // Every demo debtor fits: the app records whole seconds and amounts under 2^31 cents.
    expect(bundles.every((b) => kpiDigest(b).nums instanceof Int32Array)).toBe(true);
    expect(new Set(digest.strings).size).toBe(digest.strings.length);
    expect(Object.keys(digest).sort()).toEqual(['agent', 'debtorId', 'nums', 'segment', 'strings', 'v', ...(digest.override ? ['override'] : [])].sort());
  });

  it('keeps a Float64Array for a debtor with an amount past 2^31 cents or a fractional duration, read back exactly', () => {
    const [first, second] = generateDemoPortfolio({ today: TODAY }) as unknown as [KpiBundle, KpiBundle];
    const invoice = first.invoices[0];
    const call = second.activities.find((a) => a.type === 'call');
    if (!invoice || !call) throw new Error('the demo’s first debtors have an invoice and a call');
    const big: KpiBundle = { ...first, invoices: [{ ...invoice, amountInclVatCents: 3_000_000_000 }, ...first.invoices.slice(1)] };
    const fractional: KpiBundle = { ...second, activities: second.activities.map((a) => (a === call ? { ...a, details: { durationSeconds: 61.5 } } : a)) };
    const bundles = [big, fractional];
    const digests = stored(bundles);
    for (const d of digests) {
      expect(d.nums).toBeInstanceOf(Float64Array);
      expect(kpiDigestFault(d)).toBeUndefined();
    }
    const data = datasetFromDigests(digests, TODAY);
    expect(data).toEqual(datasetFromRecords(bundles, TODAY));
    expect(data.invoices.some((i) => i.amountCents === 3_000_000_000)).toBe(true);
    expect(data.calls.some((c) => c.durationSeconds === 61.5)).toBe(true);
  });

  it('keeps the records left out as corrupt, so the KPIs report them again', () => {
    const [bundle] = generateDemoPortfolio({ today: TODAY }) as unknown as [KpiBundle];
    const corrupt = [{ store: 'invoices', key: 'inv-x', issues: [{ path: 'amountInclVatCents', message: 'Too small' }] }];
    const digest = structuredClone(kpiDigest(bundle, corrupt));
    expect(kpiDigestFault(digest)).toBeUndefined();
    expect(digest.corrupt).toEqual(corrupt);
  });
});

describe('kpiDigestFault', () => {
  const [bundle] = generateDemoPortfolio({ today: TODAY }) as unknown as [KpiBundle];
  const digest = kpiDigest(bundle);
  // As a Float64Array, which can hold what an Int32Array cannot (a fraction), and is read too.
  const withNums = (edit: (n: Float64Array) => void) => {
    const nums = Float64Array.from(digest.nums);
    edit(nums);
    return { ...digest, nums };
  };

  it('refuses a digest of another version, a wrong field, or numbers out of their layout or range', () => {
    expect(kpiDigestFault(digest)).toBeUndefined();
    expect(kpiDigestFault(null)).toBe('not a record');
    expect(kpiDigestFault({ ...digest, v: KPI_DIGEST_VERSION + 1 })).toBe('v');
    expect(kpiDigestFault({ ...digest, debtorId: '' })).toBe('debtorId');
    expect(kpiDigestFault({ ...digest, segment: 'nowhere' })).toBe('segment');
    expect(kpiDigestFault({ ...digest, override: 'great' })).toBe('override');
    expect(kpiDigestFault({ ...digest, strings: [1] })).toBe('strings');
    expect(kpiDigestFault({ ...digest, nums: Array.from(digest.nums) })).toBe('nums');
    expect(kpiDigestFault({ ...digest, nums: Uint32Array.from(digest.nums) })).toBe('nums');
    expect(kpiDigestFault(withNums(() => undefined))).toBeUndefined();
    expect(kpiDigestFault({ ...digest, corrupt: [{ store: 'invoices' }] })).toBe('corrupt');
    expect(kpiDigestFault({ ...digest, nums: digest.nums.subarray(0, digest.nums.length - 1) })).toBe('nums.length');
    expect(kpiDigestFault(withNums((n) => (n[0] = -1)))).toBe('nums.header');
    // The first invoice's amount negative, then its issue day not a day.
    expect(kpiDigestFault(withNums((n) => (n[7 + 2] = -5)))).toBe('nums.invoices');
    expect(kpiDigestFault(withNums((n) => (n[7] = 0.5)))).toBe('nums.invoices');
  });

  it('refuses a string index past the digest’s strings', () => {
    const withCall = generateDemoPortfolio({ today: TODAY }).map((b) => kpiDigest(b)).find((d) => d.nums[3]! > 0 && d.nums[2] === 0);
    if (!withCall) throw new Error('the demo has a debtor with calls and no promise');
    const [invoices, payments] = [withCall.nums[0]!, withCall.nums[1]!];
    const firstCall = 7 + invoices * 5 + payments * 2;
    const nums = withCall.nums.slice();
    nums[firstCall] = withCall.strings.length;
    expect(kpiDigestFault({ ...withCall, nums })).toBe('nums.calls');
  });
});
