/**
 * Invoices on IndexedDB since v11: one record per debtor (`invoiceBlocks`, keyed by debtorId) holding all of its
 * invoices. IndexedDB's cost is per request and per index entry, so a 100,000-invoice import for 20,000 debtors
 * puts 20,000 blocks instead of 100,000 records with three index entries each (BENCHMARKS.md, "Invoice
 * blocks"). Callers still see a logical `invoices` store keyed by invoice id (./records.ts): this file maps its
 * operations onto blocks, one transaction at a time, for ./idb-records.ts.
 *
 * A multiEntry index on the invoices' ids (`invoiceIds`: a lookup by invoice id finds its block; also the
 * invoice count). Since v12 the invoice-number prefix search reads its own store, `invoiceNumberPages`
 * (./number-pages.ts): every debtor's distinct number keys, kept in step with the blocks by the same
 * transactions.
 */
import { entryOf, type NumberPagesTx } from './number-pages';
import { keyRange } from './key-range';
import type { KeyRangeQuery } from './records';
import type { StoredInvoice } from './schema';

export const INVOICE_BLOCKS = 'invoiceBlocks';
export const INVOICE_IDS_INDEX = 'invoiceIds';
/** The v11 index of the number keys, replaced by INVOICE_NUMBER_PAGES in v12. */
export const NUMBER_KEYS_INDEX = 'numberKeys';
export const INVOICE_NUMBER_PAGES = 'invoiceNumberPages';

export interface InvoiceBlock {
  debtorId: string;
  /** The debtor's invoices in id order, as each was written (a record from older code may fail its schema). */
  invoices: StoredInvoice[];
  /** Their ids, for the `invoiceIds` index. */
  ids: string[];
  /** Their distinct number keys: the debtor's entries in `invoiceNumberPages` (the `numberKeys` index up to v11). */
  numberKeys: string[];
}

const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

/** An invoice's id, or undefined when it has none a block could file it under. */
export const invoiceIdOf = (value: unknown): string | undefined => {
  const id = field(value, 'id');
  return typeof id === 'string' ? id : undefined;
};
export const invoiceDebtorOf = (value: unknown): string | undefined => {
  const id = field(value, 'debtorId');
  return typeof id === 'string' ? id : undefined;
};

const byId = (a: unknown, b: unknown): number => {
  const x = invoiceIdOf(a) ?? '';
  const y = invoiceIdOf(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The block of `debtorId` holding exactly `invoices` (each with an id). */
export function makeBlock(debtorId: string, invoices: readonly unknown[]): InvoiceBlock {
  const sorted = [...invoices].sort(byId) as StoredInvoice[];
  const numberKeys = new Set<string>();
  for (const i of sorted) {
    const key = field(i, 'numberKey');
    if (typeof key === 'string') numberKeys.add(key);
  }
  return { debtorId, invoices: sorted, ids: sorted.map((i) => invoiceIdOf(i) as string), numberKeys: [...numberKeys] };
}

/** The number keys a stored block has entries for in `invoiceNumberPages` (none when it holds none). */
export function numberKeysOf(raw: unknown): string[] {
  const keys = field(raw, 'numberKeys');
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

/** The invoices of stored blocks, in block order then id order; anything not shaped as a block is skipped. */
export function invoicesOfBlocks(blocks: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const b of blocks) {
    const invoices = field(b, 'invoices');
    if (Array.isArray(invoices)) out.push(...(invoices as unknown[]));
  }
  return out;
}

/** `invoices` grouped by debtor, in first-seen order; those without an id or a debtor are handed to `orphan`. */
export function groupInvoices(invoices: readonly unknown[], orphan?: (value: unknown) => void): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const value of invoices) {
    const debtorId = invoiceDebtorOf(value);
    if (debtorId === undefined || invoiceIdOf(value) === undefined) {
      orphan?.(value);
      continue;
    }
    const list = out.get(debtorId);
    if (list) list.push(value);
    else out.set(debtorId, [value]);
  }
  return out;
}

const inRange = (id: string, { after, from, upTo }: KeyRangeQuery): boolean =>
  (after === undefined || id > after) && (from === undefined || id >= from) && (upTo === undefined || id <= upTo);

