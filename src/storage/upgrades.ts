/**
 * The history of the IndexedDB layout, one step per version, applied cumulatively (`oldVersion < n`).
 * This version is the database's own; each document also carries its `schemaVersion` (domain/entities.ts),
 * which evolves separately.
 *
 * - v1: debtors, contacts, invoices, activities, settings — the first release.
 * - v2: promises and tasks — payment promises and follow-ups got their own stores.
 * - v3: summaries (one worklist digest per debtor) and the invoice `numberKey` index; both are backfilled
 *   from the records already stored, inside the upgrade transaction.
 * - v4: calls — the call in progress (the call machine's persisted snapshot), indexed by debtor, so a
 *   closed or killed tab resumes the call where it was.
 * - v5: plans — payment plans proposed from calls or the dossier, indexed by debtor and status, approved or
 *   rejected by the team lead.
 * - v6: drafts — the recap email as the agent edited it, one per call activity, indexed by debtor, so an
 *   edit survives a closed tab.
 * - v7: scripts and scriptVersions — the team's call scripts (draft, status, current version) and their
 *   immutable published versions, keyed by [scriptId, version] and indexed by script.
 * - v8: imports and importStaging — a file import is staged in small transactions, then switched in by one
 *   transaction (all or nothing, also when the tab is killed); the journal keeps one entry per import.
 * - v9: outbox and syncState — once the device joins a team, every change to a shared record also writes its
 *   sync mutation to the outbox in the same transaction (./outbox.ts); syncState holds the team link, the last
 *   mutation id issued, the pull checkpoint, refused mutations and lost edits. Nothing to backfill: a device
 *   joins a team after this version, and its first connection decides what to upload.
 * - v10: kpiDigests — one KPI digest per debtor, keyed by debtorId (domain/kpis/kpi-digest.ts): what the KPIs
 *   read of its invoices, activities and promises, packed, so /kpis reads 50,000 small records instead of
 *   300,000. Kept in step with the records in the same transactions as the summaries; backfilled here from
 *   the records already stored, with the KPI worker's field check (a record that fails it is left out and
 *   noted in its debtor's digest, a debtor that fails it gets none and the KPIs read its records).
 * - v11: invoiceBlocks — each debtor's invoices in one record keyed by debtorId (./invoice-blocks.ts), with
 *   multiEntry indexes on their ids (`invoiceIds`) and number keys (`numberKeys`, the prefix search); the
 *   `invoices` store and its indexes go. IndexedDB's cost is per request and per index entry: an import of
 *   100,000 invoices for 20,000 debtors puts 20,000 records instead of 100,000. Every stored invoice moves into
 *   its debtor's block as it was written (one failing its schema is still reported by the reads, as before);
 *   one without an id or a debtor, which no block can hold, is reported here and dropped.
 * - v12: invoiceNumberPages — every debtor's distinct invoice number keys, sorted, in pages of at most 1,024
 *   (./number-pages.ts), replacing the blocks' `numberKeys` index: a read gives each number with its debtor,
 *   so the worklist's search answers a longer prefix from a shorter one's read (an index read gives only the
 *   blocks' keys), and a write puts a few pages rather than a record per number. Filled from that index's
 *   entries, then the index goes.
 *
 * Steps must never be edited once shipped: a user may still hold a database at any older version.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Activity, Debtor, Invoice, PaymentPromise, Task } from '../domain/entities';
import { Activity as ActivitySchema, Debtor as DebtorSchema, Invoice as InvoiceSchema, PaymentPromise as PromiseSchema, Task as TaskSchema } from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import { toSearchKey } from '../domain/text';
import { readRecords, recordKey, type CorruptHandler } from './codec';
import { groupInvoices, INVOICE_IDS_INDEX, INVOICE_NUMBER_PAGES, invoiceIdOf, makeBlock, NUMBER_KEYS_INDEX } from './invoice-blocks';
import { entryOf, pagesOf } from './number-pages';
import { kpiDigest, type DigestCorruptRecord } from '../domain/kpis/kpi-digest';
import { kpiBundlesFromStored } from './kpi-records';
import type { CadenceDB } from './schema';

export type UpgradeTransaction = IDBPTransaction<CadenceDB, StoreNames<CadenceDB>[], 'versionchange'>;

export interface UpgradeContext {
  db: IDBPDatabase<CadenceDB>;
  tx: UpgradeTransaction;
  /** Records that fail their schema during a backfill are left on disk untouched and reported here. */
  onCorrupt?: CorruptHandler;
}

