/**
 * Loads the KPI report in a worker on the store's database; where workers or the database name are missing
 * (tests, in-memory stores) the same computation runs here.
 */
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { loadKpisFrom, type LoadedKpis } from './kpis-core';
import type { KpisMessage } from './kpis-protocol';

export function loadKpis(databaseName: string | undefined, today: string): Promise<LoadedKpis> {
  if (!databaseName) return Promise.reject(new Error('The KPIs need a database'));
  if (typeof Worker !== 'function') {
    return openCadenceDb(databaseName).then(async (db) => {
      try {
        return await loadKpisFrom(idbRecords(db), today);
      } finally {
        db.close();
      }
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./kpis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<KpisMessage>) => {
      worker.terminate();
      if (data.kind === 'done') resolve({ report: data.report, costs: data.costs, debtors: data.debtors, skipped: data.skipped, fromRecords: data.fromRecords, timings: data.timings });
      else reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'KPI worker failed to start'));
    };
    worker.postMessage({ databaseName, today });
  });
}
