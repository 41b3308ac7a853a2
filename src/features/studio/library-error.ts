import { t } from '../../i18n';
import { LibraryError } from '../../scripts/library';
import { storageErrorMessage } from '../../ui/storage-error';

/** A library refusal in words (archived, still assigned…), or the storage failure behind it. */
export function libraryErrorMessage(error: unknown): string {
  return error instanceof LibraryError ? t(`studio:refusals.${error.refusal}`) : storageErrorMessage(error);
}