export interface UpgradeStep {
  version: number;
  /** Synchronous schema changes; may return a promise for data work that uses `ctx.tx` only. */
  apply(ctx: UpgradeContext): void | Promise<void>;
}

function createV1({ db }: UpgradeContext): void {
  const debtors = db.createObjectStore('debtors', { keyPath: 'id' });
  debtors.createIndex('name', 'name');
  db.createObjectStore('contacts', { keyPath: 'id' }).createIndex('debtorId', 'debtorId');
  const invoices = db.createObjectStore('invoices', { keyPath: 'id' });
  invoices.createIndex('debtorId', 'debtorId');
  invoices.createIndex('status', 'status');
  const activities = db.createObjectStore('activities', { keyPath: 'id' });
  activities.createIndex('debtorId', 'debtorId');
  activities.createIndex('debtorId_at', ['debtorId', 'at']);
  db.createObjectStore('settings');
}

function createV2({ db }: UpgradeContext): void {
  const promises = db.createObjectStore('promises', { keyPath: 'id' });
  promises.createIndex('debtorId', 'debtorId');
  promises.createIndex('status', 'status');
  promises.createIndex('dueDate', 'dueDate');
  const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
  tasks.createIndex('debtorId', 'debtorId');
  tasks.createIndex('dueDate', 'dueDate');
}

function createV3(ctx: UpgradeContext): Promise<void> {
  ctx.db.createObjectStore('summaries', { keyPath: 'debtorId' });
  ctx.tx.objectStore('invoices').createIndex('numberKey', 'numberKey');
  return backfillV3(ctx);
}

function groupByDebtor<T extends { debtorId: string }>(records: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of records) {
    const list = map.get(r.debtorId);
    if (list) list.push(r);
    else map.set(r.debtorId, [r]);
  }
  return map;
}

/** Corrupt records must not wedge the upgrade: skip them here, reads will report them again later. */
const skip: CorruptHandler = () => undefined;

async function backfillV3({ tx, onCorrupt = skip }: UpgradeContext): Promise<void> {
  const [rawDebtors, rawInvoices, rawActivities, rawPromises, rawTasks] = await Promise.all([
    tx.objectStore('debtors').getAll(),
    tx.objectStore('invoices').getAll(),
    tx.objectStore('activities').getAll(),
    tx.objectStore('promises').getAll(),
    tx.objectStore('tasks').getAll(),
  ]);
  const writes: Promise<unknown>[] = [];

  const invoiceStore = tx.objectStore('invoices');
  for (const raw of rawInvoices as unknown[]) {
    const number = typeof raw === 'object' && raw !== null ? (raw as { number?: unknown }).number : undefined;
    if (typeof number === 'string') writes.push(invoiceStore.put({ ...(raw as Invoice), numberKey: toSearchKey(number) }));
  }

  const invoices = groupByDebtor<Invoice>(readRecords(InvoiceSchema, 'invoices', rawInvoices, onCorrupt));
  const activities = groupByDebtor<Activity>(readRecords(ActivitySchema, 'activities', rawActivities, onCorrupt));
  const promises = groupByDebtor<PaymentPromise>(readRecords(PromiseSchema, 'promises', rawPromises, onCorrupt));
  const tasks = groupByDebtor<Task>(readRecords(TaskSchema, 'tasks', rawTasks, onCorrupt));
  const summaries = tx.objectStore('summaries');
  for (const debtor of readRecords<Debtor>(DebtorSchema, 'debtors', rawDebtors, onCorrupt)) {
    const id = debtor.id;
    const summary = summarizeDebtor({
      debtor,
      contacts: [],
      invoices: invoices.get(id) ?? [],
      activities: activities.get(id) ?? [],
      promises: promises.get(id) ?? [],
      tasks: tasks.get(id) ?? [],
    });
    writes.push(summaries.put(summary));
  }
  await Promise.all(writes);
}

