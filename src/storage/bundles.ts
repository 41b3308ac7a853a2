/**
 * Whole-debtor writes (seeding, imports, restores): validated entirely before any transaction opens, then
 * written in one transaction by the store.
 */
import type { DebtorBundle } from '../domain/bundle';
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
} from '../domain/entities';
import { toSearchKey } from '../domain/text';
import { validateForWrite } from './codec';
import { StorageError } from './errors';
import type { StoredInvoice } from './schema';
import type { Invoice } from '../domain/entities';

export function toStoredInvoice(invoice: Invoice): StoredInvoice {
  return { ...invoice, numberKey: toSearchKey(invoice.number) };
}

function requireOwner(store: string, record: { id: string; debtorId: string }, debtorId: string): void {
  if (record.debtorId !== debtorId) {
    throw new StorageError('invalid', `Record ${record.id} of ${store} belongs to ${record.debtorId}, not ${debtorId}`, {
      store,
      key: record.id,
      issues: [{ path: 'debtorId', message: `Expected ${debtorId}` }],
    });
  }
}

/** Parses every record of a bundle and checks each one belongs to the bundle's debtor. */
export function validateBundle(bundle: DebtorBundle): DebtorBundle {
  const debtor = validateForWrite(DebtorSchema, 'debtors', bundle.debtor);
  const owned = <T extends { id: string; debtorId: string }>(store: string, schema: Parameters<typeof validateForWrite<T>>[0], list: unknown[]): T[] =>
    list.map((raw) => {
      const record = validateForWrite(schema, store, raw);
      requireOwner(store, record, debtor.id);
      return record;
    });
  return {
    debtor,
    contacts: owned('contacts', ContactSchema, bundle.contacts),
    invoices: owned('invoices', InvoiceSchema, bundle.invoices),
    activities: owned('activities', ActivitySchema, bundle.activities),
    promises: owned('promises', PromiseSchema, bundle.promises),
    tasks: owned('tasks', TaskSchema, bundle.tasks),
  };
}
