/**
 * Records that write the outbox (./outbox.ts) in the same transaction as every change to a shared record.
 * A write transaction touching a captured store also opens `outbox` and `syncState`; when the device has joined
 * a team, each put and delete on a captured store is noted (the value before and after), and once the work
 * has succeeded its mutations are appended before the transaction commits. A work that throws aborts the
 * transaction: neither the change nor its mutation is kept.
 */
import type { OutboxTx, RecordChange } from './outbox';
import type { Records, RecordTx } from './records';
import type { CadenceStoreName } from './schema';
import { SYNC_STORES } from './schema';

/** Stores whose changes may become mutations (the others are never watched); ./outbox.ts maps them. */
const CAPTURED_STORES: ReadonlySet<CadenceStoreName> = new Set(['debtors', 'contacts', 'invoices', 'activities', 'promises', 'plans', 'settings']);

// The mapping and the protocol's schemas load only on a device that has joined a team: a device alone never
// fetches them. They cannot be loaded inside a transaction (awaiting anything else there lets IndexedDB commit
// it early), so a write that finds the device joined before they are loaded is rolled back, and run again
// once they are.
type OutboxModule = typeof import('./outbox');
let loaded: OutboxModule | undefined;
let loading: Promise<OutboxModule> | undefined;
const loadOutbox = () => (loading ??= import('./outbox').then((m) => (loaded = m)));

class OutboxNotLoaded extends Error {}

const KEY_FIELD: Partial<Record<CadenceStoreName, string>> = {
  debtors: 'id',
  contacts: 'id',
  invoices: 'id',
  activities: 'id',
  promises: 'id',
  plans: 'id',
};

function keyOf(store: CadenceStoreName, value: unknown, key: string | undefined): string | undefined {
  if (key !== undefined) return key;
  const field = KEY_FIELD[store];
  const found = field && typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** A RecordTx that notes every change to a captured store (first value before, last value after, per record). */
function watching(tx: RecordTx, changes: Map<string, RecordChange>): RecordTx {
  const note = async (store: CadenceStoreName, key: string, after: unknown): Promise<void> => {
    const id = `${store}\u0000${key}`;
    const seen = changes.get(id);
    if (seen) {
      seen.after = after;
      return;
    }
    changes.set(id, { store, key, before: await tx.get(store, key), after });
  };
  // Every record's value before is read first (requests issued at once), then the bulk write as usual.
  const noteAll = async (store: CadenceStoreName, values: readonly unknown[]): Promise<void> => {
    await Promise.all(
      values.map((value) => {
        const k = keyOf(store, value, undefined);
        return k === undefined ? undefined : note(store, k, structuredClone(value));
      }),
    );
  };
  return {
    ...tx,
    put: async (store, value, key) => {
      const k = CAPTURED_STORES.has(store) ? keyOf(store, value, key) : undefined;
      if (k !== undefined) await note(store, k, structuredClone(value));
      await tx.put(store, value, key);
    },
    putMany: async (store, values) => {
      if (CAPTURED_STORES.has(store)) await noteAll(store, values);
      await tx.putMany(store, values);
    },
    putInvoicesOfNewDebtors: async (values) => {
      await noteAll('invoices', values);
      await tx.putInvoicesOfNewDebtors(values);
    },
    delete: async (store, key) => {
      if (CAPTURED_STORES.has(store)) await note(store, key, undefined);
      await tx.delete(store, key);
    },
  };
}

const outboxListeners = new Set<() => void>();

/**
 * Called after each committed transaction that added outbox rows, so the sync engine pushes soon instead of
 * waiting for its next poll. Returns the unsubscribe.
 */
export function onOutboxWrite(listener: () => void): () => void {
  outboxListeners.add(listener);
  return () => outboxListeners.delete(listener);
}

export function notifyOutboxWrite(): void {
  for (const listener of outboxListeners) listener();
}

/** `records` with the outbox written beside every captured change; `now` stamps the mutations' client time. */
export function capturingRecords(records: Records, now: () => string = () => new Date().toISOString()): Records {
  return {
    read: records.read,
    putNow: records.putNow,
    async write(stores, work, options) {
      if (!stores.some((s) => CAPTURED_STORES.has(s))) return records.write(stores, work, options);
      const all = [...new Set([...stores, ...SYNC_STORES])];
      let appended = 0;
      const attempt = () =>
        records.write(
          all,
          async (tx) => {
            if ((await tx.get('syncState', 'team')) === undefined) return work(tx);
            const mod = loaded;
            if (!mod) throw new OutboxNotLoaded();
            const changes = new Map<string, RecordChange>();
            const out = await work(watching(tx, changes));
            appended = (await mod.appendMutations(tx as unknown as OutboxTx, mod.mutationsFor([...changes.values()]), now())).length;
            return out;
          },
          options,
        );
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await attempt();
      } catch (e) {
        if (!(e instanceof OutboxNotLoaded)) throw e;
        // Nothing was written: the transaction aborted. Load the mapping, then the same write again.
        await loadOutbox();
        result = await attempt();
      }
      if (appended > 0) notifyOutboxWrite();
      return result;
    },
  };
}
