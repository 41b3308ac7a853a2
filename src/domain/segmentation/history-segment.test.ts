import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../calendar/isoDate';
import { digestFacts, digestHistory, effectiveSegment, historySegment, SEGMENT_PRIORITY_WEIGHT, segmentFacts, segmentOf, type SegmentInvoice } from './history-segment';

const TODAY = '2026-12-03';
const inv = (dueDate: string, amountCents: number, paidOn?: string, disputed = false): SegmentInvoice => ({ dueDate, amountCents, disputed, ...(paidOn ? { paidOn } : {}) });

describe('segmentFacts', () => {
  it('weighs days late by amount, counting open invoices up to today', () => {
    const facts = segmentFacts(
      {
        invoices: [
          inv('2026-10-01', 900_00, '2026-10-11'), // 10 days late
          inv('2026-11-03', 100_00), // open, 30 days late today
          inv('2026-11-20', 50_00, '2026-11-15'), // paid early: 0
        ],
        promises: [],
      },
      TODAY,
    );
    expect(facts.weightedDaysLate).toBeCloseTo((900_00 * 10 + 100_00 * 30) / 1050_00, 6);
  });

  it('leaves out what is older than 12 months, and disputed invoices, which count as disputes', () => {
    const facts = segmentFacts(
      {
        invoices: [inv('2025-12-03', 1_000_00), inv('2026-06-01', 500_00, undefined, true), inv('2026-12-04', 10_00)],
        promises: [
          { dueDate: '2025-11-01', status: 'broken' },
          { dueDate: '2026-09-01', status: 'partial' },
          { dueDate: '2026-10-01', status: 'kept' },
        ],
      },
      TODAY,
    );
    expect(facts).toEqual({ weightedDaysLate: 0, brokenPromises: 1, disputes: 1 });
  });
});

describe('segmentOf', () => {
  it('applies the documented thresholds, first match wins', () => {
    expect(segmentOf({ weightedDaysLate: 0, brokenPromises: 0, disputes: 0 })).toBe('reliable');
    expect(segmentOf({ weightedDaysLate: 15, brokenPromises: 0, disputes: 1 })).toBe('reliable');
    expect(segmentOf({ weightedDaysLate: 15.5, brokenPromises: 0, disputes: 0 })).toBe('watch');
    expect(segmentOf({ weightedDaysLate: 0, brokenPromises: 1, disputes: 0 })).toBe('watch');
    expect(segmentOf({ weightedDaysLate: 0, brokenPromises: 0, disputes: 2 })).toBe('watch');
    expect(segmentOf({ weightedDaysLate: 60, brokenPromises: 0, disputes: 5 })).toBe('watch');
    expect(segmentOf({ weightedDaysLate: 61, brokenPromises: 0, disputes: 0 })).toBe('bad_payer');
    expect(segmentOf({ weightedDaysLate: 31, brokenPromises: 1, disputes: 0 })).toBe('bad_payer');
    expect(segmentOf({ weightedDaysLate: 0, brokenPromises: 3, disputes: 0 })).toBe('bad_payer');
  });

  it('calls a debtor without history reliable, and lets a lead override', () => {
    expect(historySegment({ invoices: [], promises: [] }, TODAY)).toBe('reliable');
    expect(effectiveSegment('reliable', 'bad_payer')).toBe('bad_payer');
    expect(effectiveSegment('watch')).toBe('watch');
  });
});

describe('digest', () => {
  it('gives the same facts as the history it digests, today applied at read time', () => {
    const history = {
      invoices: [inv('2026-10-01', 900_00, '2026-10-11'), inv('2026-11-03', 100_00), inv('2026-06-01', 500_00, undefined, true), inv('2025-01-01', 7_00)],
      promises: [
        { dueDate: '2026-09-01', status: 'partial' as const },
        { dueDate: '2026-10-01', status: 'kept' as const },
        { dueDate: '2026-11-01', status: 'broken' as const },
      ],
    };
    const digest = digestHistory(history);
    expect(digest.invoices).toHaveLength(16);
    expect(digest.failedPromiseDays).toHaveLength(2);
    for (const today of [TODAY, '2027-03-01', '2027-10-15']) {
      expect(digestFacts(digest, toDayNumber(today))).toEqual(segmentFacts(history, today));
    }
    // A year on, the late invoices and failed promises have left the window.
    expect(digestFacts(digest, toDayNumber('2027-12-01'))).toEqual({ weightedDaysLate: 0, brokenPromises: 0, disputes: 0 });
  });

  it('weighs priorities by segment, worse history weighing more', () => {
    expect(SEGMENT_PRIORITY_WEIGHT.reliable).toBe(1);
    expect(SEGMENT_PRIORITY_WEIGHT.watch).toBeGreaterThan(SEGMENT_PRIORITY_WEIGHT.reliable);
    expect(SEGMENT_PRIORITY_WEIGHT.bad_payer).toBeGreaterThan(SEGMENT_PRIORITY_WEIGHT.watch);
  });
});
