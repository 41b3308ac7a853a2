/**
 * The worklist's last reads of the invoice numbers, answering the keys typed after them when they can
 * (storage/invoice-number-scan.ts): a read holds the first numbers under its prefix with their debtors, so typing
 * on ("fa", "fa-", "fa-2"…) is answered from it as long as it holds the longer prefix's first debtors, and
 * typing a company name ("du", "dup", "dupo"…) from the empty read of its first letters.
 */
import type { InvoiceNumberScan } from '../../storage/api';
import { debtorsUnder } from '../../storage/invoice-number-scan';

/** The last few reads, newest first: enough for typing forward and deleting back a few keys. */
export class InvoiceWindows {
  private readonly windows: InvoiceNumberScan[] = [];

  constructor(private readonly keep = 8) {}

  answer(key: string, limit: number): string[] | undefined {
    for (const w of this.windows) {
      const found = debtorsUnder(w, key, limit);
      if (found) return found;
    }
    return undefined;
  }

  remember(scan: InvoiceNumberScan): void {
    this.windows.unshift(scan);
    if (this.windows.length > this.keep) this.windows.pop();
  }
}
