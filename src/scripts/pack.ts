/**
 * Script packs: `.cadence-scripts.json` files that carry one or several team scripts with their published
 * versions from one device or team to another. Reading a pack is a single door — size, JSON, format, schema
 * version, checksum, shape, limits, characters, then every script through `validateScript` — that answers a
 * typed error naming the field, or a plan of what the import would change. Nothing is written here: the
 * store applies a plan in one transaction.
 */
import { z } from 'zod/mini';
import { canonicalJson } from '../domain/canonical-json';
import { IsoDateTime } from '../domain/entities';
import { ScriptVersionRecord, type ScriptRecord } from './library';
import { CallScript } from './schema';
import { validateScript, type ScriptError } from './validate';

export const PACK_FORMAT = 'cadence-scripts';
export const PACK_SCHEMA_VERSION = 1;
export const PACK_EXTENSION = '.cadence-scripts.json';
export const PACK_LIMITS = { bytes: 2_000_000, scripts: 50, versionsPerScript: 200, objectionsPerScript: 200, textChars: 4_000 } as const;

const PackScript = z.object({
  id: CallScript.shape.id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  locale: CallScript.shape.locale,
  versions: z.array(ScriptVersionRecord).check(z.minLength(1)),
  /** The built-in template the script started from. */
  duplicatedFrom: z.optional(z.string().check(z.maxLength(64))),
});
export type PackScript = z.infer<typeof PackScript>;

export const ScriptPack = z.object({
  format: z.literal(PACK_FORMAT),
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  exportedAt: IsoDateTime,
  exportedBy: z.string().check(z.maxLength(120)),
  /** `sha256:` + hex of the canonical JSON of `scripts`: a pack edited by hand or cut short is refused. */
  checksum: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
  scripts: z.array(PackScript),
});
export type ScriptPack = z.infer<typeof ScriptPack>;

export type PackError =
  | { error: 'too_large'; bytes: number; max: number }
  | { error: 'not_json' }
  | { error: 'not_a_pack' }
  | { error: 'future_version'; version: number; supported: number }
  | { error: 'invalid_shape'; path: string; message: string }
  | { error: 'too_many'; path: string; count: number; max: number }
  | { error: 'text_too_long'; path: string; max: number }
  | { error: 'forbidden_characters'; path: string; codePoint: string }
  | { error: 'markup'; path: string; snippet: string }
  | { error: 'checksum_mismatch' }
  | { error: 'version_mismatch'; path: string }
  | { error: 'invalid_script'; path: string; script: ScriptError };
export type PackErrorCode = PackError['error'];

export { canonicalJson };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function buildPack(scripts: PackScript[], exportedBy: string, now: Date): Promise<ScriptPack> {
  const checksum = `sha256:${await sha256Hex(canonicalJson(scripts))}`;
  return { format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, exportedAt: now.toISOString(), exportedBy, checksum, scripts };
}

export function packFileName(names: string[], today: string): string {
  const base = names.length === 1 ? names[0]! : 'scripts';
  const slug = base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'scripts';
  return `${slug}-${today}${PACK_EXTENSION}`;
}

// C0/C1 controls other than tab and newlines, and the bidi overrides/isolates that can make text read backwards.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript:/i;

