/**
 * The IndexedDB implementation of CadenceStore. Every write is parsed by zod first; every write that changes
 * what a debtor owes or what was done about it rebuilds that debtor's summary in the same transaction.
 * Failures come out as StorageError (kind `quota`, `invalid`, `not_found`, `corrupt`, `closed`, …).
 */
import type { DebtorBundle } from '../domain/bundle';
import { DEFAULT_SETTINGS, Settings as SettingsSchema, type Settings } from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import type { DebtorSummary } from '../domain/summary';
import { toSearchKey } from '../domain/text';
import type { CadenceStore } from './api';
import { toStoredInvoice, validateBundle } from './bundles';
import { readRecord, readSummaries, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { ALL_STORES, SETTINGS_KEY, type CadenceStoreName } from './schema';
import { recomputeSummary } from './summaries';
import { commitOrAbort, guarded } from './tx';

export interface CadenceStoreOptions {
  /**
   * Told about each stored record that fails its schema on read; the record is then skipped. Without it a
   * corrupt record makes the read fail with a `corrupt` StorageError.
   */
  onCorrupt?: CorruptHandler;
  /** Summaries read per chunk by listSummaries. */
  summaryChunkSize?: number;
  /** Runs between summary chunks so the main thread can paint; defaults to a macrotask. */
  yieldBetweenChunks?: () => Promise<void>;
}

const noop = (): void => undefined;
// Only the call screen and its resume banner use call records: their code loads with them, not at start.
// One shared promise, so calls made in a row create their transactions in that same order.
let callsModule: Promise<typeof import('./calls')> | undefined;
const calls = () => (callsModule ??= import('./calls'));
// Payments, plans and letter settings load with the screens that use them.
const payments = () => import('./payments');
const plans = () => import('./plans');
const preferences = () => import('./preferences');
// A dossier is read and edited one debtor at a time, from the screens after the worklist.
const dossiers = () => import('./dossiers');
const drafts = () => import('./drafts');
const MODULES = { calls, dossiers, drafts, payments, plans, preferences };
export type StorageModule = keyof typeof MODULES;

/** Fetches storage modules a screen is about to use, so their first call does not wait on the network. */
export function preloadStorage(modules: readonly StorageModule[]): Promise<unknown> {
  return Promise.all(modules.map((name) => MODULES[name]()));
}
/** Invoices read at once per debtor wanted by findDebtorIdsByInvoiceNumber before it falls back to a cursor. */
const INVOICES_PER_DEBTOR_SCAN = 5;
const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createCadenceStore(db: CadenceDatabase, options: CadenceStoreOptions = {}): CadenceStore {
  const { onCorrupt } = options;
  const chunkSize = options.summaryChunkSize ?? 2_000;
  const pause = options.yieldBetweenChunks ?? macrotask;

  function writeBundles(bundles: readonly DebtorBundle[]): Promise<void> {
    const stores: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks', 'summaries'];
    return commitOrAbort(db.transaction(stores, 'readwrite'), async (tx) => {
      const debtors = tx.objectStore('debtors');
      const seen = new Map<string, number>();
      for (const b of bundles) seen.set(b.debtor.id, (seen.get(b.debtor.id) ?? 0) + 1);
      const existing = await Promise.all(bundles.map((b) => debtors.getKey(b.debtor.id)));
      const writes: Promise<unknown>[] = [];
      // Each request gets a handler at once: if a later put throws, the ones queued before it reject with
      // AbortError, and that must not surface as unhandled rejections.
      const track = (request: Promise<unknown>): void => {
        request.catch(noop);
        writes.push(request);
      };
      const rebuildFromStore = new Set<string>();
      bundles.forEach((b, i) => {
        track(debtors.put(b.debtor));
        for (const c of b.contacts) track(tx.objectStore('contacts').put(c));
        for (const inv of b.invoices) track(tx.objectStore('invoices').put(toStoredInvoice(inv)));
        for (const a of b.activities) track(tx.objectStore('activities').put(a));
        for (const p of b.promises) track(tx.objectStore('promises').put(p));
        for (const t of b.tasks) track(tx.objectStore('tasks').put(t));
        // A debtor already stored may own records the bundle lacks: its summary must come from the store.
        if (existing[i] !== undefined || (seen.get(b.debtor.id) ?? 0) > 1) rebuildFromStore.add(b.debtor.id);
        else track(tx.objectStore('summaries').put(summarizeDebtor(b)));
      });
      await Promise.all(writes);
      for (const id of rebuildFromStore) await recomputeSummary(tx, id, onCorrupt);
    });
  }

  return {
    isEmpty: () => guarded(async () => (await db.count('debtors')) === 0),

    counts: () =>
      guarded(async () => {
        const tx = db.transaction(['debtors', 'invoices']);
        const [debtors, invoices] = await Promise.all([tx.objectStore('debtors').count(), tx.objectStore('invoices').count()]);
        return { debtors, invoices };
      }),

    getDossier: (debtorId) => guarded(async () => (await dossiers()).getDossier(db, debtorId, onCorrupt)),
    putContact: (contact) => guarded(async () => (await dossiers()).putContact(db, contact)),
    putInvoice: (invoice) => guarded(async () => (await dossiers()).putInvoice(db, invoice, onCorrupt)),
    addActivity: (activity) => guarded(async () => (await dossiers()).addActivity(db, activity, onCorrupt)),
    putPromise: (promise) => guarded(async () => (await dossiers()).putPromise(db, promise, onCorrupt)),
    putTask: (task) => guarded(async () => (await dossiers()).putTask(db, task, onCorrupt)),

    putBundles: (bundles) =>
      guarded(async () => {
        const valid = bundles.map(validateBundle);
        if (valid.length > 0) await writeBundles(valid);
      }),

    listSummaries: (onChunk) =>
      guarded(async () => {
        const all: DebtorSummary[] = [];
        let after: IDBValidKey | undefined;
        for (;;) {
          // One short transaction per chunk: pausing between chunks would auto-commit a longer one anyway.
          const tx = db.transaction('summaries');
          const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
          const values: unknown[] = await tx.store.getAll(range, chunkSize);
          if (values.length === 0) break;
          const chunk = readSummaries(values, onCorrupt);
          for (const s of chunk) all.push(s);
          onChunk?.(chunk);
          if (values.length < chunkSize) break;
          // The store's key path is `debtorId`, which IndexedDB guarantees on every stored record, corrupt ones
          // included: the next chunk starts after it without a second read of the keys (a quarter of the time).
          after = (values[values.length - 1] as { debtorId: IDBValidKey }).debtorId;
          await pause();
        }
        return all;
      }),

    findDebtorIdsByInvoiceNumber: (prefix, limit) =>
      guarded(async () => {
        const key = toSearchKey(prefix);
        if (key === '' || limit <= 0) return [];
        const ids = new Set<string>();
        const add = (invoice: { debtorId?: unknown }): void => {
          if (typeof invoice.debtorId === 'string') ids.add(invoice.debtorId);
        };
        const index = db.transaction('invoices').store.index('numberKey');
        const range = IDBKeyRange.bound(key, `${key}\uffff`);
        // One read for the usual case, since a debtor seldom has more than a few invoices under one prefix: a
        // cursor costs a round trip per invoice, which made a short prefix take ~1,000 of them per keystroke.
        // The cursor only takes over, past that read, when it did not find enough debtors.
        const scan = limit * INVOICES_PER_DEBTOR_SCAN;
        const batch = await index.getAll(range, scan);
        for (const invoice of batch) {
          if (ids.size >= limit) break;
          add(invoice);
        }
        if (ids.size < limit && batch.length === scan) {
          let cursor = await index.openCursor(range);
          if (cursor) cursor = await cursor.advance(scan);
          while (cursor && ids.size < limit) {
            add(cursor.value);
            cursor = await cursor.continue();
          }
        }
        return [...ids];
      }),

    getSettings: () =>
      guarded(async () => {
        const raw = await db.get('settings', SETTINGS_KEY);
        // Copies, so a caller editing the result never edits the shared default.
        if (raw === undefined) return { ...DEFAULT_SETTINGS };
        return readRecord<Settings>(SettingsSchema, 'settings', raw, onCorrupt) ?? { ...DEFAULT_SETTINGS };
      }),

    putSettings: (settings) =>
      guarded(async () => {
        await db.put('settings', validateForWrite(SettingsSchema, 'settings', settings), SETTINGS_KEY);
      }),

    saveCall: (record) => guarded(async () => (await calls()).saveCall(db, record)),
    restoreCall: (record) => guarded(async () => (await calls()).restoreCall(db, record)),
    getCall: (callId) => guarded(async () => (await calls()).getCall(db, callId, onCorrupt)),
    activeCalls: (debtorId) => guarded(async () => (await calls()).activeCalls(db, debtorId, onCorrupt)),
    commitCallOutcome: (callId, outcome) => guarded(async () => (await calls()).commitCallOutcome(db, callId, outcome, onCorrupt)),
    recoverCall: (callId, activity) => guarded(async () => (await calls()).recoverCall(db, callId, activity, onCorrupt)),
    discardCall: (callId) => guarded(async () => (await calls()).discardCall(db, callId)),

    recordPayment: (entry, today) => guarded(async () => (await payments()).recordPayment(db, entry, today, onCorrupt)),
    proposePlan: (plan, activity) => guarded(async () => (await plans()).proposePlan(db, plan, activity, onCorrupt)),
    decidePlan: (planId, decision) => guarded(async () => (await plans()).decidePlan(db, planId, decision, onCorrupt)),
    listPlans: (filter) => guarded(async () => (await plans()).listPlans(db, filter, onCorrupt)),
    getRateSettings: () => guarded(async () => (await preferences()).getRateSettings(db, onCorrupt)),
    putRateSettings: (rates) => guarded(async () => (await preferences()).putRateSettings(db, rates)),
    getCreditor: () => guarded(async () => (await preferences()).getCreditor(db, onCorrupt)),
    putCreditor: (creditor) => guarded(async () => (await preferences()).putCreditor(db, creditor)),

    getRecapDraft: (id) => guarded(async () => (await drafts()).getRecapDraft(db, id, onCorrupt)),
    putRecapDraft: (draft) => guarded(async () => (await drafts()).putRecapDraft(db, draft)),
    deleteRecapDraft: (id) => guarded(async () => (await drafts()).deleteRecapDraft(db, id)),

    clearAll: () =>
      guarded(async () => {
        const tx = db.transaction([...ALL_STORES], 'readwrite');
        await Promise.all([...ALL_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
      }),

    close: () => db.close(),
    databaseName: db.name,
  };
}