function createV4({ db }: UpgradeContext): void {
  db.createObjectStore('calls', { keyPath: 'callId' }).createIndex('debtorId', 'debtorId');
}

function createV5({ db }: UpgradeContext): void {
  const plans = db.createObjectStore('plans', { keyPath: 'id' });
  plans.createIndex('debtorId', 'debtorId');
  plans.createIndex('status', 'status');
}

function createV6({ db }: UpgradeContext): void {
  db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('debtorId', 'debtorId');
}

function createV7({ db }: UpgradeContext): void {
  db.createObjectStore('scripts', { keyPath: 'id' });
  db.createObjectStore('scriptVersions', { keyPath: ['scriptId', 'version'] }).createIndex('scriptId', 'scriptId');
}

function createV8({ db }: UpgradeContext): void {
  db.createObjectStore('imports', { keyPath: 'id' });
  db.createObjectStore('importStaging', { keyPath: 'key' });
}

function createV9({ db }: UpgradeContext): void {
  db.createObjectStore('outbox', { keyPath: 'id' });
  db.createObjectStore('syncState', { keyPath: 'key' });
}

function createV10(ctx: UpgradeContext): Promise<void> {
  ctx.db.createObjectStore('kpiDigests', { keyPath: 'debtorId' });
  return backfillV10(ctx);
}

/** The debtor a stored record belongs to, when it says. */
const ownerOf = (raw: unknown): string | undefined => {
  const id = typeof raw === 'object' && raw !== null ? (raw as { debtorId?: unknown }).debtorId : undefined;
  return typeof id === 'string' ? id : undefined;
};

async function backfillV10({ tx, onCorrupt = skip }: UpgradeContext): Promise<void> {
  const [debtors, invoices, activities, promises] = await Promise.all([
    tx.objectStore('debtors').getAll(),
    tx.objectStore('invoices').getAll(),
    tx.objectStore('activities').getAll(),
    tx.objectStore('promises').getAll(),
  ]);
  const reports: DigestCorruptRecord[] = [];
  const bundles = kpiBundlesFromStored({ debtors, invoices, activities, promises }, (r) => {
    reports.push(r);
    onCorrupt(r);
  });
  // Each record left out is noted in its debtor's digest, so the KPIs go on counting it as skipped.
  const corruptOf = new Map<string, DigestCorruptRecord[]>();
  if (reports.length > 0) {
    const owners = new Map<string, string>();
    for (const raw of [...invoices, ...activities, ...promises] as unknown[]) {
      const key = (raw as { id?: unknown } | null)?.id;
      const owner = ownerOf(raw);
      if (typeof key === 'string' && owner !== undefined) owners.set(key, owner);
    }
    for (const r of reports) {
      const owner = r.store === 'debtors' || r.key === undefined ? undefined : owners.get(r.key);
      if (owner !== undefined) corruptOf.set(owner, [...(corruptOf.get(owner) ?? []), r]);
    }
  }
  const store = tx.objectStore('kpiDigests');
  await Promise.all(bundles.map((b) => store.put(kpiDigest(b, corruptOf.get(b.debtor.id)))));
}