/**
 * The invoices of `query` (by invoice id) from the blocks an `invoiceIds` index read returned, in id order. The
 * read may hold a block once per matching id and, when limited, end inside a block: every one of the first
 * `limit` ids belongs to a block it returned, and any other matching id of those blocks sorts after them.
 */
export function invoicesInRange(blocks: readonly unknown[], query: KeyRangeQuery): unknown[] {
  const seen = new Set<string>();
  const found: unknown[] = [];
  for (const b of blocks) {
    const debtorId = field(b, 'debtorId');
    if (typeof debtorId !== 'string' || seen.has(debtorId)) continue;
    seen.add(debtorId);
    for (const i of invoicesOfBlocks([b])) {
      const id = invoiceIdOf(i);
      if (id !== undefined && inRange(id, query)) found.push(i);
    }
  }
  found.sort(byId);
  return query.limit === undefined ? found : found.slice(0, query.limit);
}

// The requests the block layer makes: the `invoiceBlocks` store of one transaction.
export interface BlockIndex {
  get(query: IDBValidKey | IDBKeyRange): Promise<unknown>;
  getAll(query?: IDBValidKey | IDBKeyRange | null, count?: number): Promise<unknown[]>;
  count(): Promise<number>;
}
export interface BlockStore {
  get(key: IDBValidKey): Promise<unknown>;
  getAll(query?: IDBValidKey | IDBKeyRange | null, count?: number): Promise<unknown[]>;
  put(value: unknown): Promise<unknown>;
  delete(key: IDBValidKey): Promise<void>;
  clear(): Promise<void>;
  index(name: string): BlockIndex;
  /** Puts `values` issuing every request at once and awaiting only the last (./idb-records.ts putMany). */
  putAll(values: readonly unknown[]): Promise<void>;
  /** The records of `keys` (undefined where none), every request issued at once and only the last awaited. */
  getMany(keys: readonly string[]): Promise<unknown[]>;
  /** The same transaction's `invoiceNumberPages`. */
  numbers: NumberPagesTx;
}

/** The logical `invoices` store of one transaction (RecordTx's operations on it). */
export interface InvoiceOps {
  get(id: string): Promise<unknown>;
  has(id: string): Promise<boolean>;
  count(): Promise<number>;
  getAll(query?: KeyRangeQuery): Promise<unknown[]>;
  getAllKeys(query?: KeyRangeQuery): Promise<unknown[]>;
  byDebtor(debtorId: string): Promise<unknown[]>;
  byDebtorRange(first: string, last: string): Promise<unknown[]>;
  put(value: unknown): Promise<void>;
  putMany(values: readonly unknown[]): Promise<void>;
  putInvoicesOfNewDebtors(values: readonly unknown[]): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Writes what the transaction's changes left to write (the number pages): its last requests. */
  finish(): Promise<void>;
}

/** A debtor's invoices as this transaction holds them, by invoice id. */
type Held = Map<string, unknown>;

const noKey = (what: string) => new DOMException(`No key for ${what} of invoices`, 'DataError');

/**
 * The `invoices` operations of one transaction over its `invoiceBlocks` store. The transaction keeps every
 * block it read or wrote (a per-transaction cache): writes to one debtor compose — each changes the held
 * block, then puts it whole, so the last put holds them all, also when several are issued at once — and a read
 * sees the transaction's own writes. Every operation only issues requests on `store` and awaits them: the
 * transaction's "one request at a time, nothing else awaited" rule holds.
 */
