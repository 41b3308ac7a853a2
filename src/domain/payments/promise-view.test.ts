import { describe, expect, it } from 'vitest';
import { makeActivity, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { promiseView } from './promise-view';

describe('promiseView', () => {
  // Promise of 1 200 € for Monday 16 Nov; deadline Wednesday 18 Nov (2 business days).
  const bundle = {
    invoices: [makeInvoice()],
    promises: [makePromise({ dueDate: '2026-11-16' }), makePromise({ id: 'p0', dueDate: '2026-10-10', createdAt: '2026-10-01T09:00:00.000Z', status: 'broken' })],
    activities: [] as ReturnType<typeof makeActivity>[],
  };

  it('reads a stored pending promise as broken once its deadline has passed with nothing paid', () => {
    expect(promiseView(bundle, '2026-11-18').promises.map((p) => p.status)).toEqual(['pending', 'broken']);
    const later = promiseView(bundle, '2026-11-19');
    expect(later.promises.map((p) => p.status)).toEqual(['broken', 'broken']);
    expect(later.broken).toBe(2);
  });

  it('reads it as kept when a payment on its invoice came in time', () => {
    const paid = makeActivity({ id: 'pay', type: 'payment', at: '2026-11-17T09:00:00.000Z', details: { amountCents: 120_000, invoiceIds: ['i1'], date: '2026-11-17' } });
    const view = promiseView({ ...bundle, activities: [paid] }, '2026-11-30');
    expect(view.promises[0]).toMatchObject({ status: 'kept', paidCents: 120_000 });
    expect(view.broken).toBe(1);
    expect(view.payments).toHaveLength(1);
  });
});
