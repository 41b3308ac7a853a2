/** Reading a scan of invoice numbers (CadenceStore.scanInvoiceNumbers): small, shared by the store and the worklist worker. */
import type { InvoiceNumberScan } from './api';

/** The first `limit` distinct debtors of these invoice numbers, in their order. */
export function firstDebtors(entries: InvoiceNumberScan['entries'], limit: number): string[] {
  const ids = new Set<string>();
  for (const { debtorId } of entries) {
    if (ids.size >= limit) break;
    ids.add(debtorId);
  }
  return [...ids];
}