export function invoiceBlockOps(store: BlockStore): InvoiceOps {
  /** Blocks read or written by this transaction; an empty map for a debtor without invoices. */
  const blocks = new Map<string, Promise<Held>>();
  /** The debtor holding an invoice id (undefined: none), as this transaction knows it. */
  const owners = new Map<string, Promise<string | undefined>>();
  /** After a clear, what the transaction has not written is known to be absent: no request needed. */
  let cleared = false;
  /** Debtors whose block a replace wrote without keeping it: read back from the store, even after a clear. */
  const replaced = new Set<string>();
  /**
   * The number keys each debtor has entries for in the number pages, as this transaction left them: known for
   * every block it holds (read with the block, or written by it), so a write changes only what differs.
   */
  const indexed = new Map<string, readonly string[]>();
  /** Clears so far: a read issued before the last one found records the clear has removed since. */
  let clears = 0;

  /**
   * A block as read by a request issued after `clearsBefore` clears. What it says of the debtor's number
   * entries holds unless this transaction wrote them since it was issued (then `indexed` knows already) or
   * cleared them.
   */
  const hold = (debtorId: string, raw: unknown, clearsBefore: number): Held => {
    if (!indexed.has(debtorId)) indexed.set(debtorId, clearsBefore === clears ? numberKeysOf(raw) : []);
    const held: Held = new Map();
    for (const invoice of invoicesOfBlocks(raw === undefined ? [] : [raw])) {
      const id = invoiceIdOf(invoice);
      if (id === undefined) continue;
      held.set(id, invoice);
      if (!owners.has(id)) owners.set(id, Promise.resolve(debtorId));
    }
    return held;
  };

  const readBlock = (debtorId: string): Promise<Held> => {
    const issued = clears;
    return store.get(debtorId).then((raw) => hold(debtorId, raw, issued));
  };

  const load = (debtorId: string): Promise<Held> => {
    let found = blocks.get(debtorId);
    if (!found) {
      found = cleared && !replaced.has(debtorId) ? Promise.resolve(new Map()) : readBlock(debtorId);
      blocks.set(debtorId, found);
    }
    return found;
  };

  /** Blocks of many debtors: those not held yet read by one bulk request (a bulk write's debtors). */
  const loadMany = (debtorIds: readonly string[]): Promise<Held[]> => {
    const missing = debtorIds.filter((d) => !blocks.has(d) && !(cleared && !replaced.has(d)));
    if (missing.length > 1) {
      const read = store.getMany(missing);
      const issued = clears;
      missing.forEach((d, i) => blocks.set(d, read.then((raws) => hold(d, raws[i], issued))));
    }
    return Promise.all(debtorIds.map(load));
  };

  /** The debtor holding `id`: one `invoiceIds` read bringing its block, unless the transaction knows already. */
  const locate = (id: string): Promise<string | undefined> => {
    let found = owners.get(id);
    if (!found) {
      const issued = clears;
      found = cleared
        ? Promise.resolve(undefined)
        : store
            .index(INVOICE_IDS_INDEX)
            .get(id)
            .then((raw) => {
              const debtorId = field(raw, 'debtorId');
              if (typeof debtorId !== 'string') return undefined;
              if (!blocks.has(debtorId)) blocks.set(debtorId, Promise.resolve(hold(debtorId, raw, issued)));
              return debtorId;
            });
      owners.set(id, found);
    }
    return found;
  };

  /** Brings the number pages from what the transaction left for these debtors to these keys, in one change. */
  const renumber = (debtors: readonly (readonly [string, readonly string[]])[]): Promise<void> => {
    const added: string[] = [];
    const removed: string[] = [];
    for (const [debtorId, keys] of debtors) {
      const before = indexed.get(debtorId) ?? [];
      indexed.set(debtorId, keys);
      for (const k of keys) if (!before.includes(k)) added.push(entryOf(k, debtorId));
      for (const k of before) if (!keys.includes(k)) removed.push(entryOf(k, debtorId));
    }
    return store.numbers.change(added, removed);
  };

  /** The requests that store a held block (or delete it once empty) and its number records. */
  const save = (debtorId: string, held: Held): Promise<unknown> => {
    if (held.size === 0) return Promise.all([store.delete(debtorId), renumber([[debtorId, []]])]);
    const block = makeBlock(debtorId, [...held.values()]);
    return Promise.all([store.put(block), renumber([[debtorId, block.numberKeys]])]);
  };

  const sorted = (held: Held): unknown[] => [...held.values()].sort(byId).map((v) => structuredClone(v));

  const get = async (id: string): Promise<unknown> => {
    const debtorId = await locate(id);
    if (debtorId === undefined) return undefined;
    const value = (await load(debtorId)).get(id);
    return value === undefined ? undefined : structuredClone(value);
  };

  /**
   * Files each value in its debtor's block, taking it out of another debtor's block that held it; then puts
   * every changed block once. Values are copied in, as IndexedDB would.
   */
  const putValues = async (values: readonly unknown[]): Promise<void> => {
    const groups = groupInvoices(values, () => {
      throw noKey('a record');
    });
    const debtorIds = [...groups.keys()];
    const held = await loadMany(debtorIds);
    const targets = debtorIds.map((debtorId, i) => [debtorId, held[i] as Held] as const);
    // Ids the target block does not hold yet may sit in another debtor's block.
    const elsewhere = await Promise.all(
      targets.flatMap(([debtorId, held]) =>
        (groups.get(debtorId) ?? [])
          .map((v) => invoiceIdOf(v) as string)
          .filter((id) => !held.has(id))
          .map(async (id) => [id, await locate(id)] as const),
      ),
    );
    const moved = await Promise.all(
      elsewhere.filter(([, from]) => from !== undefined).map(async ([id, from]) => [id, from as string, await load(from as string)] as const),
    );
    // From here on, synchronous: the held blocks change and their puts are issued together.
    const changed = new Map<string, Held>();
    const targetOf = new Map<string, string>();
    for (const [debtorId, list] of groups) for (const v of list) targetOf.set(invoiceIdOf(v) as string, debtorId);
    for (const [id, from, held] of moved) {
      if (from === targetOf.get(id)) continue;
      held.delete(id);
      changed.set(from, held);
    }
    for (const [debtorId, held] of targets) {
      for (const value of groups.get(debtorId) ?? []) {
        const id = invoiceIdOf(value) as string;
        held.set(id, structuredClone(value));
        owners.set(id, Promise.resolve(debtorId));
      }
      changed.set(debtorId, held);
    }
    // Non-empty blocks in one bulk put; a block left empty is deleted.
    const kept = [...changed].filter(([, held]) => held.size > 0);
    const emptied = [...changed].filter(([, held]) => held.size === 0);
    const made = kept.map(([debtorId, held]) => makeBlock(debtorId, [...held.values()]));
    await Promise.all([
      store.putAll(made),
      renumber(made.map((block) => [block.debtorId, block.numberKeys])),
      ...emptied.map(([debtorId, held]) => save(debtorId, held)),
    ]);
  };

  return {
    get,
    has: async (id) => (await get(id)) !== undefined,
    count: () => store.index(INVOICE_IDS_INDEX).count(),
    async getAll(query = {}) {
      // The writes of this transaction are already issued: a read sees them.
      if (keyRange(query) === null) {
        const all = invoicesOfBlocks(await store.getAll()).sort(byId);
        return query.limit === undefined ? all : all.slice(0, query.limit);
      }
      return invoicesInRange(await store.index(INVOICE_IDS_INDEX).getAll(keyRange(query), query.limit), query);
    },
    async getAllKeys(query = {}) {
      return (await this.getAll(query)).map(invoiceIdOf);
    },
    byDebtor: async (debtorId) => sorted(await load(debtorId)),
    byDebtorRange: async (first, last) => invoicesOfBlocks(await store.getAll(IDBKeyRange.bound(first, last))),
    put: (value) => putValues([value]),
    putMany: async (values) => {
      if (values.length > 0) await putValues(values);
    },
    async putInvoicesOfNewDebtors(values) {
      const groups = groupInvoices(values, () => {
        throw noKey('a record');
      });
      // Whole blocks, nothing read first (RecordTx.putInvoicesOfNewDebtors: these debtors hold no invoice yet).
      // Not kept: a later read of these debtors in this transaction reads what the puts wrote.
      for (const [debtorId, list] of groups) {
        blocks.delete(debtorId);
        replaced.add(debtorId);
        // Their number records are all new, like their blocks.
        indexed.set(debtorId, []);
        for (const v of list) owners.set(invoiceIdOf(v) as string, Promise.resolve(debtorId));
      }
      const made = [...groups].map(([debtorId, list]) => makeBlock(debtorId, list));
      await Promise.all([store.putAll(made), renumber(made.map((block) => [block.debtorId, block.numberKeys]))]);
    },
    async delete(id) {
      const debtorId = await locate(id);
      if (debtorId === undefined) return;
      const held = await load(debtorId);
      held.delete(id);
      owners.set(id, Promise.resolve(undefined));
      await save(debtorId, held);
    },
    async clear() {
      cleared = true;
      replaced.clear();
      blocks.clear();
      owners.clear();
      indexed.clear();
      clears++;
      await Promise.all([store.clear(), store.numbers.clear()]);
    },
    finish: () => store.numbers.flush(),
  };
}
