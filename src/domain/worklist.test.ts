import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packOpenItems, type DebtorSummary } from './summary';
import { promiseStatus } from './promises/status';
import { buildWorklist, daysBetween, isoDayNumber, sortWorklist, worklistRow, type WorklistRow } from './worklist';

const TODAY = '2026-11-23';

interface Item {
  dueDate: string;
  outstandingCents: number;
  disputed: boolean;
}

/** A summary with its open items given by date, packed as storage writes them. */
function summary(over: Partial<Omit<DebtorSummary, 'openItems'>> & { debtorId: string; openItems?: Item[] }): DebtorSummary {
  const { openItems = [], ...rest } = over;
  const packed = packOpenItems(openItems.map((i) => ({ dueDay: isoDayNumber(i.dueDate), outstandingCents: i.outstandingCents, disputed: i.disputed })));
  return { schemaVersion: 2, name: over.debtorId, searchKey: over.debtorId, segment: 'small_business', ...rest, openItems: packed };
}

function item(dueDate: string, outstandingCents: number, disputed = false): Item {
  return { dueDate, outstandingCents, disputed };
}

describe('daysBetween', () => {
  it('counts whole calendar days across a DST change', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween(TODAY, TODAY)).toBe(0);
    expect(daysBetween('2026-11-24', TODAY)).toBe(-1);
  });

  it('counts leap days and year ends, and reads only the date of an instant', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-20T23:59:59+01:00', TODAY)).toBe(3);
  });
});

describe('isoDayNumber', () => {
  it('agrees with Date.parse on every date from 1900 to 2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoDayNumber(iso)).toBe(day);
      }),
    );
    expect(isoDayNumber('1970-01-01')).toBe(0);
  });

  it('is NaN for text that does not start with a date, so such an item is never counted late', () => {
    for (const bad of ['', '2026-1-01', '2026-13-01', '2026-00-10', '2026-11-32', '20261123', 'yesterday', '2026-11-2x']) {
      expect(isoDayNumber(bad)).toBeNaN();
    }
    const row = worklistRow(summary({ debtorId: 'd', openItems: [item('not a date', 1_000)] }), TODAY);
    expect(row).toMatchObject({ overdueCents: 0, oldestDaysLate: 0, score: 0 });
  });
});

describe('worklistRow', () => {
  it('splits overdue, not yet due and disputed; due today is not overdue', () => {
    const row = worklistRow(
      summary({ debtorId: 'd', openItems: [item('2026-11-13', 1_000), item('2026-11-20', 500), item(TODAY, 700), item('2026-10-01', 9_999, true)] }),
      TODAY,
    );
    expect(row).toMatchObject({ overdueCents: 1_500, notYetDueCents: 700, disputedCents: 9_999, oldestDaysLate: 10 });
    expect(row.score).toBe(1_000 * 10 + 500 * 3);
  });

  it('tier 0 when a task is due today or earlier, even with a broken promise', () => {
    const s = summary({
      debtorId: 'd',
      openTasks: [{ id: 't', dueDate: TODAY, kind: 'call_back' }],
      promises: [{ id: 'p', dueDate: '2026-11-01', amountCents: 100, paidCents: 0, status: 'broken' }],
    });
    expect(worklistRow(s, TODAY).tier).toBe(0);
    expect(worklistRow(s, '2026-11-22').tier).toBe(1);
  });

  it('a pending promise breaks only once the grace days have passed and the money is short', () => {
    const pending = (paidCents: number): DebtorSummary =>
      summary({ debtorId: 'd', promises: [{ id: 'p', dueDate: '2026-11-19', amountCents: 1_000, paidCents, status: 'pending' }] });
    // Due Thursday 19th + 2 business days = Monday 23rd: still pending that day, broken the next.
    expect(worklistRow(pending(0), TODAY).brokenPromises).toBe(0);
    expect(worklistRow(pending(0), '2026-11-24')).toMatchObject({ brokenPromises: 1, tier: 1 });
    expect(worklistRow(pending(1_000), '2026-11-24').brokenPromises).toBe(0);
    expect(worklistRow(pending(0), '2026-11-24', { promiseGraceDays: 3 }).brokenPromises).toBe(0);
    // The same deadline as the promise rule itself.
    expect(promiseStatus({ amountCents: 1_000, dueDate: '2026-11-19', createdAt: '2026-11-01' }, [], TODAY)).toBe('pending');
    expect(promiseStatus({ amountCents: 1_000, dueDate: '2026-11-19', createdAt: '2026-11-01' }, [], '2026-11-24')).toBe('broken');
  });

  it('counts partial promises whose money is short as broken', () => {
    const s = summary({ debtorId: 'd', promises: [{ id: 'p', dueDate: '2026-11-19', amountCents: 1_000, paidCents: 400, status: 'partial' }] });
    expect(worklistRow(s, TODAY).tier).toBe(1);
  });

  it('next task is the earliest open one, due or not', () => {
    const s = summary({
      debtorId: 'd',
      openTasks: [
        { id: 'later', dueDate: '2026-12-01', kind: 'reminder' },
        { id: 'sooner', dueDate: '2026-11-30', kind: 'call_back' },
      ],
    });
    const row = worklistRow(s, TODAY);
    expect(row.nextTask).toEqual({ id: 'sooner', dueDate: '2026-11-30', kind: 'call_back' });
    expect(row.tier).toBe(2);
  });
});

