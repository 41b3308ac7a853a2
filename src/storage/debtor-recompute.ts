/**
 * The promises, worklist summaries and KPI digests of many debtors at once, inside the caller's read-write transaction (an
 * import's switch touches thousands of stored debtors). Read one debtor at a time, that is eight requests per
 * debtor (its record, then its promises, activities, invoices and tasks for the promises and again for the
 * summary): 80,000 requests for 10,000 debtors, most of a newer file's commit. Here the debtors are taken in
 * id order and cut into groups whose ids sit close together among the stored debtors; each group is read
 * with one range request per store (the `debtorId` index), so a group never reads much beyond its own
 * debtors, and a debtor alone among many others still costs one small request per store.
 *
 * The result is what `refreshPromises` then `recomputeSummary` (./payments.ts, ./summaries.ts) write for each
 * debtor; a unit test checks both ways agree.
 */
import {
  Activity as ActivitySchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Activity,
  type Invoice,
  type PaymentPromise,
  type Task,
} from '../domain/entities';
import { kpiDigest, type DigestCorruptRecord } from '../domain/kpis/kpi-digest';
import { summarizeDebtor } from '../domain/summarize';
import { readRecords, readRequired, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import { changedPromises } from './payments';
import type { DebtorStoreName, RecordTx } from './records';

/** Debtors read together at most: bounds what one group holds in memory. */
export const GROUP_MAX = 500;
/**
 * A group may span at most this many stored debtors per debtor it recomputes (plus a few), so it stays dense:
 * reading a few other debtors' records costs less than the requests of reading one more group.
 */
const SPAN_PER_DEBTOR = 3;
const SPAN_SLACK = 8;

/** Index of the first key ≥ `id` in the sorted `keys`. */
function rankOf(keys: readonly string[], id: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `ids` (sorted, distinct) cut into runs whose range of stored debtors stays close to their own number:
 * `rank` is each id's position among the stored debtor keys.
 */
export function denseGroups(ids: readonly string[], rank: (id: string) => number, max = GROUP_MAX): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let first = 0;
  for (const id of ids) {
    const r = rank(id);
    const span = r - first + 1;
    if (group.length > 0 && (group.length >= max || span > SPAN_PER_DEBTOR * (group.length + 1) + SPAN_SLACK)) {
      groups.push(group);
      group = [];
    }
    if (group.length === 0) first = r;
    group.push(id);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function byDebtorId<T extends { debtorId: string }>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) {
    const list = out.get(r.debtorId);
    if (list) list.push(r);
    else out.set(r.debtorId, [r]);
  }
  return out;
}

type GroupReads = [unknown[], unknown[], unknown[], unknown[], unknown[]];

/** The group's debtors and their invoices, activities, promises and tasks: five range requests. */
function readGroup(tx: RecordTx, ids: readonly string[]): Promise<GroupReads> {
  const first = ids[0] as string;
  const last = ids[ids.length - 1] as string;
  const range = (store: DebtorStoreName) => tx.byDebtorRange(store, first, last);
  return Promise.all([tx.getAll('debtors', { from: first, upTo: last }), range('invoices'), range('activities'), range('promises'), range('tasks')]);
}

/** Computes the group's promises and summaries from its reads and issues their writes, returned unawaited. */
function recomputeGroup(tx: RecordTx, ids: readonly string[], reads: GroupReads, today: string, onCorrupt?: CorruptHandler): Promise<unknown> {
  const [rawDebtors, rawInvoices, rawActivities, rawPromises, rawTasks] = reads;
  const wanted = new Set(ids);
  const mine = <T extends { debtorId: string }>(records: T[]) => byDebtorId(records.filter((r) => wanted.has(r.debtorId)));
  // The records the KPIs read that are left out as corrupt are noted in their debtor's digest, as
  // `recomputeSummary` does; without a handler a corrupt record still throws.
  const corrupt = new Map<string, DigestCorruptRecord[]>();
  const note = (raws: readonly unknown[]): CorruptHandler | undefined =>
    onCorrupt &&
    ((report) => {
      const owner = raws.find((r) => (r as { id?: unknown } | null)?.id === report.key) as { debtorId?: unknown } | undefined;
      if (typeof owner?.debtorId === 'string') corrupt.set(owner.debtorId, [...(corrupt.get(owner.debtorId) ?? []), report]);
      onCorrupt(report);
    });
  const invoices = mine(readRecords<Invoice>(InvoiceSchema, 'invoices', rawInvoices, note(rawInvoices)));
  const activities = mine(readRecords<Activity>(ActivitySchema, 'activities', rawActivities, note(rawActivities)));
  const promises = mine(readRecords<PaymentPromise>(PromiseSchema, 'promises', rawPromises, note(rawPromises)));
  const tasks = mine(readRecords<Task>(TaskSchema, 'tasks', rawTasks, onCorrupt));
  const debtors = new Map<string, unknown>();
  for (const raw of rawDebtors) {
    const id = (raw as { id?: unknown }).id;
    if (typeof id === 'string' && wanted.has(id)) debtors.set(id, raw);
  }
  const changed: PaymentPromise[] = [];
  const digests: ReturnType<typeof kpiDigest>[] = [];
  const summaries = ids.map((debtorId) => {
    const raw = debtors.get(debtorId);
    if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${debtorId}`, { store: 'debtors', key: debtorId });
    const debtor = readRequired(DebtorSchema, 'debtors', raw);
    const own = { invoices: invoices.get(debtorId) ?? [], activities: activities.get(debtorId) ?? [], tasks: tasks.get(debtorId) ?? [] };
    const stored = promises.get(debtorId) ?? [];
    const updates = new Map(changedPromises(stored, own.activities, own.invoices, today).map((p) => [p.id, p]));
    changed.push(...updates.values());
    const bundle = { debtor, contacts: [], ...own, promises: stored.map((p) => updates.get(p.id) ?? p) };
    digests.push(kpiDigest(bundle, corrupt.get(debtorId)));
    return summarizeDebtor(bundle);
  });
  return Promise.all([tx.putMany('promises', changed), tx.putMany('summaries', summaries), tx.putMany('kpiDigests', digests)]);
}

/**
 * Recomputes the promises and summary of every debtor of `debtorIds` (each must exist: `not_found`
 * otherwise), as `refreshPromises` then `recomputeSummary` would one by one. `onGroup` hears how many
 * debtors each group recomputed; `maxGroup` caps a group (GROUP_MAX by default).
 */
export async function recomputeDebtors(
  tx: RecordTx,
  debtorIds: readonly string[],
  today: string,
  options: { onCorrupt?: CorruptHandler; onGroup?: (debtors: number) => void; maxGroup?: number } = {},
): Promise<void> {
  if (debtorIds.length === 0) return;
  const ids = [...new Set(debtorIds)].sort();
  // Every stored debtor's key (ids only, sorted): where each touched debtor sits among them.
  const keys = (await tx.getAllKeys('debtors')) as string[];
  const groups = denseGroups(ids, (id) => rankOf(keys, id), options.maxGroup);
  const writes: Promise<unknown>[] = [];
  const settle = (p: Promise<unknown>) => {
    // A failed request aborts the transaction and fails the later ones too; every one is awaited below.
    p.catch(() => undefined);
    return p;
  };
  try {
    // One group read ahead: the next group's reads are in flight while this one is computed and written.
    let next = settle(readGroup(tx, groups[0] as string[])) as Promise<GroupReads>;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as string[];
      const reads = await next;
      if (i + 1 < groups.length) next = settle(readGroup(tx, groups[i + 1] as string[])) as Promise<GroupReads>;
      writes.push(settle(recomputeGroup(tx, group, reads, today, options.onCorrupt)));
      options.onGroup?.(group.length);
    }
  } finally {
    await Promise.allSettled(writes);
  }
  await Promise.all(writes);
}
