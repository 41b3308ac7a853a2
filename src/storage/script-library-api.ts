/**
 * The team's script library as the studio and the call session reach it. Two implementations pass one
 * contract suite (script-library.contract.ts): IndexedDB (./script-library.ts) for the real app, in memory
 * (./memory-script-library.ts) for previews, training and tests. Refusals come as `LibraryError`s.
 */
import type { PackPlan, PackScript } from '../scripts/pack';
import type { ScriptRecord, ScriptStatus, ScriptVersionRecord, StudioSettings } from '../scripts/library';
import type { CallScript } from '../scripts/schema';

export interface Editor {
  by: string;
  /** ISO instant. */
  at: string;
}

export interface ScriptLibrary {
  listScripts(): Promise<ScriptRecord[]>;
  getScript(id: string): Promise<ScriptRecord | undefined>;
  /** Published versions of a script, oldest first. */
  listVersions(id: string): Promise<ScriptVersionRecord[]>;
  getVersion(id: string, version: number): Promise<ScriptVersionRecord | undefined>;
  /** Refused with `exists` when the id is taken. */
  createScript(record: ScriptRecord): Promise<void>;
  /** Stores the draft durably (autosave): the lead is never asked to save. */
  saveDraft(id: string, draft: CallScript, editor: Editor): Promise<ScriptRecord>;
  /** The draft becomes the next version, in one transaction with the script's record. */
  publish(id: string, note: string, editor: Editor): Promise<ScriptVersionRecord>;
  /** A new draft from an old version; history is never rewritten. */
  restoreVersion(id: string, version: number, editor: Editor): Promise<ScriptRecord>;
  setStatus(id: string, status: Extract<ScriptStatus, 'archived'> | 'active', editor: Editor): Promise<ScriptRecord>;
  /** The script, its versions and its assignments go together. */
  deleteScript(id: string): Promise<void>;
  getStudioSettings(): Promise<StudioSettings>;
  putStudioSettings(settings: StudioSettings): Promise<void>;
  /** Scripts with their published versions, as a pack carries them. */
  exportScripts(ids: readonly string[]): Promise<PackScript[]>;
  /** Writes a pack import's plan whole, or nothing. */
  applyPackPlan(plan: PackPlan): Promise<void>;
}