describe('buildWorklist', () => {
  it('orders by tier, then score, then name, and leaves out who needs nothing', () => {
    const rows = buildWorklist(
      [
        summary({ debtorId: 'big', name: 'Zénith', openItems: [item('2026-09-01', 500_000)] }),
        summary({ debtorId: 'small', name: 'Alpha', openItems: [item('2026-11-22', 100)] }),
        summary({ debtorId: 'task', name: 'Tâche', openTasks: [{ id: 't', dueDate: '2026-11-20', kind: 'call_back' }] }),
        summary({ debtorId: 'broken', name: 'Brisé', promises: [{ id: 'p', dueDate: '2026-11-01', amountCents: 10, paidCents: 0, status: 'broken' }] }),
        summary({ debtorId: 'tie-b', name: 'Été', openItems: [item('2026-11-22', 100)] }),
        summary({ debtorId: 'future', name: 'Futur', openItems: [item('2026-12-31', 1_000_000)] }),
        summary({ debtorId: 'disputed', name: 'Litige', openItems: [item('2026-01-01', 1_000_000, true)] }),
        summary({ debtorId: 'later-task', name: 'Plus tard', openTasks: [{ id: 't', dueDate: '2026-11-24', kind: 'call_back' }] }),
      ],
      TODAY,
    );
    // "Alpha" and "Été" tie on score; French collation puts É with E, after A.
    expect(rows.map((r) => r.debtorId)).toEqual(['task', 'broken', 'big', 'small', 'tie-b']);
  });

  it('a disputed invoice adds nothing to the score', () => {
    const [a, b] = buildWorklist(
      [
        summary({ debtorId: 'a', name: 'A', openItems: [item('2026-11-01', 1_000)] }),
        summary({ debtorId: 'b', name: 'B', openItems: [item('2026-11-01', 1_000), item('2025-01-01', 9_000_000, true)] }),
      ],
      TODAY,
    );
    expect(a?.score).toBe(b?.score);
    expect([a?.debtorId, b?.debtorId]).toEqual(['a', 'b']);
  });
});