function createV11(ctx: UpgradeContext): Promise<void> {
  const blocks = ctx.db.createObjectStore('invoiceBlocks', { keyPath: 'debtorId' });
  blocks.createIndex(INVOICE_IDS_INDEX, 'ids', { multiEntry: true });
  blocks.createIndex(NUMBER_KEYS_INDEX, 'numberKeys', { multiEntry: true });
  return moveInvoicesV11(ctx);
}

async function moveInvoicesV11({ db, tx, onCorrupt = skip }: UpgradeContext): Promise<void> {
  const invoices = (await tx.objectStore('invoices').getAll()) as unknown[];
  const groups = groupInvoices(invoices, (raw) =>
    onCorrupt({ store: 'invoices', key: recordKey(raw), issues: [{ path: invoiceIdOf(raw) === undefined ? 'id' : 'debtorId', message: 'missing' }] }),
  );
  const store = tx.objectStore('invoiceBlocks');
  await Promise.all([...groups].map(([debtorId, list]) => store.put(makeBlock(debtorId, list))));
  db.deleteObjectStore('invoices');
}

function createV12(ctx: UpgradeContext): Promise<void> {
  ctx.db.createObjectStore(INVOICE_NUMBER_PAGES, { keyPath: 'first' });
  return pageNumberKeysV12(ctx);
}

/**
 * Every entry of the `numberKeys` index, in its order (number key, then debtor), into pages. A native key
 * cursor: a promise per entry cost about 4 s at 200,000 invoices, on the first opening after the update.
 */
async function pageNumberKeysV12({ tx }: UpgradeContext): Promise<void> {
  const blocks = tx.objectStore('invoiceBlocks');
  const index = unwrap(blocks.index(NUMBER_KEYS_INDEX)) as IDBIndex;
  const entries = await new Promise<string[]>((resolve, reject) => {
    const found: string[] = [];
    const request = index.openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(found);
      found.push(entryOf(cursor.key as string, cursor.primaryKey as string));
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
  const pages = tx.objectStore(INVOICE_NUMBER_PAGES);
  await Promise.all(pagesOf(entries).map((page) => pages.put(page)));
  blocks.deleteIndex(NUMBER_KEYS_INDEX);
}

export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  { version: 1, apply: createV1 },
  { version: 2, apply: createV2 },
  { version: 3, apply: createV3 },
  { version: 4, apply: createV4 },
  { version: 5, apply: createV5 },
  { version: 6, apply: createV6 },
  { version: 7, apply: createV7 },
  { version: 8, apply: createV8 },
  { version: 9, apply: createV9 },
  { version: 10, apply: createV10 },
  { version: 11, apply: createV11 },
  { version: 12, apply: createV12 },
];

// Bump it in ./db-version.ts with each new step (db.test.ts checks they agree).
export { DB_VERSION } from './db-version';

/**
 * Applies the steps in (oldVersion, newVersion]. Schema changes run synchronously inside the upgrade
 * callback; a step's data work is chained on the upgrade transaction alone (awaiting anything else would let
 * it commit half-done). Any failure aborts the transaction, so the database stays at `oldVersion`, intact.
 */
export function applyUpgrades(ctx: UpgradeContext, oldVersion: number, newVersion: number): Promise<void> {
  // The open request reports a failed upgrade; the transaction's own rejection would only go unhandled.
  ctx.tx.done.catch(() => undefined);
  const steps = UPGRADE_STEPS.filter((s) => s.version > oldVersion && s.version <= newVersion);
  const runFrom = (index: number): Promise<void> => {
    for (let i = index; i < steps.length; i++) {
      const pending = steps[i]?.apply(ctx);
      if (pending) return pending.then(() => runFrom(i + 1));
    }
    return Promise.resolve();
  };
  let run: Promise<void>;
  try {
    run = runFrom(0);
  } catch (e) {
    run = Promise.reject(e);
  }
  return run.catch((e: unknown) => {
    try {
      ctx.tx.abort();
    } catch {
      // Already finished or aborted: the open request reports the failure either way.
    }
    throw e;
  });
}
