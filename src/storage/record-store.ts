/**
 * CadenceStore over any Records (./records.ts): every operation is written once here and in the modules it
 * loads, and runs the same on IndexedDB (./store.ts) and in memory (./memory-store.ts). Every write is parsed
 * by zod first; every write that changes what a debtor owes or what was done about it rebuilds that debtor's
 * summary in the same transaction. Failures come out as StorageError (kind `quota`, `invalid`, `not_found`,
 * `corrupt`, `closed`, …).
 */
import type { Settings } from '../domain/settings';
import { DEFAULT_SETTINGS, isSettings, settingsFields } from '../domain/settings-check';
import { stripBidiDeep } from '../domain/text';
import type { CadenceStore, NumberPagesRead } from './api';
import { debtorsByNumber } from './number-search';
import { readRecord, validateForWrite, type CorruptHandler } from './codec';
import type { Records } from './records';
import { ALL_STORES, SETTINGS_KEY, SYNC_STORES } from './schema';
import { getSummary, listSummaries } from './summary-list';
import type { TeamSyncStore } from './sync-local';
import { guarded } from './tx';

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

/** What differs between the places records live, beyond Records itself. */
export interface RecordsBackend {
  /** Records that write the outbox beside every shared change (./outbox-capture.ts). */
  records: Records;
  /** The same records without the outbox: what the team server sends is applied through them (./sync-local.ts). */
  plainRecords: Records;
  /** Through the fastest path the backend has (IndexedDB: the invoice blocks' `numberKeys` index). */
  readNumberPages(starts: readonly string[], pagesEach: number): Promise<NumberPagesRead>;
  close(): void;
  databaseName?: string;
}

// Only the call screen and its resume banner use call records: their code loads with them, not at start.
// One shared promise, so calls made in a row create their transactions in that same order.
let callsModule: Promise<typeof import('./calls')> | undefined;
const calls = () => (callsModule ??= import('./calls'));
// Reading the calls in progress (the worklist's resume banner, when there are some) needs none of the above.
const activeCallsModule = () => import('./active-calls');
// Payments, plans and letter settings load with the screens that use them.
const payments = () => import('./payments');
const plans = () => import('./plans');
const preferences = () => import('./preferences');
// A dossier is read and edited one debtor at a time, from the screens after the worklist.
const dossiers = () => import('./dossiers');
const drafts = () => import('./drafts');
// The studio's analytics read every call activity of a script; only the studio needs that code.
const callScan = () => import('./call-scan');
// Whole bundles are written by the seed and by imports, never by the first screen.
const bundles = () => import('./bundles');
// Backups are made and restored from the settings screen only.
const backup = () => import('./backup');
// The settings' zod schema: for writes, and to name what is wrong with a stored record that fails the read
// check. The first screen reads valid settings without it (../domain/settings-check.ts).
const settingsSchema = async () => (await import('../domain/settings')).Settings;
// Rebuilding summaries (older ones that lack a part) needs every entity schema: loaded only when some do.
const summaryRebuild = () => import('./summaries');
const MODULES = { backup, bundles, calls, dossiers, drafts, payments, plans, preferences };
export type StorageModule = keyof typeof MODULES;

/** Fetches storage modules a screen is about to use, so their first call does not wait on the network. */
export function preloadStorage(modules: readonly StorageModule[]): Promise<unknown> {
  return Promise.all(modules.map((name) => MODULES[name]()));
}

const TEAM_SYNC_METHODS = [
  'link',
  'pending',
  'counts',
  'failed',
  'settle',
  'checkpoint',
  'applyPull',
  'markSynced',
  'lostEdits',
  'dismissLostEdit',
  'teamLink',
  'join',
  'leave',
  'hasLocalData',
  'uploadAll',
  'clearShared',
  'enqueue',
] as const satisfies readonly (keyof TeamSyncStore)[];

// Every method of TeamSyncStore is listed above: the type fails when one is added there and not here.
type Unlisted = Exclude<keyof TeamSyncStore, (typeof TEAM_SYNC_METHODS)[number]>;
export const TEAM_SYNC_METHODS_COMPLETE: [Unlisted] extends [never] ? true : never = true;

