/**
 * The team's scripts as records: a script has an editable draft and immutable published versions; an
 * assignment says which published script serves which language × debtor segment. One zod schema per
 * record, shared by storage, packs and (later) sync.
 */
import { z } from 'zod/mini';
import { IsoDateTime, Segment, SEGMENTS, type Language } from '../domain/entities';
import { CallScript, SCRIPT_LOCALES } from './schema';

export const SCRIPT_STATUSES = ['draft', 'published', 'archived'] as const;
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number];

const Who = z.string().check(z.maxLength(120));
const Note = z.string().check(z.maxLength(2000));

/** One published version: never edited after publishing; restoring an old one makes a new draft from it. */
export const ScriptVersionRecord = z.object({
  schemaVersion: z.literal(1),
  scriptId: CallScript.shape.id,
  version: z.int().check(z.minimum(1)),
  script: CallScript,
  note: Note,
  author: Who,
  publishedAt: IsoDateTime,
  /** The version this one was restored from, when it was. */
  restoredFrom: z.optional(z.int().check(z.minimum(1))),
});
export type ScriptVersionRecord = z.infer<typeof ScriptVersionRecord>;

/** A team script: its draft being edited (null when the draft equals the current version) and its status. */
export const ScriptRecord = z.object({
  schemaVersion: z.literal(1),
  id: CallScript.shape.id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  locale: z.enum(SCRIPT_LOCALES),
  status: z.enum(SCRIPT_STATUSES),
  /** The latest published version, 0 before the first publication. */
  currentVersion: z.int().check(z.minimum(0)),
  draft: z.nullable(CallScript),
  updatedAt: IsoDateTime,
  updatedBy: Who,
  /** The built-in template it was duplicated from, if any. */
  duplicatedFrom: z.optional(z.string()),
});
export type ScriptRecord = z.infer<typeof ScriptRecord>;

/** `segment: null` is the language's default, which every language in use needs. */
export const ScriptAssignment = z.object({
  locale: z.enum(SCRIPT_LOCALES),
  segment: z.nullable(Segment),
  scriptId: CallScript.shape.id,
});
export type ScriptAssignment = z.infer<typeof ScriptAssignment>;

/** Team-wide studio settings: who gets which script, and the concision budget the checks apply. */
export const StudioSettings = z.object({
  schemaVersion: z.literal(1),
  assignments: z.array(ScriptAssignment).check(z.maxLength(64)),
  sayWordBudget: z.int().check(z.minimum(10), z.maximum(200)),
});
export type StudioSettings = z.infer<typeof StudioSettings>;
export const DEFAULT_STUDIO_SETTINGS: StudioSettings = { schemaVersion: 1, assignments: [], sayWordBudget: 45 };

export interface ScriptRef {
  scriptId: string;
  version: number;
}

/**
 * The script a new call uses: the published script assigned to the debtor's segment in the call's language,
 * else the language's default, else `null` (the caller falls back to the built-in). An archived script, or
 * one never published, serves no new call.
 */
export function resolveAssignedScript(
  locale: Language,
  segment: Segment,
  assignments: readonly ScriptAssignment[],
  scripts: readonly Pick<ScriptRecord, 'id' | 'status' | 'currentVersion'>[],
): ScriptRef | null {
  const usable = (scriptId: string) => {
    const s = scripts.find((r) => r.id === scriptId);
    return s && s.status === 'published' && s.currentVersion > 0 ? { scriptId, version: s.currentVersion } : null;
  };
  const exact = assignments.find((a) => a.locale === locale && a.segment === segment);
  const fallback = assignments.find((a) => a.locale === locale && a.segment === null);
  return (exact && usable(exact.scriptId)) ?? (fallback && usable(fallback.scriptId)) ?? null;
}

export type AssignmentProblem =
  | { problem: 'no_default'; locale: Language }
  | { problem: 'not_published'; locale: Language; segment: Segment | null; scriptId: string }
  | { problem: 'wrong_language'; locale: Language; segment: Segment | null; scriptId: string }
  | { problem: 'duplicate'; locale: Language; segment: Segment | null };

