/**
 * Builds the compact worklist digest of one debtor (see ./summary.ts). Storage calls this inside the same
 * transaction as every write that touches a debtor's invoices, promises, tasks or activities, so the
 * summary can never drift from the records it digests.
 */
import type { DebtorBundle } from './bundle';
import type { Activity, PaymentPromise } from './entities';
import { packOpenItems, SUMMARY_SCHEMA_VERSION, type DebtorSummary, type SummaryPromise, type SummaryTask } from './summary';
import { toSearchKey } from './text';
import { segmentDigestOf } from './segmentation/bundle-history';
import { isoDayNumber } from './calendar/day-number';

/**
 * Promises the worklist still has to act on:
 * - every `pending` promise (it may break once its date is past);
 * - a `broken` or `partial` promise, unless the debtor made a newer promise afterwards: the agent already
 *   called back and got a new commitment, so the old failure must not keep the debtor at the top forever.
 * `kept` promises need no action and are left out (the dossier reads the full history from the store).
 */
export function actionablePromises(promises: readonly PaymentPromise[]): PaymentPromise[] {
  let latestCreated = Number.NEGATIVE_INFINITY;
  for (const p of promises) latestCreated = Math.max(latestCreated, Date.parse(p.createdAt));
  return promises.filter((p) => {
    if (p.status === 'pending') return true;
    if (p.status === 'kept') return false;
    return Date.parse(p.createdAt) >= latestCreated;
  });
}

/** The most recent activity by instant (ISO strings with different offsets do not sort as text). */
export function latestActivity(activities: readonly Activity[]): Activity | undefined {
  let latest: Activity | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const a of activities) {
    const at = Date.parse(a.at);
    if (at >= latestAt) {
      latest = a;
      latestAt = at;
    }
  }
  return latest;
}

function byDueThen<T extends { dueDate: string }>(key: (x: T) => string) {
  return (a: T, b: T): number => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

export function summarizeDebtor(bundle: DebtorBundle): DebtorSummary {
  const { debtor } = bundle;

  const open: { number: string; dueDate: string; outstandingCents: number; disputed: boolean }[] = [];
  for (const inv of bundle.invoices) {
    if (inv.status === 'paid') continue;
    const outstandingCents = inv.amountInclVatCents - inv.amountPaidCents;
    if (outstandingCents <= 0) continue;
    open.push({ number: inv.number, dueDate: inv.dueDate, outstandingCents, disputed: inv.status === 'disputed' });
  }
  // Due dates are checked ISO dates (entities.ts), so every day number is an integer.
  const openItems = packOpenItems(
    open.sort(byDueThen((i) => i.number)).map((i) => ({ dueDay: isoDayNumber(i.dueDate), outstandingCents: i.outstandingCents, disputed: i.disputed })),
  );

  const promises: SummaryPromise[] = actionablePromises(bundle.promises)
    .map((p) => ({ id: p.id, dueDate: p.dueDate, amountCents: p.amountCents, paidCents: p.paidCents, status: p.status }))
    .sort(byDueThen((p) => p.id));

  const openTasks: SummaryTask[] = bundle.tasks
    .filter((t) => !t.done)
    .sort(byDueThen((t) => `${t.dueTime ?? '99:99'}|${t.id}`))
    .map((t) => ({ id: t.id, dueDate: t.dueDate, kind: t.kind }));

  const summary: DebtorSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    debtorId: debtor.id,
    name: debtor.name,
    searchKey: toSearchKey(debtor.name),
    segment: debtor.segment,
    openItems,
    history: bundle.debtor.segmentOverride
      ? { ...segmentDigestOf(bundle), override: bundle.debtor.segmentOverride.segment }
      : segmentDigestOf(bundle),
  };
  // Empty lists are left out: two empty arrays in each of 50,000 records are 100,000 objects to read back.
  if (promises.length > 0) summary.promises = promises;
  if (openTasks.length > 0) summary.openTasks = openTasks;
  const last = latestActivity(bundle.activities);
  if (last) {
    summary.lastAction = last.outcome === undefined ? { at: last.at, type: last.type } : { at: last.at, type: last.type, outcome: last.outcome };
  }
  return summary;
}
