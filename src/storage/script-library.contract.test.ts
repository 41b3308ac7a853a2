import 'fake-indexeddb/auto';
import { openCadenceDb } from './db';
import { createMemoryScriptLibrary } from './memory-script-library';
import { createIdbScriptLibrary } from './script-library';
import { runScriptLibraryContract } from './script-library.contract';

let n = 0;
runScriptLibraryContract('IndexedDB', async () => createIdbScriptLibrary(await openCadenceDb(`script-library-${++n}-${Date.now()}`)));
runScriptLibraryContract('in memory', async () => createMemoryScriptLibrary());
