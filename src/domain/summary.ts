/**
 * A compact per-debtor digest kept in its own store, so the worklist of 50,000 debtors never has to read
 * 200,000 invoices. It holds dates, not "days late": lateness depends on today and is computed at read time
 * (see ./worklist.ts), so a summary written yesterday is still right today.
 *
 * Format 2 holds only what the worklist's rows are computed from, in the cheapest form to read back: the
 * worklist's open is reading all 50,000 of them (issue 15), and IndexedDB's cost grows with every object and
 * string a record holds. Format 1 kept each open item as an object with its invoice id and number (about
 * 650 bytes a summary); format 2 keeps three numbers per item and leaves out empty lists (about 400 bytes,
 * and a third less CPU to read them in Chromium). A format 1 summary still stored is read through
 * ./summary-v1.ts and rebuilt (see `outdated`).
 */
import type { ActivityType, PromiseStatus, Segment, TaskKind } from './entities';
import type { HistorySegment, SegmentDigest } from './segmentation/history-segment';

export const SUMMARY_SCHEMA_VERSION = 2;

/** Numbers per open item in `DebtorSummary.openItems`: due day, outstanding cents, disputed (1) or not (0). */
export const OPEN_ITEM_NUMBERS = 3;

/** One open item, as `openItemsOf` reads it back. */
export interface SummaryOpenItem {
  /** The due date as a day number (days since 1970-01-01, calendar/isoDate's `toDayNumber`). */
  dueDay: number;
  /** Incl. VAT minus paid, in cents, > 0. */
  outstandingCents: number;
  disputed: boolean;
}

export interface SummaryPromise {
  id: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  status: PromiseStatus;
}

export interface SummaryTask {
  id: string;
  dueDate: string;
  kind: TaskKind;
}

export interface DebtorSummary {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  debtorId: string;
  name: string;
  /** Lower-case, accent-free name for search. */
  searchKey: string;
  segment: Segment;
  /** The unpaid invoices, oldest due first, `OPEN_ITEM_NUMBERS` numbers each (see `openItemsOf`). */
  openItems: number[];
  /** Promises the worklist still acts on; absent when there is none. */
  promises?: SummaryPromise[];
  /** Tasks not done yet, earliest first; absent when there is none. */
  openTasks?: SummaryTask[];
  lastAction?: { at: string; type: ActivityType; outcome?: string };
  /**
   * The payment history the segment is computed from at read time, and a team lead's override. Absent in a
   * summary written before segments existed: the worklist then shows no segment until the debtor's next write.
   */
  history?: SegmentDigest & { override?: HistorySegment };
  /**
   * Set by storage on a summary it read in an older format and converted, never stored: the rows are right,
   * but the record must be rebuilt from the debtor's records (the worklist asks for it, see `needsRebuild`).
   */
  outdated?: true;
}

export function packOpenItems(items: readonly SummaryOpenItem[]): number[] {
  const out: number[] = [];
  for (const i of items) out.push(i.dueDay, i.outstandingCents, i.disputed ? 1 : 0);
  return out;
}

/** The open items of a summary as objects: for readers other than the worklist's hot loop, and tests. */
export function openItemsOf(summary: Pick<DebtorSummary, 'openItems'>): SummaryOpenItem[] {
  const out: SummaryOpenItem[] = [];
  const n = summary.openItems;
  for (let k = 0; k + OPEN_ITEM_NUMBERS <= n.length; k += OPEN_ITEM_NUMBERS) {
    out.push({ dueDay: n[k] as number, outstandingCents: n[k + 1] as number, disputed: n[k + 2] === 1 });
  }
  return out;
}

/** Whether the stored record behind this summary should be rebuilt: an older format, or no payment history. */
export function needsRebuild(summary: DebtorSummary): boolean {
  return summary.outdated === true || summary.history === undefined;
}
