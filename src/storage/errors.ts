/**
 * Typed storage failures. The UI maps `kind` to a translated message; nothing here is user-facing text.
 */
export type StorageErrorKind =
  /** The browser refused to store more (disk full or origin quota reached). */
  | 'quota'
  /** A record failed its zod schema on the way in; nothing was written. */
  | 'invalid'
  /** A stored record failed its schema on the way out. */
  | 'corrupt'
  /** Another tab keeps an older connection open, so the database cannot be upgraded yet. */
  | 'blocked'
  /** The stored database is newer than this code (an older app version is running): reload to update. */
  | 'version'
  /** A record refers to something that does not exist (e.g. an invoice of an unknown debtor). */
  | 'not_found'
  /** This connection was closed (another tab upgraded the database, or the app closed it). */
  | 'closed'
  /** The user's role may not make this change (e.g. an agent overriding a debtor's segment). */
  | 'forbidden'
  | 'unknown';

export interface ValidationIssue {
  path: string;
  message: string;
}

export interface StorageErrorDetails {
  /** Store or entity the failure concerns, e.g. `invoices`. */
  store?: string;
  /** Key of the offending record, when known. */
  key?: string;
  issues?: ValidationIssue[];
  cause?: unknown;
}

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  readonly store: string | undefined;
  readonly key: string | undefined;
  readonly issues: ValidationIssue[];

  constructor(kind: StorageErrorKind, message: string, details: StorageErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.store = details.store;
    this.key = details.key;
    this.issues = details.issues ?? [];
  }
}

function errorName(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

/** Quota errors wear different names per engine (idb rejects `tx.done` with the transaction's own error). */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = errorName(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) {
    return new StorageError('quota', 'Storage quota exceeded', { cause: e });
  }
  if (name === 'VersionError') return new StorageError('version', 'Stored database is newer than this app', { cause: e });
  if (name === 'InvalidStateError') return new StorageError('closed', 'Database connection is closed', { cause: e });
  const message = e instanceof Error ? e.message : String(e);
  return new StorageError('unknown', message, { cause: e });
}

/** True when a failure (typed or straight from the browser) means the device has no room left. */
export function isQuotaError(e: unknown): boolean {
  return e !== null && e !== undefined && toStorageError(e).kind === 'quota';
}
