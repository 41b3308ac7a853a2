/**
 * A compact per-debtor digest kept in its own store, so the worklist of 50,000 debtors never has to read
 * 200,000 invoices. It holds dates, not "days late": lateness depends on today and is computed at read time
 * (see ./worklist.ts), so a summary written yesterday is still right today.
 */
import type { ActivityType, PromiseStatus, Segment, TaskKind } from './entities';
import type { HistorySegment, SegmentDigest } from './segmentation/history-segment';

export const SUMMARY_SCHEMA_VERSION = 1;

export interface SummaryOpenItem {
  invoiceId: string;
  number: string;
  dueDate: string;
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
  openItems: SummaryOpenItem[];
  promises: SummaryPromise[];
  /** Tasks not done yet. */
  openTasks: SummaryTask[];
  lastAction?: { at: string; type: ActivityType; outcome?: string };
  /**
   * The payment history the segment is computed from at read time, and a team lead's override. Absent in a
   * summary written before segments existed: the worklist then shows no segment until the debtor's next write.
   */
  history?: SegmentDigest & { override?: HistorySegment };
}
