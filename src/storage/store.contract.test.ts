import { openCadenceDb } from './db';
import { createMemoryStore } from './memory-store';
import { createCadenceStore } from './store';
import { runImportCommitContract, runStoreContract } from './store.contract';
import { idbRecords } from './idb-records';
import { memoryRecords } from './memory-records';
import { runInvoiceRecordsContract } from './contract/invoice-records.contract';
import { plainIdbRecords } from './idb-records';

let n = 0;
runStoreContract('IndexedDB', async (options) => createCadenceStore(await openCadenceDb(`contract-${++n}-${Date.now()}`), options));
runStoreContract('in memory', async (options) => createMemoryStore(options));
runImportCommitContract('IndexedDB', async () => idbRecords(await openCadenceDb(`import-contract-${++n}-${Date.now()}`)));
runImportCommitContract('in memory', async () => memoryRecords());
runInvoiceRecordsContract(
  'IndexedDB',
  async () => plainIdbRecords(await openCadenceDb(`invoices-contract-${++n}-${Date.now()}`)),
  async (options) => createCadenceStore(await openCadenceDb(`invoices-scan-${++n}-${Date.now()}`), options),
);
runInvoiceRecordsContract('in memory', async () => memoryRecords(), async (options) => createMemoryStore(options));