describe('sortWorklist properties', () => {
  const rowArb: fc.Arbitrary<WorklistRow> = fc.record({
    debtorId: fc.uuid(),
    name: fc.string({ maxLength: 6 }),
    segment: fc.constant('mid_market' as const),
    overdueCents: fc.nat(),
    notYetDueCents: fc.nat(),
    disputedCents: fc.nat(),
    oldestDaysLate: fc.nat(400),
    brokenPromises: fc.nat(3),
    tier: fc.constantFrom(0 as const, 1 as const, 2 as const),
    score: fc.nat(1_000_000),
  });

  it('is a permutation, tiers ascend, scores descend within a tier, and it does not mutate', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const before = [...rows];
        const sorted = sortWorklist(rows);
        expect(rows).toEqual(before);
        expect([...sorted].map((r) => r.debtorId).sort()).toEqual([...rows].map((r) => r.debtorId).sort());
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1]!;
          const cur = sorted[i]!;
          expect(prev.tier).toBeLessThanOrEqual(cur.tier);
          if (prev.tier === cur.tier) expect(prev.score).toBeGreaterThanOrEqual(cur.score);
        }
      }),
    );
  });

  it('buildWorklist keeps exactly the rows that need action', () => {
    const itemArb = fc.record({
      dueDate: fc.integer({ min: -60, max: 60 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
      outstandingCents: fc.integer({ min: 1, max: 1_000_000 }),
      disputed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.array(itemArb, { maxLength: 4 }), { maxLength: 30 }), (itemLists) => {
        const sums = itemLists.map((openItems, i) => summary({ debtorId: `d${i}`, openItems }));
        const kept = new Set(buildWorklist(sums, TODAY).map((r) => r.debtorId));
        sums.forEach((s, i) => {
          const owesOverdue = (itemLists[i] ?? []).some((it) => !it.disputed && it.dueDate < TODAY);
          expect(kept.has(s.debtorId)).toBe(owesOverdue);
        });
      }),
    );
  });
});

describe('history segment in the priority', () => {
  // Two debtors owing the same for as long; the only difference is how they paid over the past year.
  const open = [item('2026-10-24', 1_000_00)];
  const day = (iso: string) => isoDayNumber(iso);
  const reliableHistory = { invoices: [day('2026-06-01'), 500_00, day('2026-06-03'), 0], failedPromiseDays: [] };
  const badHistory = { invoices: [day('2026-06-01'), 500_00, day('2026-09-01'), 0], failedPromiseDays: [day('2026-07-01')] };

  it('puts a mauvais payeur before an otherwise equal fiable debtor, by the documented weight', () => {
    // "Aaa" would come first by name: only the segment can put "Zzz" ahead.
    const fiable = worklistRow(summary({ debtorId: 'a', name: 'Aaa', openItems: open, history: reliableHistory }), TODAY);
    const mauvais = worklistRow(summary({ debtorId: 'z', name: 'Zzz', openItems: open, history: badHistory }), TODAY);
    expect(fiable.history).toEqual({ segment: 'reliable', overridden: false });
    expect(mauvais.history).toEqual({ segment: 'bad_payer', overridden: false });
    expect(mauvais.score).toBe(fiable.score * 2);
    expect(sortWorklist([fiable, mauvais]).map((r) => r.debtorId)).toEqual(['z', 'a']);
  });

  it('ranks à surveiller between the two, and a lead override counts instead of the computed segment', () => {
    const watchHistory = { invoices: [], failedPromiseDays: [day('2026-08-01')] };
    const rows = [
      worklistRow(summary({ debtorId: 'a', name: 'Aaa', openItems: open, history: reliableHistory }), TODAY),
      worklistRow(summary({ debtorId: 'm', name: 'Mmm', openItems: open, history: watchHistory }), TODAY),
      worklistRow(summary({ debtorId: 'z', name: 'Zzz', openItems: open, history: badHistory }), TODAY),
    ];
    expect(sortWorklist(rows).map((r) => r.debtorId)).toEqual(['z', 'm', 'a']);
    const overridden = worklistRow(summary({ debtorId: 'z', name: 'Zzz', openItems: open, history: { ...badHistory, override: 'reliable' } }), TODAY);
    expect(overridden.history).toEqual({ segment: 'reliable', overridden: true });
    expect(overridden.score).toBe(rows[0]!.score);
  });

  it('never lets the segment lift a debtor over a higher tier', () => {
    const bad = worklistRow(summary({ debtorId: 'z', openItems: [item('2025-12-01', 90_000_00)], history: badHistory }), TODAY);
    const task = worklistRow(summary({ debtorId: 'a', openItems: open, history: reliableHistory, openTasks: [{ id: 't', dueDate: TODAY, kind: 'call_back' }] }), TODAY);
    expect(sortWorklist([bad, task]).map((r) => r.debtorId)).toEqual(['a', 'z']);
  });

  it('shows no segment for a summary written before segments existed', () => {
    expect(worklistRow(summary({ debtorId: 'old', openItems: open }), TODAY).history).toBeUndefined();
  });
});
