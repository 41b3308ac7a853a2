import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../i18n';
import { StorageError, type StorageErrorKind } from '../storage/errors';
import { storageErrorMessage } from './storage-error';

const KINDS: StorageErrorKind[] = ['quota', 'invalid', 'corrupt', 'blocked', 'version', 'not_found', 'closed', 'unknown'];

describe('storageErrorMessage', () => {
  beforeAll(() => initI18n('fr'));

  // English has the same keys (i18n/keys.test.ts checks the parity of every namespace).
  it.each(KINDS)('has a sentence for %s', (kind) => {
    expect(i18n.exists(`storageError.${kind}`)).toBe(true);
    expect(storageErrorMessage(new StorageError(kind, 'x'))).not.toContain('storageError');
  });

  it('reads an error straight from the browser as the store would type it', () => {
    expect(storageErrorMessage(new DOMException('full', 'QuotaExceededError'))).toBe(storageErrorMessage(new StorageError('quota', 'x')));
    expect(storageErrorMessage(new Error('boom'))).toBe(storageErrorMessage(new StorageError('unknown', 'x')));
  });
});
