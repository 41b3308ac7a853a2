/**
 * The store's invoice-number search (CadenceStore.findDebtorIdsByInvoiceNumber), over the number pages
 * (./number-pages.ts): from the page where the prefix falls, a few pages at a time, until its first debtors are
 * found or its range ends.
 */
import { toSearchKey } from '../domain/text';
import type { NumberPagesRead } from './api';
import { debtorsInPages } from './number-pages';

/** Pages read first from the prefix's page; each further read takes four times more. */
const FIRST_PAGES = 3;

export async function debtorsByNumber(
  read: (starts: readonly string[], pagesEach: number) => Promise<NumberPagesRead>,
  prefix: string,
  limit: number,
): Promise<string[]> {
  const key = toSearchKey(prefix);
  if (key === '' || limit <= 0) return [];
  for (let each = FIRST_PAGES; ; each *= 4) {
    // Pages and directory of one moment: each read answers on its own.
    const { directory, pages } = await read([key], each);
    const byFirst = new Map(pages.map((p) => [p.first, p.entries]));
    const found = debtorsInPages(directory, (first) => byFirst.get(first), key, limit);
    if ('debtorIds' in found) return found.debtorIds;
    if (each >= directory.length) return [];
  }
}
