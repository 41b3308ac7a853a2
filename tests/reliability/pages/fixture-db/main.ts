/**
 * A page served on the app's own origin that writes a committed fixture database (tests/fixtures/db) into
 * real Chromium IndexedDB at that fixture's version, with the repository's own upgrade steps up to that
 * version only — the database an agent still running that release would hold. The app then opens it.
 */
import { createDbFromFixture, FIXTURES, type FixtureKey } from '../../../fixtures/db/load';

declare global {
  interface Window {
    createFixtureDb(name: string, key: FixtureKey): Promise<number>;
  }
}

window.createFixtureDb = async (name, key) => {
  const fixture = FIXTURES[key];
  await createDbFromFixture(name, fixture);
  return fixture.dbVersion;
};
document.getElementById('status')!.textContent = 'ready';
document.body.dataset.ready = 'true';
