import { openCadenceDb } from './db';
import { createMemoryStore } from './memory-store';
import { createCadenceStore } from './store';
import { runStoreContract } from './store.contract';

let n = 0;
runStoreContract('IndexedDB', async (options) => createCadenceStore(await openCadenceDb(`contract-${++n}-${Date.now()}`), options));
runStoreContract('in memory', async (options) => createMemoryStore(options));
