/**
 * Format 1 of the worklist summary (./summary.ts), as databases written before issue 15's slimmer format
 * still hold it, and its conversion. Storage reads a format 1 record through `summaryFromV1`, so the rows
 * stay right, and marks it `outdated` so the worklist has it rebuilt from the debtor's records
 * (storage/summaries.ts `refreshSummaries`): no database upgrade, and nothing silently dropped meanwhile.
 */
import type { DebtorSummary, SummaryPromise, SummaryTask } from './summary';
import { SUMMARY_SCHEMA_VERSION } from './summary';
import { isoDayNumber } from './calendar/day-number';

export const SUMMARY_V1 = 1;

export interface SummaryOpenItemV1 {
  invoiceId: string;
  number: string;
  dueDate: string;
  outstandingCents: number;
  disputed: boolean;
}

export interface DebtorSummaryV1 extends Omit<DebtorSummary, 'schemaVersion' | 'openItems' | 'promises' | 'openTasks' | 'outdated'> {
  schemaVersion: typeof SUMMARY_V1;
  openItems: SummaryOpenItemV1[];
  promises: SummaryPromise[];
  openTasks: SummaryTask[];
}

export function summaryFromV1(v1: DebtorSummaryV1): DebtorSummary {
  const openItems: number[] = [];
  // A due date that is not a date counts as never overdue, as format 1's reader did (isoDayNumber gives NaN).
  for (const i of v1.openItems) openItems.push(isoDayNumber(i.dueDate), i.outstandingCents, i.disputed ? 1 : 0);
  const summary: DebtorSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    debtorId: v1.debtorId,
    name: v1.name,
    searchKey: v1.searchKey,
    segment: v1.segment,
    openItems,
    outdated: true,
  };
  if (v1.promises.length > 0) summary.promises = v1.promises;
  if (v1.openTasks.length > 0) summary.openTasks = v1.openTasks;
  if (v1.lastAction) summary.lastAction = v1.lastAction;
  if (v1.history) summary.history = v1.history;
  return summary;
}
