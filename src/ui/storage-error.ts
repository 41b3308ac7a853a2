import { t } from '../i18n';
import { StorageError } from '../storage/errors';

/** A translated sentence for any failure coming out of the store (quota, blocked upgrade, closed connection…). */
export function storageErrorMessage(error: unknown): string {
  const kind = error instanceof StorageError ? error.kind : 'unknown';
  return t(`storageError.${kind}`);
}
