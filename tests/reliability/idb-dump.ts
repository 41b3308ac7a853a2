/**
 * Reading a whole IndexedDB database out of a page, and a checksum of a store that does not depend on key
 * order or property order. The dump runs inside the page (plain IndexedDB, no import) on its own connection,
 * which it closes at once and gives up if another tab asks for an upgrade, so it never blocks one.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { canonicalJson } from '../../src/domain/canonical-json';

export interface DumpedRecord {
  key: unknown;
  value: unknown;
}
export interface DumpedStore {
  name: string;
  indexes: string[];
  records: DumpedRecord[];
}
export interface DumpedDb {
  version: number;
  stores: Record<string, DumpedStore>;
}

/**
 * Since v11 the invoices live in their debtors' blocks (src/storage/invoice-blocks.ts): a dump also gives them
 * as the logical `invoices` store, one record per invoice keyed by its id, so a database before v11 and one
 * after compare store by store (R4) and an import's invoices read the same at every version (R11).
 */
function withLogicalInvoices(db: DumpedDb): DumpedDb {
  const blocks = db.stores.invoiceBlocks;
  if (!blocks || db.stores.invoices) return db;
  const records: DumpedRecord[] = [];
  for (const { value } of blocks.records) {
    for (const invoice of ((value as { invoices?: { id: string }[] }).invoices ?? [])) records.push({ key: invoice.id, value: invoice });
  }
  records.sort((a, b) => ((a.key as string) < (b.key as string) ? -1 : 1));
  return { ...db, stores: { ...db.stores, invoices: { name: 'invoices', indexes: [], records } } };
}

export async function dumpDatabase(page: Page, name = 'cadence'): Promise<DumpedDb> {
  return withLogicalInvoices(await dumpRawDatabase(page, name));
}

function dumpRawDatabase(page: Page, name: string): Promise<DumpedDb> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.onversionchange = () => db.close();
    const names = [...db.objectStoreNames];
    const stores: Record<string, { name: string; indexes: string[]; records: { key: unknown; value: unknown }[] }> = {};
    if (names.length > 0) {
      const tx = db.transaction(names, 'readonly');
      const ask = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      for (const n of names) {
        const store = tx.objectStore(n);
        const [keys, values] = await Promise.all([ask(store.getAllKeys()), ask(store.getAll())]);
        // Typed arrays (a KPI digest's numbers, v10) as plain number arrays, so a dump compares with the JSON
        // fixtures and checksums like any other record.
        const plain = (v: unknown): unknown =>
          ArrayBuffer.isView(v) && !(v instanceof DataView)
            ? Array.from(v as unknown as ArrayLike<number>)
            : Array.isArray(v)
              ? v.map(plain)
              : typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
                : v;
        stores[n] = { name: n, indexes: [...store.indexNames], records: keys.map((key, i) => ({ key, value: plain(values[i]) })) };
      }
    }
    const version = db.version;
    db.close();
    return { version, stores };
  }, name);
}

export { canonicalJson };

/** SHA-256 (first 12 hex digits) of a store's records, sorted by key: equal checksums, equal contents. */
export function storeChecksum(records: DumpedRecord[]): string {
  const lines = records.map((r) => `${canonicalJson(r.key)}\t${canonicalJson(r.value)}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}
