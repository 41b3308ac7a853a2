/** Computes the KPIs off the main thread: reading 50,000 debtors' records and the months of figures. */
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { loadKpisFrom } from './kpis-core';
import type { KpisMessage, KpisRequest } from './kpis-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<KpisRequest>) => void) | null;
  postMessage(message: KpisMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { databaseName, today } = event.data;
  void (async () => {
    const db = await openCadenceDb(databaseName);
    try {
      scope.postMessage({ kind: 'done', ...(await loadKpisFrom(idbRecords(db), today)) });
    } finally {
      db.close();
    }
  })().catch((error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
