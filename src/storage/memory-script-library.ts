/**
 * The script library in memory, for script previews, training and tests. Same rules and refusals as the
 * IndexedDB library (the pure functions of scripts/library.ts), same zod checks on every write; each change
 * is applied to a copy and swapped in whole, so a refusal half-way leaves nothing behind.
 */
import { DEFAULT_STUDIO_SETTINGS, LibraryError, ScriptRecord as ScriptRecordSchema, ScriptVersionRecord as VersionSchema, StudioSettings as StudioSchema, archiveRecord, publishDraft, restoreDraft, unarchiveRecord, withDraft, type ScriptRecord, type ScriptVersionRecord, type StudioSettings } from '../scripts/library';
import { validateScript } from '../scripts/validate';
import { validateForWrite } from './codec';
import type { ScriptLibrary } from './script-library-api';

interface State {
  scripts: Map<string, ScriptRecord>;
  versions: Map<string, ScriptVersionRecord>;
  studio: StudioSettings;
}

const vkey = (id: string, version: number) => `${id}\u0000${version}`;
const copy = <T>(v: T): T => structuredClone(v);

export function createMemoryScriptLibrary(): ScriptLibrary {
  let state: State = { scripts: new Map(), versions: new Map(), studio: copy(DEFAULT_STUDIO_SETTINGS) };

  /** Runs `change` on a copy of the state; only a change that returns normally is kept. */
  async function transact<T>(change: (draft: State) => T): Promise<T> {
    const draft: State = { scripts: new Map([...state.scripts].map(([k, v]) => [k, copy(v)])), versions: new Map(state.versions), studio: copy(state.studio) };
    const result = change(draft);
    state = draft;
    return copy(result);
  }
  const record = (s: State, id: string): ScriptRecord => {
    const r = s.scripts.get(id);
    if (!r) throw new LibraryError('unknown_script', id);
    return r;
  };
  const save = (s: State, r: ScriptRecord): ScriptRecord => {
    const valid = validateForWrite(ScriptRecordSchema, 'scripts', r);
    s.scripts.set(valid.id, valid);
    return valid;
  };
  const versionsOf = (s: State, id: string) => [...s.versions.values()].filter((v) => v.scriptId === id).sort((a, b) => a.version - b.version);

  return {
    async listScripts() {
      return copy([...state.scripts.values()]);
    },
    async getScript(id) {
      const r = state.scripts.get(id);
      return r && copy(r);
    },
    async listVersions(id) {
      return copy(versionsOf(state, id));
    },
    async getVersion(id, version) {
      const v = state.versions.get(vkey(id, version));
      return v && copy(v);
    },
    async createScript(r) {
      await transact((s) => {
        if (s.scripts.has(r.id)) throw new LibraryError('exists', r.id);
        save(s, r);
      });
    },
    async saveDraft(id, draft, { by, at }) {
      return transact((s) => save(s, withDraft(record(s, id), draft, by, at)));
    },
    async publish(id, note, { by, at }) {
      return transact((s) => {
        const current = record(s, id);
        if (current.draft && !validateScript(current.draft).ok) throw new LibraryError('draft_invalid', id);
        const next = publishDraft(current, note, by, at);
        const version = validateForWrite(VersionSchema, 'scriptVersions', next.version);
        if (s.versions.has(vkey(id, version.version))) throw new LibraryError('exists', id);
        s.versions.set(vkey(id, version.version), version);
        save(s, next.record);
        return version;
      });
    },
    async restoreVersion(id, version, { by, at }) {
      return transact((s) => {
        const current = record(s, id);
        const from = s.versions.get(vkey(id, version));
        if (!from) throw new LibraryError('unknown_version', id);
        return save(s, restoreDraft(current, from, by, at));
      });
    },
    async setStatus(id, status, { by, at }) {
      return transact((s) => save(s, status === 'active' ? unarchiveRecord(record(s, id), by, at) : archiveRecord(record(s, id), s.studio, by, at)));
    },
    async deleteScript(id) {
      await transact((s) => {
        s.scripts.delete(id);
        for (const v of versionsOf(s, id)) s.versions.delete(vkey(id, v.version));
        s.studio = { ...s.studio, assignments: s.studio.assignments.filter((a) => a.scriptId !== id) };
      });
    },
    async getStudioSettings() {
      return copy(state.studio);
    },
    async putStudioSettings(settings) {
      const valid = validateForWrite(StudioSchema, 'settings', settings);
      await transact((s) => {
        s.studio = valid;
      });
    },
    async exportScripts(ids) {
      return copy(
        ids.flatMap((id) => {
          const r = state.scripts.get(id);
          const versions = versionsOf(state, id);
          return r && versions.length > 0 ? [{ id, name: r.name, locale: r.locale, versions, ...(r.duplicatedFrom ? { duplicatedFrom: r.duplicatedFrom } : {}) }] : [];
        }),
      );
    },
    async applyPackPlan(plan) {
      await transact((s) => {
        for (const v of plan.versions) {
          const valid = validateForWrite(VersionSchema, 'scriptVersions', v);
          if (s.versions.has(vkey(valid.scriptId, valid.version))) throw new LibraryError('exists', valid.scriptId);
          s.versions.set(vkey(valid.scriptId, valid.version), valid);
        }
        for (const r of plan.scripts) save(s, r);
      });
    },
  };
}
