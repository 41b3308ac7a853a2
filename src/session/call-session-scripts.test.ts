/**
 * Which script a call follows: a new call takes the team's script assigned to the agent's language × the
 * debtor's segment at its current version; a call in progress stays on the version it started with.
 */
import { describe, expect, it } from 'vitest';
import { TO_DELAY_REASON } from '../machines/call.testing';
import { builtinScript } from '../scripts/builtin';
import { newScriptRecord, type ScriptAssignment } from '../scripts/library';
import { createMemoryScriptLibrary } from '../storage/memory-script-library';
import type { ScriptLibrary } from '../storage/script-library-api';
import { openCallSession } from './call-session';
import { drive, sessionOf, setup } from './call-session.testing';

const LEAD = { by: 'Claire Martin', at: '2026-11-18T08:00:00.000Z' };

/** A team script whose step 2 says `say`, published as its next version. */
async function publishWith(lib: ScriptLibrary, id: string, say: string): Promise<void> {
  if (!(await lib.getScript(id))) await lib.createScript(newScriptRecord(id, builtinScript('fr'), `Script ${id}`, LEAD.by, LEAD.at));
  const record = (await lib.getScript(id))!;
  const base = record.draft ?? (await lib.getVersion(id, record.currentVersion))!.script;
  const draft = structuredClone(base);
  draft.steps[1]!.say = say;
  await lib.saveDraft(id, draft, LEAD);
  await lib.publish(id, 'note', LEAD);
}

async function assign(lib: ScriptLibrary, assignments: ScriptAssignment[]): Promise<void> {
  await lib.putStudioSettings({ ...(await lib.getStudioSettings()), assignments });
}

describe('call session: the team’s scripts', () => {
  it('starts a new call on the current version of the script assigned to the debtor’s segment', async () => {
    const { deps } = await setup();
    const lib = createMemoryScriptLibrary();
    await publishWith(lib, 'team.pme', 'Bonjour {contact.name}, version une.');
    await publishWith(lib, 'team.pme', 'Bonjour {contact.name}, version deux.');
    await publishWith(lib, 'team.default', 'Bonjour, script par défaut.');
    await assign(lib, [
      { locale: 'fr', segment: null, scriptId: 'team.default' },
      { locale: 'fr', segment: 'small_business', scriptId: 'team.pme' },
    ]);
    const session = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    expect([session.script.id, session.script.version]).toEqual(['team.pme', 2]);
    expect(session.script.steps[1]!.say).toBe('Bonjour {contact.name}, version deux.');
    expect(session.snapshot().context).toMatchObject({ scriptId: 'team.pme', scriptVersion: 2 });
    session.dispose();
  });

  it('falls back to the language’s default, then to the built-in when nothing usable is assigned', async () => {
    const { deps } = await setup();
    const lib = createMemoryScriptLibrary();
    await publishWith(lib, 'team.default', 'Bonjour, script par défaut.');
    await publishWith(lib, 'team.large', 'Bonjour, grands comptes.');
    await assign(lib, [
      { locale: 'fr', segment: null, scriptId: 'team.default' },
      { locale: 'fr', segment: 'key_account', scriptId: 'team.large' },
    ]);
    const withDefault = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    expect(withDefault.script.id).toBe('team.default');
    withDefault.dispose();
    await withDefault.flush();

    const { deps: other } = await setup();
    const empty = createMemoryScriptLibrary();
    const builtin = sessionOf(await openCallSession('d1', other({ scripts: empty })));
    expect([builtin.script.id, builtin.script.version]).toEqual([builtinScript('fr').id, builtinScript('fr').version]);
    builtin.dispose();
  });

  it('takes the built-in when the library cannot be read: the agent is on the phone', async () => {
    const { deps } = await setup();
    const broken = { ...createMemoryScriptLibrary(), listScripts: () => Promise.reject(new Error('disk')) };
    const session = sessionOf(await openCallSession('d1', deps({ scripts: broken })));
    expect(session.script.id).toBe(builtinScript('fr').id);
    session.dispose();
  });

  it('resumes a call on the version it started with, though a newer one was published meanwhile', async () => {
    const { deps } = await setup();
    const lib = createMemoryScriptLibrary();
    await publishWith(lib, 'team.pme', 'Bonjour, version une.');
    await assign(lib, [{ locale: 'fr', segment: null, scriptId: 'team.pme' }]);
    const first = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    drive(first, [...TO_DELAY_REASON.slice(0, 4), { type: 'SET_NOTES', text: 'Parle à la comptable' }]);
    first.dispose();
    await first.flush();

    await publishWith(lib, 'team.pme', 'Bonjour, version deux.');
    const again = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    expect(again.resumed).toBe(true);
    expect(again.callId).toBe(first.callId);
    expect([again.script.id, again.script.version]).toEqual(['team.pme', 1]);
    expect(again.script.steps[1]!.say).toBe('Bonjour, version une.');
    expect(again.snapshot().value).toEqual({ steps: 'explanation' });
    expect(again.snapshot().context.notes).toBe('Parle à la comptable');
    again.dispose();
  });

  it('recovers into the dossier a call whose script is gone from the library', async () => {
    const { store, deps } = await setup();
    const lib = createMemoryScriptLibrary();
    await publishWith(lib, 'team.pme', 'Bonjour, version une.');
    await assign(lib, [{ locale: 'fr', segment: null, scriptId: 'team.pme' }]);
    const first = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    drive(first, [{ type: 'SET_NOTES', text: 'Rappeler après 14 h' }]);
    first.dispose();
    await first.flush();

    await assign(lib, []);
    await lib.deleteScript('team.pme');
    const opened = await openCallSession('d1', deps({ scripts: lib }));
    expect(opened.kind).toBe('recovered');
    expect((await store.getDossier('d1'))?.activities).toEqual([expect.objectContaining({ outcome: 'recovered', summary: 'Rappeler après 14 h' })]);
    expect(await store.activeCalls()).toEqual([]);
  });

  it('keeps the call stored when the library cannot be read on resume, and resumes it once it can', async () => {
    const { store, deps } = await setup();
    const lib = createMemoryScriptLibrary();
    await publishWith(lib, 'team.pme', 'Bonjour, version une.');
    await assign(lib, [{ locale: 'fr', segment: null, scriptId: 'team.pme' }]);
    const first = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    drive(first, [{ type: 'SET_NOTES', text: 'Rappeler après 14 h' }]);
    first.dispose();
    await first.flush();

    const broken = { ...lib, getVersion: () => Promise.reject(new Error('disk')) };
    await expect(openCallSession('d1', deps({ scripts: broken }))).rejects.toThrow('disk');
    expect(await store.activeCalls('d1')).toHaveLength(1);
    const again = sessionOf(await openCallSession('d1', deps({ scripts: lib })));
    expect([again.resumed, again.script.version, again.snapshot().context.notes]).toEqual([true, 1, 'Rappeler après 14 h']);
    again.dispose();
  });
});
