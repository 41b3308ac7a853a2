/** What each contract file needs: a way to make a fresh, empty store, and reads through the interface only. */
import { makeActivity, makeBundle, makeContact, makeInvoice, makePromise, makeTask } from '../../../tests/fixtures/db/builders';
import type { DebtorBundle } from '../../domain/bundle';
import type { DebtorSummary } from '../../domain/summary';
import type { CadenceStore } from '../api';
import type { CadenceStoreOptions } from '../record-store';

/** A new, empty store of the implementation under test; each call must give one of its own. */
export type MakeStore = (options?: CadenceStoreOptions) => Promise<CadenceStore>;

/** One debtor's worklist summary, as the worklist reads it. */
export async function summaryOf(store: CadenceStore, debtorId: string): Promise<DebtorSummary | undefined> {
  return (await store.listSummaries()).find((s) => s.debtorId === debtorId);
}

/** Debtor d1 with one record of every kind (two invoices). */
export function fullBundle(): DebtorBundle {
  return makeBundle({
    contacts: [makeContact()],
    invoices: [makeInvoice(), makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-11-30' })],
    activities: [makeActivity()],
    promises: [makePromise()],
    tasks: [makeTask()],
  });
}
