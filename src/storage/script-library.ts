/**
 * The script library over IndexedDB (v7 `scripts` and `scriptVersions`, studio settings in `settings`).
 * Every write is parsed by zod first and runs in one durable transaction; the rules (what publishing or
 * restoring means) are the pure functions of scripts/library.ts, shared with the in-memory twin.
 */
import { LibraryError, ScriptRecord as ScriptRecordSchema, ScriptVersionRecord as VersionSchema, StudioSettings as StudioSchema, DEFAULT_STUDIO_SETTINGS, archiveRecord, publishDraft, restoreDraft, unarchiveRecord, withDraft, type ScriptRecord, type ScriptVersionRecord, type StudioSettings } from '../scripts/library';
import type { PackPlan, PackScript } from '../scripts/pack';
import { validateScript } from '../scripts/validate';
import { readRecord, readRecords, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { STUDIO_KEY } from './schema';
import type { Editor, ScriptLibrary } from './script-library-api';
import { toStorageError } from './errors';
import { commitOrAbort } from './tx';
import type { MutationDraft, OutboxTx } from './outbox';
import { notifyOutboxWrite } from './outbox-capture';

const DURABLE = { durability: 'strict' } as const;

// Publishing and the studio settings are shared with the team: once the device has joined one, they write
// their mutation (script.publish, teamSetting.set) in the same transaction (./outbox.ts). The mapping loads
// before the transaction opens, since nothing else may be awaited inside one.
let outboxModule: Promise<typeof import('./outbox')> | undefined;
const outbox = () => (outboxModule ??= import('./outbox'));
type OutboxModule = Awaited<ReturnType<typeof outbox>>;
interface PlainStores {
  objectStore(name: 'outbox' | 'syncState'): { get(key: string): Promise<unknown>; put(value: unknown): Promise<unknown> };
}

async function share(mod: OutboxModule, tx: unknown, drafts: MutationDraft[], at: string): Promise<void> {
  const plain = tx as PlainStores;
  const otx = {
    get: (store: 'syncState', key: string) => plain.objectStore(store).get(key),
    put: async (store: 'outbox' | 'syncState', value: unknown) => {
      await plain.objectStore(store).put(value);
    },
  } as unknown as OutboxTx;
  if (drafts.length > 0 && (await mod.isJoined(otx))) {
    await mod.appendMutations(otx, drafts, at);
    // Told once the transaction has committed (the listener only schedules a push).
    (tx as { done: Promise<void> }).done.then(notifyOutboxWrite, () => undefined);
  }
}

/** Library refusals pass through as they are; everything else the browser throws becomes a StorageError. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof LibraryError) throw e;
    // `add` on a key that exists: another tab or an earlier import got there first.
    if (e instanceof Error && e.name === 'ConstraintError') throw new LibraryError('exists', '');
    throw toStorageError(e);
  }
}

export function createIdbScriptLibrary(db: CadenceDatabase, onCorrupt?: CorruptHandler): ScriptLibrary {
  const readScript = (raw: unknown) => (raw === undefined ? undefined : readRecord<ScriptRecord>(ScriptRecordSchema, 'scripts', raw, onCorrupt));
  const readStudio = (raw: unknown): StudioSettings => {
    if (raw === undefined) return structuredClone(DEFAULT_STUDIO_SETTINGS);
    return readRecord<StudioSettings>(StudioSchema, 'settings', raw, onCorrupt) ?? structuredClone(DEFAULT_STUDIO_SETTINGS);
  };

  /** Read-modify-write of one script record in one transaction; `change` may also write versions. */
  async function update(
    id: string,
    change: (record: ScriptRecord, tx: ReturnType<typeof scriptTx>, mod: OutboxModule) => Promise<ScriptRecord>,
  ): Promise<ScriptRecord> {
    let saved: ScriptRecord | undefined;
    const mod = await outbox();
    await guarded(() =>
      commitOrAbort(scriptTx(), async (tx) => {
        const current = readScript(await tx.objectStore('scripts').get(id));
        if (!current) throw new LibraryError('unknown_script', id);
        saved = validateForWrite(ScriptRecordSchema, 'scripts', await change(current, tx, mod));
        await tx.objectStore('scripts').put(saved);
      }),
    );
    return saved!;
  }
  const scriptTx = () => db.transaction(['scripts', 'scriptVersions', 'settings', 'outbox', 'syncState'], 'readwrite', DURABLE);

  return {
    async listScripts() {
      return guarded(async () => readRecords<ScriptRecord>(ScriptRecordSchema, 'scripts', await db.getAll('scripts'), onCorrupt ?? (() => undefined)));
    },
    async getScript(id) {
      return guarded(async () => readScript(await db.get('scripts', id)));
    },
    async listVersions(id) {
      return guarded(async () => {
        const raw = await db.getAllFromIndex('scriptVersions', 'scriptId', id);
        return readRecords<ScriptVersionRecord>(VersionSchema, 'scriptVersions', raw, onCorrupt ?? (() => undefined)).sort((a, b) => a.version - b.version);
      });
    },
    async getVersion(id, version) {
      return guarded(async () => {
        const raw = await db.get('scriptVersions', [id, version]);
        return raw === undefined ? undefined : readRecord<ScriptVersionRecord>(VersionSchema, 'scriptVersions', raw, onCorrupt);
      });
    },
    async createScript(record) {
      const valid = validateForWrite(ScriptRecordSchema, 'scripts', record);
      await guarded(() =>
        commitOrAbort(db.transaction('scripts', 'readwrite', DURABLE), async (tx) => {
          if ((await tx.store.getKey(valid.id)) !== undefined) throw new LibraryError('exists', valid.id);
          await tx.store.add(valid);
        }),
      );
    },
    async saveDraft(id, draft, { by, at }) {
      return update(id, async (record) => withDraft(record, draft, by, at));
    },
    async publish(id, note, { by, at }) {
      let published: ScriptVersionRecord | undefined;
      await update(id, async (record, tx, mod) => {
        if (record.draft && !validateScript(record.draft).ok) throw new LibraryError('draft_invalid', id);
        const next = publishDraft(record, note, by, at);
        published = validateForWrite(VersionSchema, 'scriptVersions', next.version);
        await tx.objectStore('scriptVersions').add(published);
        await share(mod, tx, [{ name: 'script.publish', args: { version: published } }], at);
        return next.record;
      });
      return published!;
    },
    async restoreVersion(id, version, { by, at }) {
      return update(id, async (record, tx) => {
        const raw = await tx.objectStore('scriptVersions').get([id, version]);
        const from = raw === undefined ? undefined : readRecord<ScriptVersionRecord>(VersionSchema, 'scriptVersions', raw);
        if (!from) throw new LibraryError('unknown_version', id);
        return restoreDraft(record, from, by, at);
      });
    },
    async setStatus(id, status, { by, at }: Editor) {
      return update(id, async (record, tx) => {
        if (status === 'active') return unarchiveRecord(record, by, at);
        return archiveRecord(record, readStudio(await tx.objectStore('settings').get(STUDIO_KEY)), by, at);
      });
    },
    async deleteScript(id) {
      const mod = await outbox();
      await guarded(() =>
        commitOrAbort(scriptTx(), async (tx) => {
          const versions = await tx.objectStore('scriptVersions').index('scriptId').getAllKeys(id);
          for (const key of versions) await tx.objectStore('scriptVersions').delete(key);
          await tx.objectStore('scripts').delete(id);
          const studio = readStudio(await tx.objectStore('settings').get(STUDIO_KEY));
          const assignments = studio.assignments.filter((a) => a.scriptId !== id);
          if (assignments.length !== studio.assignments.length) {
            const value = { ...studio, assignments };
            await tx.objectStore('settings').put(value, STUDIO_KEY);
            await share(mod, tx, [{ name: 'teamSetting.set', args: { setting: { key: 'studio', value } } }], new Date().toISOString());
          }
        }),
      );
    },
    async getStudioSettings() {
      return guarded(async () => readStudio(await db.get('settings', STUDIO_KEY)));
    },
    async putStudioSettings(settings) {
      const valid = validateForWrite(StudioSchema, 'settings', settings);
      const mod = await outbox();
      await guarded(() =>
        commitOrAbort(db.transaction(['settings', 'outbox', 'syncState'], 'readwrite', DURABLE), async (tx) => {
          await tx.objectStore('settings').put(valid, STUDIO_KEY);
          await share(mod, tx, [{ name: 'teamSetting.set', args: { setting: { key: 'studio', value: valid } } }], new Date().toISOString());
        }),
      );
    },
    async exportScripts(ids) {
      const out: PackScript[] = [];
      for (const id of ids) {
        const record = await this.getScript(id);
        const versions = await this.listVersions(id);
        if (record && versions.length > 0) out.push({ id, name: record.name, locale: record.locale, versions, ...(record.duplicatedFrom ? { duplicatedFrom: record.duplicatedFrom } : {}) });
      }
      return out;
    },
    async applyPackPlan(plan: PackPlan) {
      const scripts = plan.scripts.map((s) => validateForWrite(ScriptRecordSchema, 'scripts', s));
      const versions = plan.versions.map((v) => validateForWrite(VersionSchema, 'scriptVersions', v));
      const mod = await outbox();
      await guarded(() =>
        commitOrAbort(scriptTx(), async (tx) => {
          // `add`, not `put`: a version that appeared since the plan was made aborts the whole import.
          for (const v of versions) await tx.objectStore('scriptVersions').add(v);
          for (const s of scripts) await tx.objectStore('scripts').put(s);
          await share(mod, tx, versions.map((version) => ({ name: 'script.publish' as const, args: { version } })), new Date().toISOString());
        }),
      );
    },
  };
}
