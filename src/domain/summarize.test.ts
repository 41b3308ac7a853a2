import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeDebtor, makeInvoice, makePromise, makeTask } from '../../tests/fixtures/db/builders';
import { summarizeDebtor } from './summarize';
import { openItemsOf } from './summary';
import { isoDayNumber } from './worklist';

describe('summarizeDebtor', () => {
  it('keeps identity, accent-free search key and segment', () => {
    const s = summarizeDebtor(makeBundle({ debtor: makeDebtor({ id: 'd9', name: 'Hôtel Œillet Épinal', segment: 'key_account' }) }));
    expect(s).toMatchObject({ schemaVersion: 2, debtorId: 'd9', name: 'Hôtel Œillet Épinal', searchKey: 'hotel oeillet epinal', segment: 'key_account' });
    expect(s.openItems).toEqual([]);
    expect(s.lastAction).toBeUndefined();
  });

  it('lists unpaid invoices with their outstanding balance, oldest due first, disputed flagged', () => {
    const s = summarizeDebtor(
      makeBundle({
        invoices: [
          makeInvoice({ id: 'late', number: 'FA-2', dueDate: '2026-10-15', amountInclVatCents: 50_000, amountPaidCents: 20_000 }),
          makeInvoice({ id: 'older', number: 'FA-1', dueDate: '2026-09-30', amountInclVatCents: 10_000 }),
          makeInvoice({ id: 'paid', number: 'FA-3', status: 'paid', amountPaidCents: 120_000 }),
          makeInvoice({ id: 'settled', number: 'FA-4', status: 'open', amountInclVatCents: 5_000, amountPaidCents: 5_000 }),
          makeInvoice({ id: 'disp', number: 'FA-5', status: 'disputed', dueDate: '2026-11-01', disputeReason: 'livraison incomplète' }),
        ],
      }),
    );
    expect(openItemsOf(s)).toEqual([
      { dueDay: isoDayNumber('2026-09-30'), outstandingCents: 10_000, disputed: false },
      { dueDay: isoDayNumber('2026-10-15'), outstandingCents: 30_000, disputed: false },
      { dueDay: isoDayNumber('2026-11-01'), outstandingCents: 120_000, disputed: true },
    ]);
    // Three numbers an item, nothing else: the invoice ids and numbers stay in the invoices store.
    expect(s.openItems).toEqual([20_726, 10_000, 0, 20_741, 30_000, 0, 20_758, 120_000, 1]);
  });

  it('keeps only open tasks, earliest first', () => {
    const s = summarizeDebtor(
      makeBundle({
        tasks: [
          makeTask({ id: 't-late', dueDate: '2026-11-25' }),
          makeTask({ id: 't-done', dueDate: '2026-11-01', done: true, doneAt: '2026-11-01T09:00:00.000Z' }),
          makeTask({ id: 't-soon', dueDate: '2026-11-21', kind: 'check_promise' }),
        ],
      }),
    );
    expect(s.openTasks).toEqual([
      { id: 't-soon', dueDate: '2026-11-21', kind: 'check_promise' },
      { id: 't-late', dueDate: '2026-11-25', kind: 'call_back' },
    ]);
  });

  it('drops kept promises and broken ones superseded by a newer promise', () => {
    const s = summarizeDebtor(
      makeBundle({
        promises: [
          makePromise({ id: 'kept', status: 'kept', paidCents: 120_000, createdAt: '2026-09-01T10:00:00.000Z' }),
          makePromise({ id: 'old-broken', status: 'broken', createdAt: '2026-10-01T10:00:00.000Z', dueDate: '2026-10-10' }),
          makePromise({ id: 'new', status: 'pending', createdAt: '2026-11-02T10:00:00.000Z', dueDate: '2026-11-15' }),
        ],
      }),
    );
    expect(s.promises?.map((p) => p.id)).toEqual(['new']);
  });

  it('keeps the latest broken promise when no newer promise exists', () => {
    const s = summarizeDebtor(
      makeBundle({ promises: [makePromise({ id: 'b', status: 'broken', paidCents: 0, amountCents: 9_000, dueDate: '2026-11-01' })] }),
    );
    expect(s.promises).toEqual([{ id: 'b', dueDate: '2026-11-01', amountCents: 9_000, paidCents: 0, status: 'broken' }]);
  });

  it('takes the last action by instant, not by text order of offsets', () => {
    const s = summarizeDebtor(
      makeBundle({
        activities: [
          // 10:30 in Paris (+01:00) is 09:30Z: earlier than the 10:00Z email although its text sorts higher.
          makeActivity({ id: 'a-call', type: 'call', at: '2026-11-20T10:30:00+01:00', outcome: 'promise' }),
          makeActivity({ id: 'a-mail', type: 'email', at: '2026-11-20T10:00:00.000Z', outcome: undefined }),
        ],
      }),
    );
    expect(s.lastAction).toEqual({ at: '2026-11-20T10:00:00.000Z', type: 'email' });
  });
});
