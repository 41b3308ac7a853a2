/**
 * Answering invoice-number prefixes from earlier reads of the `numberKeys` index, where a read tells for sure:
 * the same prefix read for as many debtors (deleting back to it, or typing it again), or a longer prefix when
 * nothing starts with a shorter one — typing a company name ("du", "dup", "dupo"…) reads once. Anything else
 * is read again: a read is the index's keys alone (CadenceStore.scanInvoiceNumbers, 2–3 ms at 50,000 debtors).
 */
import type { InvoiceNumberScan } from '../../storage/api';

/** The first `limit` debtors whose numbers start with `key`, as a read of its own would give; undefined when `scan` cannot tell. */
export function answerFromScan(scan: InvoiceNumberScan, key: string, limit: number): string[] | undefined {
  if (key === scan.key) return scan.complete || scan.debtorIds.length >= limit ? scan.debtorIds.slice(0, limit) : undefined;
  return scan.complete && scan.debtorIds.length === 0 && key.startsWith(scan.key) ? [] : undefined;
}

/** The last few reads, newest first: enough for typing forward and deleting back a few keys. */
export class InvoiceWindows {
  private readonly windows: InvoiceNumberScan[] = [];

  constructor(private readonly keep = 8) {}

  answer(key: string, limit: number): string[] | undefined {
    for (const w of this.windows) {
      const found = answerFromScan(w, key, limit);
      if (found) return found;
    }
    return undefined;
  }

  remember(scan: InvoiceNumberScan): void {
    this.windows.unshift(scan);
    if (this.windows.length > this.keep) this.windows.pop();
  }
}
