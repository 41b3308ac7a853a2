import { openCadenceDb } from './db';
import { createMemoryStore } from './memory-store';
import { createCadenceStore } from './store';
import { runImportCommitContract, runStoreContract } from './store.contract';
import { idbRecords } from './idb-records';
import { memoryRecords } from './memory-records';

let n = 0;
runStoreContract('IndexedDB', async (options) => createCadenceStore(await openCadenceDb(`contract-${++n}-${Date.now()}`), options));
runStoreContract('in memory', async (options) => createMemoryStore(options));
runImportCommitContract('IndexedDB', async () => idbRecords(await openCadenceDb(`import-contract-${++n}-${Date.now()}`)));
runImportCommitContract('in memory', async () => memoryRecords());
