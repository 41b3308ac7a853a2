/**
 * A page served on the app's own origin that writes a committed fixture database (tests/fixtures/db) into
 * real Chromium IndexedDB at that fixture's version, with the repository's own upgrade steps up to that
 * version only — the database an agent still running that release would hold. The app then opens it.
 *
 * It also writes notes through the app's own store (R12): each note is the app's `addActivity`, its own
 * transaction, so a joined device's outbox gets its mutation exactly as when an agent types a note.
 */
import { FIXTURES, createDbFromFixture, type FixtureKey } from '../../../fixtures/db/load';
import { openCadenceDb } from '../../../../src/storage/db';
import { preloadStorage } from '../../../../src/storage/record-store';
import { createCadenceStore } from '../../../../src/storage/store';

export interface AddedNotes {
  debtorIds: string[];
  activityIds: string[];
}

declare global {
  interface Window {
    createFixtureDb(name: string, key: FixtureKey): Promise<number>;
    /** Fetches the store's lazily loaded code while online, so notes can be written offline. */
    prepareNotes(): Promise<void>;
    addNotesThroughStore(count: number, tag: string): Promise<AddedNotes>;
  }
}

window.createFixtureDb = async (name, key) => {
  const fixture = FIXTURES[key];
  await createDbFromFixture(name, fixture);
  return fixture.dbVersion;
};

window.prepareNotes = async () => {
  await Promise.all([preloadStorage(['dossiers']), import('../../../../src/storage/outbox')]);
};

window.addNotesThroughStore = async (count, tag) => {
  const db = await openCadenceDb();
  try {
    const store = createCadenceStore(db);
    const debtorIds = (await store.listSummaries()).slice(0, 20).map((s) => s.debtorId);
    if (debtorIds.length === 0) throw new Error('no debtor to write notes on');
    const activityIds: string[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const id = `r12-${tag}-${i}`;
      activityIds.push(id);
      // Several in flight at once, as a busy agent's writes: IndexedDB runs them one after the other.
      writes.push(
        store.addActivity({
          schemaVersion: 1,
          id,
          debtorId: debtorIds[i % debtorIds.length]!,
          type: 'note',
          at: new Date().toISOString(),
          summary: `Note ${i} (${tag}) prise hors ligne`,
          agent: 'R12',
        }),
      );
    }
    await Promise.all(writes);
    return { debtorIds, activityIds };
  } finally {
    db.close();
  }
};

document.getElementById('status')!.textContent = 'ready';
document.body.dataset.ready = 'true';
