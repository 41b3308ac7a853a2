/**
 * The backup file: the whole database in one file, versioned, checksummed, validated, compressed.
 *
 * Layout (before compression): one line of JSON, the header — format, format version, the database version
 * that wrote it, when, the record count of each store, and the SHA-256 of the payload — then a line break,
 * then the payload: `{ "<store>": [records…] }` as JSON text. The checksum covers the payload's exact text,
 * so it does not depend on how a JSON parser orders keys. The file is gzip-compressed where the browser has
 * CompressionStream (every current one); a plain file is read too (gzip is recognised by its magic bytes).
 *
 * Reading checks, in order: the bytes decompress, the header parses and passes its zod schema (`not_a_backup`),
 * the database version is not newer than this app's (`newer_version`: an older app cannot know what a newer
 * one wrote), the checksum matches (`corrupt`), the payload parses. Records are then validated store by store
 * by the storage layer, which owns each store's schema. Nothing here touches the database.
 */
import { z } from 'zod/mini';

export const BACKUP_FORMAT = 'cadence-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  databaseVersion: z.int().check(z.minimum(1)),
  createdAt: z.iso.datetime({ offset: true }),
  counts: z.record(z.string(), z.int().check(z.minimum(0))),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  compressed: z.boolean(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** Each store's records as stored; stores with out-of-line keys hold `[key, value]` pairs. */
export type BackupStores = Record<string, unknown[]>;

export interface Backup {
  header: BackupHeader;
  stores: BackupStores;
}

export type BackupError =
  | { kind: 'not_a_backup' }
  | { kind: 'newer_version'; fileVersion: number; appVersion: number }
  | { kind: 'corrupt' }
  | { kind: 'invalid_records'; store: string; index: number; reason: string };

export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const body = new Response(bytes as BodyInit).body;
  if (!body) throw new Error('no stream');
  const out = body.pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const canCompress = () => typeof CompressionStream === 'function';

export async function encodeBackup(stores: BackupStores, meta: { databaseVersion: number; createdAt: string }, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const payload = JSON.stringify(stores);
  const compressed = (options.compress ?? true) && canCompress();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    databaseVersion: meta.databaseVersion,
    createdAt: meta.createdAt,
    counts: Object.fromEntries(Object.entries(stores).map(([name, records]) => [name, records.length])),
    sha256: await sha256Hex(payload),
    compressed,
  };
  const plain = encoder.encode(`${JSON.stringify(header)}\n${payload}`);
  return compressed ? pipe(plain, new CompressionStream('gzip')) : plain;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

export async function decodeBackup(bytes: Uint8Array, appDatabaseVersion: number): Promise<BackupReadResult> {
  let text: string;
  try {
    const plain = isGzip(bytes) ? (typeof DecompressionStream === 'function' ? await pipe(bytes, new DecompressionStream('gzip')) : undefined) : bytes;
    if (!plain) return { ok: false, error: { kind: 'not_a_backup' } };
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return { ok: false, error: { kind: isGzip(bytes) ? 'corrupt' : 'not_a_backup' } };
  }
  const newline = text.indexOf('\n');
  if (newline === -1) return { ok: false, error: { kind: 'not_a_backup' } };
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(text.slice(0, newline));
  } catch {
    return { ok: false, error: { kind: 'not_a_backup' } };
  }
  const header = BackupHeader.safeParse(rawHeader);
  if (!header.success) return { ok: false, error: { kind: 'not_a_backup' } };
  if (header.data.databaseVersion > appDatabaseVersion)
    return { ok: false, error: { kind: 'newer_version', fileVersion: header.data.databaseVersion, appVersion: appDatabaseVersion } };
  const payload = text.slice(newline + 1);
  if ((await sha256Hex(payload)) !== header.data.sha256) return { ok: false, error: { kind: 'corrupt' } };
  let stores: unknown;
  try {
    stores = JSON.parse(payload);
  } catch {
    return { ok: false, error: { kind: 'corrupt' } };
  }
  const shape = z.record(z.string(), z.array(z.unknown())).safeParse(stores);
  if (!shape.success) return { ok: false, error: { kind: 'corrupt' } };
  for (const [name, count] of Object.entries(header.data.counts)) {
    if ((shape.data[name]?.length ?? 0) !== count) return { ok: false, error: { kind: 'corrupt' } };
  }
  return { ok: true, backup: { header: header.data, stores: shape.data } };
}

/** What a restore would change, store by store, for the preview before anything is replaced. */
export function restorePreview(backup: Backup, currentCounts: Readonly<Record<string, number>>): { store: string; now: number; after: number }[] {
  const names = [...new Set([...Object.keys(currentCounts), ...Object.keys(backup.stores)])].sort();
  return names.map((store) => ({ store, now: currentCounts[store] ?? 0, after: backup.stores[store]?.length ?? 0 }));
}

/** A backup older than this many days earns a reminder. */
export const BACKUP_REMINDER_DAYS = 7;

export function backupReminderDue(lastBackupAt: string | undefined, now: string): boolean {
  if (!lastBackupAt) return true;
  return Date.parse(now) - Date.parse(lastBackupAt) > BACKUP_REMINDER_DAYS * 86_400_000;
}
