/**
 * The repository layer's write cost against raw idb. `window.runIdbBench(n, reps)` generates n bundles of the
 * large demo (4 invoices per debtor on average, as `?demo=large`), then alternates: clear, `putBundles` through
 * the CadenceStore; clear, raw puts of exactly the records the store wrote (dumped after its first write) in
 * one transaction over the same stores and indexes. Alternating spreads machine noise over both sides.
 */
import type { IDBPDatabase } from 'idb';
import { generateLargePortfolio } from '../../src/domain/demo';
import { openCadenceDb } from '../../src/storage/db';
import { createCadenceStore } from '../../src/storage/store';

interface StoredRecord {
  key: IDBValidKey;
  value: unknown;
}

export interface IdbBenchResult {
  bundles: number;
  records: number;
  recordsPerStore: Record<string, number>;
  repo: number[];
  raw: number[];
}

declare global {
  interface Window {
    runIdbBench(bundles: number, reps: number): Promise<IdbBenchResult>;
  }
}

/** A fixed day keeps the generated records identical from one run to the next. */
const TODAY = '2026-11-23';

async function clearAll(db: IDBPDatabase, stores: string[]): Promise<void> {
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}

async function dump(db: IDBPDatabase, stores: string[]): Promise<Map<string, StoredRecord[]>> {
  const out = new Map<string, StoredRecord[]>();
  const tx = db.transaction(stores, 'readonly');
  for (const name of stores) {
    const store = tx.objectStore(name);
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
    out.set(name, keys.map((key, i) => ({ key, value: values[i] })));
  }
  await tx.done;
  return out;
}

async function rawPut(db: IDBPDatabase, records: Map<string, StoredRecord[]>): Promise<void> {
  const stores = [...records.keys()];
  const tx = db.transaction(stores, 'readwrite');
  const puts: Promise<IDBValidKey>[] = [];
  for (const name of stores) {
    const store = tx.objectStore(name);
    const inline = store.keyPath !== null;
    for (const r of records.get(name) ?? []) puts.push(inline ? store.put(r.value) : store.put(r.value, r.key));
  }
  await Promise.all([...puts, tx.done]);
}

window.runIdbBench = async (bundleCount, reps) => {
  const bundles = [...generateLargePortfolio({ today: TODAY, debtors: bundleCount, invoices: bundleCount * 4 })].flat();
  const db = await openCadenceDb('cadence-bench');
  const store = createCadenceStore(db);
  const raw = db as unknown as IDBPDatabase;
  const stores = [...raw.objectStoreNames];
  const repoMs: number[] = [];
  const rawMs: number[] = [];
  let records: Map<string, StoredRecord[]> | undefined;
  // Round -1 warms up the JIT and the database files and is not kept.
  for (let i = -1; i < reps; i++) {
    await clearAll(raw, stores);
    let t0 = performance.now();
    await store.putBundles(bundles);
    const repoTime = performance.now() - t0;
    records ??= await dump(raw, stores);
    await clearAll(raw, stores);
    t0 = performance.now();
    await rawPut(raw, records);
    const rawTime = performance.now() - t0;
    if (i >= 0) {
      repoMs.push(repoTime);
      rawMs.push(rawTime);
    }
  }
  await clearAll(raw, stores);
  store.close();
  const recordsPerStore = Object.fromEntries([...(records ?? new Map<string, StoredRecord[]>())].map(([name, rs]) => [name, rs.length]));
  return {
    bundles: bundles.length,
    records: Object.values(recordsPerStore).reduce((s, n) => s + n, 0),
    recordsPerStore,
    repo: repoMs,
    raw: rawMs,
  };
};

const status = document.getElementById('status');
if (status) status.textContent = 'ready';
