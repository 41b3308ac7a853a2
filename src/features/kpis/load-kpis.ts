/**
 * Loads the KPI report in a worker on the store's database; where workers or the database name are missing
 * (tests, in-memory stores) the same computation runs here. Either way the digests rebuilt from the records
 * are stored after the report (the worker closes itself once they are).
 */
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { storeRebuiltDigests } from '../../storage/kpi-source';
import { loadKpisFrom, type LoadedKpis } from './kpis-core';
import type { KpisMessage } from './kpis-protocol';

export type KpisResult = Omit<LoadedKpis, 'rebuilt'>;

export function loadKpis(databaseName: string | undefined, today: string): Promise<KpisResult> {
  if (!databaseName) return Promise.reject(new Error('The KPIs need a database'));
  if (typeof Worker !== 'function') {
    return openCadenceDb(databaseName).then(async (db) => {
      try {
        const records = idbRecords(db);
        const { rebuilt, ...loaded } = await loadKpisFrom(records, today);
        await storeRebuiltDigests(records, rebuilt);
        return loaded;
      } finally {
        db.close();
      }
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./kpis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<KpisMessage>) => {
      // Not terminated on success: it goes on to store the digests it rebuilt, then closes itself.
      if (data.kind === 'done') resolve({ report: data.report, costs: data.costs, debtors: data.debtors, skipped: data.skipped, fromRecords: data.fromRecords, timings: data.timings });
      else {
        worker.terminate();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'KPI worker failed to start'));
    };
    worker.postMessage({ databaseName, today });
  });
}