/** Walks every string of the parsed JSON before zod, so a hostile text is named wherever it hides. */
function textProblem(value: unknown, path: string[]): PackError | null {
  if (typeof value === 'string') {
    const at = path.join('.');
    if (value.length > PACK_LIMITS.textChars) return { error: 'text_too_long', path: at, max: PACK_LIMITS.textChars };
    const bad = FORBIDDEN.exec(value);
    if (bad) return { error: 'forbidden_characters', path: at, codePoint: `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
    const markup = MARKUP.exec(value);
    if (markup) return { error: 'markup', path: at, snippet: markup[0].slice(0, 60) };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = textProblem(value[i], [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = textProblem(k, [...path, '(key)']) ?? textProblem(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

function countProblem(raw: Record<string, unknown>): PackError | null {
  const scripts = raw.scripts;
  if (!Array.isArray(scripts)) return null;
  if (scripts.length > PACK_LIMITS.scripts) return { error: 'too_many', path: 'scripts', count: scripts.length, max: PACK_LIMITS.scripts };
  for (let i = 0; i < scripts.length; i++) {
    const versions = (scripts[i] as { versions?: unknown })?.versions;
    if (!Array.isArray(versions)) continue;
    if (versions.length > PACK_LIMITS.versionsPerScript) return { error: 'too_many', path: `scripts.${i}.versions`, count: versions.length, max: PACK_LIMITS.versionsPerScript };
    for (let j = 0; j < versions.length; j++) {
      const objections = (versions[j] as { script?: { objections?: unknown } })?.script?.objections;
      if (Array.isArray(objections) && objections.length > PACK_LIMITS.objectionsPerScript) {
        return { error: 'too_many', path: `scripts.${i}.versions.${j}.script.objections`, count: objections.length, max: PACK_LIMITS.objectionsPerScript };
      }
    }
  }
  return null;
}

export type PackRead = { ok: true; pack: ScriptPack } | ({ ok: false } & PackError);

/** `bytes` is the file's size as read from disk: a huge file is refused before it is decoded. */
export async function readPack(text: string, bytes = new TextEncoder().encode(text).length): Promise<PackRead> {
  const fail = (e: PackError): PackRead => ({ ok: false, ...e });
  if (bytes > PACK_LIMITS.bytes) return fail({ error: 'too_large', bytes, max: PACK_LIMITS.bytes });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail({ error: 'not_json' });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== PACK_FORMAT) return fail({ error: 'not_a_pack' });
  const record = raw as Record<string, unknown>;
  const declared = record.schemaVersion;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared > PACK_SCHEMA_VERSION) {
    return fail({ error: 'future_version', version: declared, supported: PACK_SCHEMA_VERSION });
  }
  const counted = countProblem(record);
  if (counted) return fail(counted);
  const text_ = textProblem(raw, []);
  if (text_) return fail(text_);
  const parsed = ScriptPack.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail({ error: 'invalid_shape', path: issue.path.map(String).join('.'), message: issue.message });
  }
  const pack = parsed.data;
  if (pack.checksum !== `sha256:${await sha256Hex(canonicalJson(pack.scripts))}`) return fail({ error: 'checksum_mismatch' });
  for (let i = 0; i < pack.scripts.length; i++) {
    const entry = pack.scripts[i]!;
    const seen = new Set<number>();
    for (let j = 0; j < entry.versions.length; j++) {
      const v = entry.versions[j]!;
      const path = `scripts.${i}.versions.${j}`;
      if (v.scriptId !== entry.id || v.script.id !== entry.id || v.script.version !== v.version || seen.has(v.version)) return fail({ error: 'version_mismatch', path });
      seen.add(v.version);
      const checked = validateScript(v.script);
      if (!checked.ok) {
        const { ok: _ok, ...script } = checked;
        return fail({ error: 'invalid_script', path: `${path}.script`, script });
      }
    }
  }
  return { ok: true, pack };
}

export type VersionFate = 'new' | 'same' | 'conflict';
export interface PackPlanEntry {
  scriptId: string;
  name: string;
  locale: PackScript['locale'];
  kind: 'new_script' | 'new_versions' | 'unchanged' | 'conflict';
  versions: { version: number; fate: VersionFate; storedAs: number }[];
}
export interface PackPlan {
  entries: PackPlanEntry[];
  /** What the store writes, in one transaction. */
  scripts: ScriptRecord[];
  versions: ScriptVersionRecord[];
}

export interface ExistingScript {
  record: ScriptRecord;
  versions: ScriptVersionRecord[];
}

/** Same words and structure; the version number inside the script is where it is filed, not what it says. */
const sameVersion = (a: ScriptVersionRecord, b: ScriptVersionRecord): boolean =>
  canonicalJson({ ...a.script, version: 0 }) === canonicalJson({ ...b.script, version: 0 });

/**
 * What importing `pack` changes: a script the library does not have comes whole; a known script gains the
 * versions it lacks; a version number that exists with other content is a conflict, kept as a new version
 * after the library's latest (its note says where it came from) so that nothing on either side is lost.
 * Importing the same pack twice changes nothing the second time.
 */
export function planPackImport(pack: ScriptPack, existing: (id: string) => ExistingScript | undefined, now: Date, by: string): PackPlan {
  const plan: PackPlan = { entries: [], scripts: [], versions: [] };
  for (const entry of pack.scripts) {
    const have = existing(entry.id);
    const sorted = [...entry.versions].sort((a, b) => a.version - b.version);
    let next = Math.max(have?.record.currentVersion ?? 0, ...(have?.versions.map((v) => v.version) ?? [0]));
    // A renumbered copy is kept, not put in service: the lead decides, by restoring it, whether agents get it.
    let current = have?.record.currentVersion ?? 0;
    const fates: PackPlanEntry['versions'] = [];
    for (const v of sorted) {
      const stored = have?.versions.find((h) => h.version === v.version);
      if (stored && sameVersion(stored, v)) {
        fates.push({ version: v.version, fate: 'same', storedAs: v.version });
        continue;
      }
      if (!stored && v.version > next) {
        next = v.version;
        current = v.version;
        fates.push({ version: v.version, fate: 'new', storedAs: v.version });
        plan.versions.push(v);
        continue;
      }
      // Already imported as a renumbered copy? Then it is the same content under another number.
      const copy = have?.versions.find((h) => h.restoredFrom === v.version && sameVersion(h, v));
      if (copy) {
        fates.push({ version: v.version, fate: 'same', storedAs: copy.version });
        continue;
      }
      next += 1;
      fates.push({ version: v.version, fate: stored ? 'conflict' : 'new', storedAs: next });
      plan.versions.push({ ...v, version: next, restoredFrom: v.version, script: { ...v.script, version: next } });
    }
    const added = fates.filter((f) => f.fate !== 'same');
    const kind: PackPlanEntry['kind'] = !have ? 'new_script' : added.length === 0 ? 'unchanged' : fates.some((f) => f.fate === 'conflict') ? 'conflict' : 'new_versions';
    plan.entries.push({ scriptId: entry.id, name: entry.name, locale: entry.locale, kind, versions: fates });
    if (added.length === 0) continue;
    plan.scripts.push({
      schemaVersion: 1,
      id: entry.id,
      name: have?.record.name ?? entry.name,
      locale: entry.locale,
      status: have?.record.status === 'archived' ? 'archived' : 'published',
      currentVersion: current || next,
      draft: have?.record.draft ?? null,
      updatedAt: now.toISOString(),
      updatedBy: by,
      ...((have?.record.duplicatedFrom ?? entry.duplicatedFrom) ? { duplicatedFrom: have?.record.duplicatedFrom ?? entry.duplicatedFrom } : {}),
    });
  }
  return plan;
}
