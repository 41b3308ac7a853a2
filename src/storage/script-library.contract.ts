/**
 * What any ScriptLibrary must do, run on both implementations (script-library.contract.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { builtinScript } from '../scripts/builtin';
import { LibraryError, newScriptRecord, type StudioSettings } from '../scripts/library';
import { buildPack, planPackImport, readPack } from '../scripts/pack';
import type { ScriptLibrary } from './script-library-api';

const LEAD = { by: 'Claire Martin', at: '2026-12-03T09:00:00.000Z' };
const later = (minutes: number) => ({ by: 'Paul Girard', at: new Date(Date.parse(LEAD.at) + minutes * 60_000).toISOString() });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LibraryError) return e.refusal;
    if (e instanceof Error && e.name === 'StorageError') return `storage:${(e as Error & { kind: string }).kind}`;
    throw e;
  }
  return 'accepted';
}

export function runScriptLibraryContract(name: string, make: () => Promise<ScriptLibrary>): void {
  describe(`ScriptLibrary contract: ${name}`, () => {
    const seeded = async () => {
      const lib = await make();
      await lib.createScript(newScriptRecord('team.relance', builtinScript('fr'), 'Relance équipe', LEAD.by, LEAD.at, 'builtin.fr'));
      return lib;
    };

    it('starts empty, with default studio settings', async () => {
      const lib = await make();
      expect(await lib.listScripts()).toEqual([]);
      expect(await lib.getStudioSettings()).toEqual({ schemaVersion: 1, assignments: [], sayWordBudget: 45 });
    });

    it('creates a draft from a template, and refuses a taken id', async () => {
      const lib = await seeded();
      const r = (await lib.getScript('team.relance'))!;
      expect(r).toMatchObject({ status: 'draft', currentVersion: 0, duplicatedFrom: 'builtin.fr', draft: { id: 'team.relance', version: 1, name: 'Relance équipe' } });
      expect(await refusal(lib.createScript(newScriptRecord('team.relance', builtinScript('fr'), 'Autre', LEAD.by, LEAD.at)))).toBe('exists');
    });

    it('saves drafts durably and returns copies that do not alias its state', async () => {
      const lib = await seeded();
      const draft = (await lib.getScript('team.relance'))!.draft!;
      draft.steps[1]!.say = 'Bonjour {contact.name}, c’est bien vous ?';
      const saved = await lib.saveDraft('team.relance', draft, later(1));
      expect(saved).toMatchObject({ updatedBy: 'Paul Girard', draft: { steps: expect.any(Array) } });
      saved.draft!.steps[1]!.say = 'changed outside';
      expect((await lib.getScript('team.relance'))!.draft!.steps[1]!.say).toBe('Bonjour {contact.name}, c’est bien vous ?');
    });

    it('refuses an invalid draft record, keeping the previous one', async () => {
      const lib = await seeded();
      const draft = (await lib.getScript('team.relance'))!.draft!;
      const bad = { ...draft, locale: 'de' } as unknown as typeof draft;
      expect(await refusal(lib.saveDraft('team.relance', bad, later(1)))).toBe('storage:invalid');
      expect((await lib.getScript('team.relance'))!.draft!.locale).toBe('fr');
    });

    it('publishes numbered, immutable versions with author and note', async () => {
      const lib = await seeded();
      const v1 = await lib.publish('team.relance', 'Première version', LEAD);
      expect(v1).toMatchObject({ version: 1, note: 'Première version', author: 'Claire Martin', script: { version: 1 } });
      expect(await refusal(lib.publish('team.relance', 'rien', LEAD))).toBe('no_draft');
      const draft = { ...v1.script, steps: v1.script.steps.map((s, i) => (i === 1 ? { ...s, say: 'Bonjour {contact.name} ?' } : s)) };
      await lib.saveDraft('team.relance', draft, later(2));
      const v2 = await lib.publish('team.relance', 'Étape 2 plus courte', later(3));
      expect(v2.version).toBe(2);
      expect((await lib.listVersions('team.relance')).map((v) => v.version)).toEqual([1, 2]);
      expect((await lib.getVersion('team.relance', 1))!.script.steps[1]!.say).toBe(builtinScript('fr').steps[1]!.say);
      expect(await lib.getScript('team.relance')).toMatchObject({ status: 'published', currentVersion: 2, draft: null });
    });

    it('refuses to publish a draft that fails validation, writing nothing', async () => {
      const lib = await seeded();
      const draft = (await lib.getScript('team.relance'))!.draft!;
      draft.steps = draft.steps.slice(0, 9);
      await lib.saveDraft('team.relance', draft, later(1));
      expect(await refusal(lib.publish('team.relance', 'x', later(2)))).toBe('draft_invalid');
      expect(await lib.listVersions('team.relance')).toEqual([]);
      expect((await lib.getScript('team.relance'))!.currentVersion).toBe(0);
    });

    it('restores an old version as the next draft, without touching history', async () => {
      const lib = await seeded();
      const v1 = await lib.publish('team.relance', 'v1', LEAD);
      await lib.saveDraft('team.relance', { ...v1.script, name: 'Relance v2' }, later(1));
      await lib.publish('team.relance', 'v2', later(2));
      const restored = await lib.restoreVersion('team.relance', 1, later(3));
      expect(restored.draft).toMatchObject({ name: 'Relance équipe', version: 3 });
      expect((await lib.listVersions('team.relance')).map((v) => v.script.name)).toEqual(['Relance équipe', 'Relance v2']);
      expect(await refusal(lib.restoreVersion('team.relance', 9, later(4)))).toBe('unknown_version');
      expect(await refusal(lib.restoreVersion('nobody', 1, later(4)))).toBe('unknown_script');
    });

    it('archives only what is not assigned, and archived scripts take no edit', async () => {
      const lib = await seeded();
      await lib.publish('team.relance', 'v1', LEAD);
      const studio: StudioSettings = { schemaVersion: 1, sayWordBudget: 40, assignments: [{ locale: 'fr', segment: null, scriptId: 'team.relance' }] };
      await lib.putStudioSettings(studio);
      expect(await lib.getStudioSettings()).toEqual(studio);
      expect(await refusal(lib.setStatus('team.relance', 'archived', later(1)))).toBe('assigned');
      await lib.putStudioSettings({ ...studio, assignments: [] });
      expect((await lib.setStatus('team.relance', 'archived', later(1))).status).toBe('archived');
      expect(await refusal(lib.saveDraft('team.relance', builtinScript('fr'), later(2)))).toBe('archived');
      expect((await lib.setStatus('team.relance', 'active', later(3))).status).toBe('published');
    });

    it('refuses studio settings out of range', async () => {
      const lib = await make();
      expect(await refusal(lib.putStudioSettings({ schemaVersion: 1, assignments: [], sayWordBudget: 3 }))).toBe('storage:invalid');
    });

    it('deletes a script with its versions and assignments', async () => {
      const lib = await seeded();
      await lib.publish('team.relance', 'v1', LEAD);
      await lib.putStudioSettings({ schemaVersion: 1, sayWordBudget: 45, assignments: [{ locale: 'fr', segment: null, scriptId: 'team.relance' }] });
      await lib.deleteScript('team.relance');
      expect(await lib.getScript('team.relance')).toBeUndefined();
      expect(await lib.listVersions('team.relance')).toEqual([]);
      expect((await lib.getStudioSettings()).assignments).toEqual([]);
    });

    it('exports a pack, and after a delete imports it back identical; a second import changes nothing', async () => {
      const lib = await seeded();
      await lib.publish('team.relance', 'v1', LEAD);
      const exported = await lib.exportScripts(['team.relance', 'unknown']);
      expect(exported.map((e) => e.id)).toEqual(['team.relance']);
      const before = { record: await lib.getScript('team.relance'), versions: await lib.listVersions('team.relance') };
      const text = JSON.stringify(await buildPack(exported, LEAD.by, new Date(LEAD.at)));
      await lib.deleteScript('team.relance');
      const read = await readPack(text);
      if (!read.ok) throw new Error(read.error);
      const existing = async (id: string) => {
        const record = await lib.getScript(id);
        return record ? { record, versions: await lib.listVersions(id) } : undefined;
      };
      const snapshot = new Map([['team.relance', await existing('team.relance')]]);
      await lib.applyPackPlan(planPackImport(read.pack, (id) => snapshot.get(id), new Date(LEAD.at), LEAD.by));
      expect(await lib.listVersions('team.relance')).toEqual(before.versions);
      expect(await lib.getScript('team.relance')).toEqual({ ...before.record, updatedAt: LEAD.at, updatedBy: LEAD.by });
      const again = planPackImport(read.pack, () => undefined, new Date(LEAD.at), LEAD.by);
      const now = await existing('team.relance');
      expect(planPackImport(read.pack, () => now, new Date(LEAD.at), LEAD.by).versions).toEqual([]);
      // A stale plan (made before the first import) is refused whole: nothing doubled, nothing half-written.
      expect(await refusal(lib.applyPackPlan(again))).toBe('exists');
      expect(await lib.listVersions('team.relance')).toEqual(before.versions);
    });
  });
}
