import { parseIsoDate } from './calendar';

const DAY_MS = 86_400_000;
/** Invoices a day the chronological block can hold before spilling into the overflow block. */
const PER_DAY = 40;
const OVERFLOW_START = 20_000;

/**
 * Numbers like `FA-2026-00123`, rising with the issue date inside a year, as French invoicing requires
 * (chronological, one series per year). Gaps are expected: invoices to customers outside the demo exist too.
 */
export class InvoiceNumbering {
  private readonly perDay = new Map<string, number>();
  private overflow = OVERFLOW_START;

  next(issueDate: string): string {
    const year = issueDate.slice(0, 4);
    const dayOfYear = Math.round((parseIsoDate(issueDate) - Date.UTC(Number(year), 0, 1)) / DAY_MS) + 1;
    const k = this.perDay.get(issueDate) ?? 0;
    this.perDay.set(issueDate, k + 1);
    const seq = k < PER_DAY ? dayOfYear * PER_DAY + k : this.overflow++;
    return `FA-${year}-${String(seq).padStart(5, '0')}`;
  }
}
