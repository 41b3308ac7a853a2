/**
 * Answering invoice-number prefixes from an earlier read. Typing "FA-2026-100001" asks for "fa", "fa-",
 * "fa-2", … "fa-2026-100001": each read of the `numberKey` index brings back up to 1,000 whole invoice records
 * (10–35 ms of the worker's time per key at 50,000 debtors), yet most of these prefixes' first matches are
 * already among what the previous read brought back. A window is one read: every invoice number from its
 * prefix on, in index order, complete up to its last number (or to the end of its prefix when the read ran
 * out). A longer prefix whose matches all fall inside it, or whose first `limit` debtors do, is answered from
 * it exactly as the index would: same debtors, same order.
 */
import type { InvoiceNumberScan } from '../../storage/api';

/** The debtors of the first `limit` distinct debtors whose numbers start with `key`; undefined when the window cannot tell. */
export function answerFromWindow(window: InvoiceNumberScan, key: string, limit: number): string[] | undefined {
  // The index's range for a prefix (storage/store.ts): [key, key + U+FFFF].
  const end = `${key}\uffff`;
  if (key < window.key) return undefined;
  // The read is the start of its prefix's numbers in index order, and `key` sorts after its prefix, so the
  // read's numbers starting with `key` are the start of `key`'s own: enough to name its first `limit` debtors,
  // and all of them once a number past `key`'s range shows up.
  const { entries, complete } = window;
  const ids = new Set<string>();
  for (const { numberKey, debtorId } of entries) {
    if (numberKey > end) return [...ids];
    if (numberKey < key) continue;
    ids.add(debtorId);
    if (ids.size >= limit) return [...ids];
  }
  // The read ended inside `key`'s range: whole only if it ran out of numbers and `key`'s range is inside its own.
  return complete && end <= `${window.key}\uffff` ? [...ids] : undefined;
}

/** The last few reads, newest first: enough for typing forward and deleting back a few keys. */
export class InvoiceWindows {
  private readonly windows: InvoiceNumberScan[] = [];

  constructor(private readonly keep = 8) {}

  answer(key: string, limit: number): string[] | undefined {
    for (const w of this.windows) {
      const found = answerFromWindow(w, key, limit);
      if (found) return found;
    }
    return undefined;
  }

  remember(scan: InvoiceNumberScan): void {
    this.windows.unshift(scan);
    if (this.windows.length > this.keep) this.windows.pop();
  }
}