/** What stops an assignment table from being saved: a segment rule without a language default, and so on. */
export function assignmentProblems(
  assignments: readonly ScriptAssignment[],
  scripts: readonly Pick<ScriptRecord, 'id' | 'status' | 'locale'>[],
): AssignmentProblem[] {
  const problems: AssignmentProblem[] = [];
  const seen = new Set<string>();
  for (const a of assignments) {
    const key = `${a.locale}/${a.segment ?? '*'}`;
    if (seen.has(key)) problems.push({ problem: 'duplicate', locale: a.locale, segment: a.segment });
    seen.add(key);
    const script = scripts.find((s) => s.id === a.scriptId);
    if (!script || script.status !== 'published') problems.push({ problem: 'not_published', locale: a.locale, segment: a.segment, scriptId: a.scriptId });
    else if (script.locale !== a.locale) problems.push({ problem: 'wrong_language', locale: a.locale, segment: a.segment, scriptId: a.scriptId });
  }
  for (const locale of SCRIPT_LOCALES) {
    const used = assignments.some((a) => a.locale === locale);
    if (used && !assignments.some((a) => a.locale === locale && a.segment === null)) problems.push({ problem: 'no_default', locale });
  }
  return problems;
}

export { SEGMENTS };

/** Why a library change is refused; the storage layer throws these as `invalid` errors with this code. */
export type LibraryRefusal = 'unknown_script' | 'no_draft' | 'draft_invalid' | 'archived' | 'unknown_version' | 'assigned' | 'exists';

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(readonly refusal: LibraryRefusal, readonly scriptId: string) {
    super(`${refusal}: ${scriptId}`);
  }
}

/** A new team script from a template or another script: a draft that will become version 1. */
export function newScriptRecord(id: string, from: CallScript, name: string, by: string, at: string, duplicatedFrom?: string): ScriptRecord {
  return {
    schemaVersion: 1, id, name, locale: from.locale, status: 'draft', currentVersion: 0,
    draft: { ...structuredClone(from), id, name, version: 1 }, updatedAt: at, updatedBy: by,
    ...(duplicatedFrom ? { duplicatedFrom } : {}),
  };
}

/** The draft as edited; the script's name follows the draft's so the library lists what the lead typed. */
export function withDraft(record: ScriptRecord, draft: CallScript, by: string, at: string): ScriptRecord {
  if (record.status === 'archived') throw new LibraryError('archived', record.id);
  return { ...record, draft: { ...draft, id: record.id, version: record.currentVersion + 1 }, name: draft.name.trim() || record.name, updatedAt: at, updatedBy: by };
}

/** Publishing turns the draft into the next immutable version; the caller has run the studio's checks. */
export function publishDraft(record: ScriptRecord, note: string, by: string, at: string): { record: ScriptRecord; version: ScriptVersionRecord } {
  if (record.status === 'archived') throw new LibraryError('archived', record.id);
  if (!record.draft) throw new LibraryError('no_draft', record.id);
  const number = record.currentVersion + 1;
  const script: CallScript = { ...record.draft, id: record.id, version: number };
  const version: ScriptVersionRecord = { schemaVersion: 1, scriptId: record.id, version: number, script, note, author: by, publishedAt: at };
  return { record: { ...record, status: 'published', currentVersion: number, draft: null, name: script.name, updatedAt: at, updatedBy: by }, version };
}

/** Restoring never rewrites history: the old version's content becomes the draft of the next one. */
export function restoreDraft(record: ScriptRecord, from: ScriptVersionRecord, by: string, at: string): ScriptRecord {
  return withDraft(record, from.script, by, at);
}

/** The draft to edit: the stored draft, or a copy of the current version when there is none. */
export function editableDraft(record: ScriptRecord, current: ScriptVersionRecord | undefined): CallScript | null {
  if (record.draft) return record.draft;
  return current ? { ...current.script, version: record.currentVersion + 1 } : null;
}

/** Archiving removes a script from assignments-to-be; a script still assigned must be unassigned first. */
export function archiveRecord(record: ScriptRecord, settings: StudioSettings, by: string, at: string): ScriptRecord {
  if (settings.assignments.some((a) => a.scriptId === record.id)) throw new LibraryError('assigned', record.id);
  return { ...record, status: 'archived', updatedAt: at, updatedBy: by };
}

export function unarchiveRecord(record: ScriptRecord, by: string, at: string): ScriptRecord {
  return { ...record, status: record.currentVersion > 0 ? 'published' : 'draft', updatedAt: at, updatedBy: by };
}
