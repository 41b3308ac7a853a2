/**
 * Computes the KPIs off the main thread: reading 50,000 debtors' digests and the months of figures. Once the
 * report is posted, the digests it had to rebuild from the records are stored, then the worker closes itself.
 */
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { storeRebuiltDigests } from '../../storage/kpi-source';
import { loadKpisFrom } from './kpis-core';
import type { KpisMessage, KpisRequest } from './kpis-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<KpisRequest>) => void) | null;
  postMessage(message: KpisMessage): void;
  close(): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { databaseName, today } = event.data;
  void (async () => {
    const db = await openCadenceDb(databaseName);
    try {
      const records = idbRecords(db);
      const { rebuilt, ...loaded } = await loadKpisFrom(records, today);
      scope.postMessage({ kind: 'done', ...loaded });
      // After the report: the agent does not wait for this write, and a failed one only means the records
      // are read again next time.
      await storeRebuiltDigests(records, rebuilt).catch((error: unknown) => console.warn('KPI digests not stored', error));
    } finally {
      db.close();
    }
  })()
    .catch((error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => scope.close());
};
