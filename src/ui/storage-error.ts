import { t } from '../i18n';
import { toStorageError } from '../storage/errors';

/** A translated sentence for any failure coming out of the store (quota, blocked upgrade, closed connection…). */
export function storageErrorMessage(error: unknown): string {
  return t(`storageError.${toStorageError(error).kind}`);
}
