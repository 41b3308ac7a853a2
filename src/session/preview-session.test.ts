import { describe, expect, it, vi } from 'vitest';
import { STARTED_AT, TODAY, idSequence } from '../domain/call/call.fixtures';
import { COMPLETED_CALL } from '../machines/call.testing';
import { builtinScript } from '../scripts/builtin';
import { drive, setup } from './call-session.testing';
import { openPreviewCall } from './preview-session';

describe('script preview sandbox', () => {
  it('walks a whole call on the draft and commits it into the sandbox; the real database is unchanged', async () => {
    const { store, db } = await setup();
    const dump = async () => {
      const out: Record<string, unknown[]> = {};
      for (const name of db.objectStoreNames) out[name] = await db.getAll(name);
      return JSON.stringify(out);
    };
    const before = await dump();
    const draft = structuredClone(builtinScript('fr'));
    draft.id = 'team.brouillon';
    draft.version = 3;
    draft.steps[0]!.say = 'Bonjour, brouillon en aperçu.';
    let clock = Date.parse(STARTED_AT);
    const preview = await openPreviewCall('d1', draft, { store, now: () => (clock += 1000), newId: idSequence('p'), today: () => TODAY });
    expect(preview).not.toBeNull();
    const { session, store: sandbox } = preview!;
    expect([session.script.id, session.script.version, session.script.steps[0]!.say]).toEqual(['team.brouillon', 3, 'Bonjour, brouillon en aperçu.']);
    drive(session, COMPLETED_CALL);
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    await session.flush();
    session.dispose();

    const inSandbox = await sandbox.getDossier('d1');
    expect(inSandbox?.activities).toEqual([expect.objectContaining({ type: 'call', outcome: 'completed' })]);
    expect(inSandbox?.activities[0]?.details).toMatchObject({ scriptId: 'team.brouillon', scriptVersion: 3 });
    expect(await dump()).toBe(before);
    expect((await store.getDossier('d1'))?.activities).toEqual([]);
  });

  it('answers null for a dossier that does not exist', async () => {
    const { store } = await setup();
    expect(await openPreviewCall('nobody', builtinScript('fr'), { store })).toBeNull();
  });
});