/** The team-sync side of the store, whose code (sync protocol, pull applier) loads only when a team is used. */
function lazyTeamSyncStore(plain: Records, onCorrupt?: CorruptHandler): TeamSyncStore {
  let loaded: Promise<TeamSyncStore> | undefined;
  const load = () => (loaded ??= import('./sync-local').then((m) => m.createTeamSyncStore(plain, onCorrupt)));
  const out: Record<string, unknown> = {};
  for (const name of TEAM_SYNC_METHODS) {
    out[name] = async (...args: unknown[]) => guarded(async () => ((await load())[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  }
  // Asked at boot and before seeding the demo: answered without loading the sync code.
  out.teamLink = () => guarded(() => plain.read(['syncState'], (tx) => tx.get('syncState', 'team')));
  return out as unknown as TeamSyncStore;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
export function createRecordStore(backend: RecordsBackend, options: CadenceStoreOptions = {}): CadenceStore {
  const { records } = backend;
  const { onCorrupt } = options;
  const paging = { chunkSize: options.summaryChunkSize ?? 2_000, pause: options.yieldBetweenChunks ?? macrotask, onCorrupt };
  const store: CadenceStore = {
    // One key, not a count: IndexedDB counts by walking every record (0.15–0.3 s at 50,000 debtors, on the
    // boot path of every screen); the first key answers in about 1 ms.
    isEmpty: () => guarded(async () => (await records.read(['debtors'], (tx) => tx.getAllKeys('debtors', { limit: 1 }))).length === 0),

    counts: () =>
      guarded(() =>
        records.read(['debtors', 'invoices'], async (tx) => {
          const [debtors, invoices] = await Promise.all([tx.count('debtors'), tx.count('invoices')]);
          return { debtors, invoices };
        }),
      ),

    getDossier: (debtorId) => guarded(async () => (await dossiers()).getDossier(records, debtorId, onCorrupt)),
    putContact: (contact) => guarded(async () => (await dossiers()).putContact(records, contact)),
    putInvoice: (invoice) => guarded(async () => (await dossiers()).putInvoice(records, invoice, onCorrupt)),
    addActivity: (activity) => guarded(async () => (await dossiers()).addActivity(records, activity, onCorrupt)),
    putPromise: (promise) => guarded(async () => (await dossiers()).putPromise(records, promise, onCorrupt)),
    putTask: (task) => guarded(async () => (await dossiers()).putTask(records, task, onCorrupt)),
    setSegmentOverride: (debtorId, change) => guarded(async () => (await dossiers()).setSegmentOverride(records, debtorId, change, onCorrupt)),
    setDebtorKind: (debtorId, kind, at) => guarded(async () => (await dossiers()).setDebtorKind(records, debtorId, kind, at, onCorrupt)),

    putBundles: (list) => guarded(async () => (await bundles()).putBundles(records, list, onCorrupt)),

    listSummaries: (onChunk, options) => guarded(() => listSummaries(records, paging, onChunk, options?.keep ?? true)),
    getSummary: (debtorId) => guarded(() => getSummary(records, debtorId, onCorrupt)),
    refreshSummaries: (debtorIds) => guarded(async () => (await summaryRebuild()).refreshSummaries(records, debtorIds, paging.pause, onCorrupt)),
    scriptCallDetails: (scriptId) => guarded(async () => (await callScan()).scriptCallDetails(records, paging, scriptId)),
    findDebtorIdsByInvoiceNumber: (prefix, limit) => guarded(() => debtorsByNumber((starts, each) => backend.readNumberPages(starts, each), prefix, limit)),
    readNumberPages: (starts, pagesEach) => guarded(() => backend.readNumberPages(starts, pagesEach)),

    getSettings: () =>
      guarded(async () => {
        const raw = await records.read(['settings'], (tx) => tx.get('settings', SETTINGS_KEY));
        // Copies, so a caller editing the result never edits the shared default.
        if (raw === undefined) return { ...DEFAULT_SETTINGS };
        if (isSettings(raw)) return stripBidiDeep(settingsFields(raw));
        return readRecord<Settings>(await settingsSchema(), 'settings', raw, onCorrupt) ?? { ...DEFAULT_SETTINGS };
      }),

    putSettings: (settings) =>
      guarded(async () => {
        const valid = validateForWrite(await settingsSchema(), 'settings', settings);
        await records.write(['settings'], (tx) => tx.put('settings', valid, SETTINGS_KEY));
      }),

    saveCall: (record) => guarded(async () => (await calls()).saveCall(records, record)),
    restoreCall: (record) => guarded(async () => (await calls()).restoreCall(records, record)),
    getCall: (callId) => guarded(async () => (await calls()).getCall(records, callId, onCorrupt)),
    activeCalls: (debtorId) =>
      guarded(async () => {
        const raws = await records.read(['calls'], (tx) => (debtorId === undefined ? tx.getAll('calls') : tx.byDebtor('calls', debtorId)));
        // Most opens of the worklist find no call in progress: the frame's schema (zod) loads only to read one.
        return raws.length === 0 ? [] : (await activeCallsModule()).readActiveCalls(raws, onCorrupt);
      }),
    commitCallOutcome: (callId, outcome) => guarded(async () => (await calls()).commitCallOutcome(records, callId, outcome, onCorrupt)),
    recoverCall: (callId, activity) => guarded(async () => (await calls()).recoverCall(records, callId, activity, onCorrupt)),
    discardCall: (callId) => guarded(async () => (await calls()).discardCall(records, callId)),

    recordPayment: (entry, today) => guarded(async () => (await payments()).recordPayment(records, entry, today, onCorrupt)),
    recordPayments: (entries, today) => guarded(async () => (await payments()).recordPayments(records, entries, today, onCorrupt)),
    proposePlan: (plan, activity) => guarded(async () => (await plans()).proposePlan(records, plan, activity, onCorrupt)),
    decidePlan: (planId, decision) => guarded(async () => (await plans()).decidePlan(records, planId, decision, onCorrupt)),
    listPlans: (filter) => guarded(async () => (await plans()).listPlans(records, filter, onCorrupt)),
    getRateSettings: () => guarded(async () => (await preferences()).getRateSettings(records, onCorrupt)),
    putRateSettings: (rates) => guarded(async () => (await preferences()).putRateSettings(records, rates)),
    getCreditor: () => guarded(async () => (await preferences()).getCreditor(records, onCorrupt)),
    putCreditor: (creditor) => guarded(async () => (await preferences()).putCreditor(records, creditor)),

    getRecapDraft: (id) => guarded(async () => (await drafts()).getRecapDraft(records, id, onCorrupt)),
    putRecapDraft: (draft) => guarded(async () => (await drafts()).putRecapDraft(records, draft)),
    deleteRecapDraft: (id) => guarded(async () => (await drafts()).deleteRecapDraft(records, id)),

    clearAll: () =>
      guarded(() =>
        backend.plainRecords.write(ALL_STORES, async (tx) => {
          // The team link, pending changes and lost edits are not the portfolio: a device joined to a team
          // stays joined, and pulls the team's data again from the start.
          const local = ALL_STORES.filter((name) => !SYNC_STORES.includes(name));
          await Promise.all(local.map((name) => tx.clear(name)));
          if (await tx.has('syncState', 'checkpoint')) await tx.put('syncState', { key: 'checkpoint', cookie: null });
        }),
      ),

    exportBackup: () => guarded(async () => (await backup()).exportRecords(records)),
    // A restore is this device's own: through the plain records, it sends nothing to a team.
    restoreBackup: (stores) => guarded(async () => (await backup()).restoreCheckedRecords(backend.plainRecords, stores)),

    close: () => backend.close(),
  };
  const withSync: CadenceStore = { ...store, sync: lazyTeamSyncStore(backend.plainRecords, onCorrupt) };
  if (backend.databaseName !== undefined) return { ...withSync, databaseName: backend.databaseName };
  return withSync;
}
