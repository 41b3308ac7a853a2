/**
 * The script library's shared changes reach the outbox in their own transactions (IndexedDB only: the in-memory
 * library serves previews and training, which never join a team): a published version as `script.publish`,
 * the studio settings as `teamSetting.set`; alone, nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { builtinScript } from '../scripts/builtin';
import { DEFAULT_STUDIO_SETTINGS, newScriptRecord } from '../scripts/library';
import { Mutation } from '../sync/protocol';
import { openCadenceDb } from './db';
import { createIdbScriptLibrary } from './script-library';
import { createCadenceStore } from './store';

const LEAD = { by: 'Claire Martin', at: '2026-12-03T09:00:00.000Z' };
let n = 0;

async function setup(join: boolean) {
  const db = await openCadenceDb(`library-outbox-${++n}-${Date.now()}`);
  const store = createCadenceStore(db);
  if (join) await store.sync!.join({ serverUrl: 'http://127.0.0.1:8787', deviceName: 'Desk' }, LEAD.at);
  const lib = createIdbScriptLibrary(db);
  await lib.createScript(newScriptRecord('team.relance', builtinScript('fr'), 'Relance équipe', LEAD.by, LEAD.at, 'builtin.fr'));
  return { store, lib };
}

describe('script library and the outbox', () => {
  it('publishing writes script.publish with the version, and the studio settings a team setting', async () => {
    const { store, lib } = await setup(true);
    const version = await lib.publish('team.relance', 'Première version', LEAD);
    await lib.putStudioSettings({ ...DEFAULT_STUDIO_SETTINGS, assignments: [{ locale: 'fr', segment: null, scriptId: 'team.relance' }] });
    const pending = await store.sync!.pending(10);
    expect(pending.map((m) => m.name)).toEqual(['script.publish', 'teamSetting.set']);
    expect(pending[0]).toMatchObject({ args: { version } });
    expect(pending[1]).toMatchObject({ args: { setting: { key: 'studio', value: { assignments: [{ scriptId: 'team.relance' }] } } } });
    for (const m of pending) expect(Mutation.safeParse(m).success).toBe(true);
  });

  it('writes nothing while the device is alone', async () => {
    const { store, lib } = await setup(false);
    await lib.publish('team.relance', 'v1', LEAD);
    expect(await store.sync!.counts()).toEqual({ pending: 0, failed: 0 });
  });

  it('a pulled version shows in the library as the script’s current version', async () => {
    const { store: source, lib } = await setup(true);
    const version = await lib.publish('team.relance', 'v1', LEAD);
    source.close();
    const db = await openCadenceDb(`library-outbox-target-${++n}-${Date.now()}`);
    const target = createCadenceStore(db);
    await target.sync!.applyPull(
      {
        cookie: { version: 1 },
        more: false,
        lastMutationId: null,
        conflicts: [],
        records: [
          {
            kind: 'scriptVersion',
            id: 'team.relance@1',
            version: 1,
            deleted: false,
            data: version,
            createdBy: '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a001',
            createdDevice: '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a002',
            updatedBy: '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a001',
            updatedDevice: '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a002',
            updatedAt: LEAD.at,
          },
        ],
      },
      '2026-12-03',
    );
    const pulled = createIdbScriptLibrary(db);
    expect(await pulled.getScript('team.relance')).toMatchObject({ status: 'published', currentVersion: 1, draft: null });
    expect(await pulled.getVersion('team.relance', 1)).toEqual(version);
  });
});
