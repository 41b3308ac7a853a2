/**
 * Worklist search, kept pure so it is cheap to test and fast at 50,000 rows: one substring test per row on
 * pre-computed search keys, plus the debtors found by invoice-number prefix in storage.
 */
import type { WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';

/** Rows whose name contains the query (accents, case and spacing ignored) or whose id was matched by invoice
 * number; priority order is kept. `keys[i]` is the search key of `rows[i]`. */
export function matchRows(
  rows: readonly WorklistRow[],
  keys: readonly string[],
  query: string,
  invoiceDebtorIds: ReadonlySet<string> = new Set(),
): WorklistRow[] {
  const q = toSearchKey(query);
  if (q === '') return rows.slice();
  const out: WorklistRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as WorklistRow;
    if ((keys[i] ?? '').includes(q) || invoiceDebtorIds.has(row.debtorId)) out.push(row);
  }
  return out;
}

/** Invoice numbers are short codes: looking them up for a one-letter query would only add noise. */
export function looksLikeInvoiceQuery(query: string): boolean {
  return query.trim().length >= 2;
}
