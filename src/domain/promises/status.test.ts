import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/isoDate';
import { countBroken, paidTowardsPromise, promiseDeadline, promiseStatus, tallyPromises, type PromiseTerms } from './status';

// Promised for Friday 2025-07-11; 2 business days of grace skip the weekend and 14 July → Wed 2025-07-16.
const promise: PromiseTerms = { amountCents: 300_000, dueDate: '2025-07-11', createdAt: '2025-06-27T10:15:00Z' };

describe('promiseDeadline', () => {
  it('adds grace in business days', () => {
    expect(promiseDeadline('2025-07-11', 2)).toBe('2025-07-16');
    expect(promiseDeadline('2025-07-11', 0)).toBe('2025-07-11');
  });
});

describe('promiseStatus', () => {
  it('is pending until the deadline while not fully paid', () => {
    expect(promiseStatus(promise, [], '2025-07-01')).toBe('pending');
    expect(promiseStatus(promise, [{ date: '2025-07-10', cents: 100_000 }], '2025-07-16')).toBe('pending');
  });

  it('is kept as soon as the full amount arrives, even early, and when paid within the grace period', () => {
    expect(promiseStatus(promise, [{ date: '2025-07-02', cents: 300_000 }], '2025-07-03')).toBe('kept');
    expect(
      promiseStatus(promise, [{ date: '2025-07-10', cents: 100_000 }, { date: '2025-07-16', cents: 200_000 }], '2025-08-01'),
    ).toBe('kept');
  });

  it('is partial after the deadline when only part arrived', () => {
    expect(promiseStatus(promise, [{ date: '2025-07-11', cents: 299_999 }], '2025-07-17')).toBe('partial');
  });

  it('is broken after the deadline when nothing arrived, and a late payment does not un-break it', () => {
    expect(promiseStatus(promise, [], '2025-07-17')).toBe('broken');
    expect(promiseStatus(promise, [{ date: '2025-07-17', cents: 300_000 }], '2025-07-20')).toBe('broken');
  });

  it('ignores payments made before the promise', () => {
    expect(paidTowardsPromise(promise, [{ date: '2025-06-26', cents: 300_000 }, { date: '2025-06-27', cents: 1 }])).toBe(1);
    expect(promiseStatus(promise, [{ date: '2025-06-20', cents: 300_000 }], '2025-07-20')).toBe('broken');
  });

  it('honours a custom grace period', () => {
    expect(promiseStatus(promise, [], '2025-07-14', 0)).toBe('broken');
    expect(promiseStatus(promise, [], '2025-07-14', 1)).toBe('pending');
  });

  it('never goes from kept back to another status as time passes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), cents: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (pays, t1, extra) => {
          const payments = pays.map((p) => ({ date: addDays('2025-06-27', p.offset), cents: p.cents }));
          const early = promiseStatus(promise, payments, addDays('2025-06-27', t1));
          const late = promiseStatus(promise, payments, addDays('2025-06-27', t1 + extra));
          if (early === 'kept') expect(late).toBe('kept');
          if (early === 'broken' || early === 'partial') expect(late).toBe(early);
        },
      ),
    );
  });
});

describe('counting', () => {
  it('tallies and counts broken promises, partial ones included unless asked otherwise', () => {
    const statuses = ['kept', 'broken', 'partial', 'pending', 'broken'] as const;
    expect(tallyPromises(statuses)).toEqual({ pending: 1, kept: 1, partial: 1, broken: 2 });
    expect(countBroken(statuses)).toBe(3);
    expect(countBroken(statuses, { includePartial: false })).toBe(2);
    expect(countBroken([])).toBe(0);
  });
});

describe('the day a promise was made is a Paris day', () => {
  // 23:30 UTC on 2 December is 00:30 on 3 December in Paris: the promise was made on the 3rd, so a payment of
  // the 2nd (the evening before) was not paid on it.
  const late: PromiseTerms = { amountCents: 50_000, dueDate: '2026-12-10', createdAt: '2026-12-02T23:30:00.000Z' };

  it('does not count a payment of the evening before', () => {
    expect(paidTowardsPromise(late, [{ date: '2026-12-02', cents: 50_000 }])).toBe(0);
    expect(promiseStatus(late, [{ date: '2026-12-02', cents: 50_000 }], '2026-12-20')).toBe('broken');
    expect(paidTowardsPromise(late, [{ date: '2026-12-03', cents: 50_000 }])).toBe(50_000);
  });

  it('reads a summer instant with the summer offset, and a bare date as it is', () => {
    expect(paidTowardsPromise({ ...late, createdAt: '2026-07-01T22:30:00.000Z' }, [{ date: '2026-07-01', cents: 1 }])).toBe(0);
    expect(paidTowardsPromise({ ...late, createdAt: '2026-12-02' }, [{ date: '2026-12-02', cents: 1 }])).toBe(1);
  });
});
