import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeInvoice, makePromise, makeTask } from '../../tests/fixtures/db/builders';
import { Invoice } from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import { isDebtorSummary, validateForWrite } from './codec';
import { isQuotaError, StorageError, toStorageError } from './errors';

describe('isDebtorSummary', () => {
  const full = summarizeDebtor(
    makeBundle({ invoices: [makeInvoice()], activities: [makeActivity()], promises: [makePromise()], tasks: [makeTask()] }),
  );

  it('accepts what summarizeDebtor writes, with or without a last action', () => {
    expect(isDebtorSummary(full)).toBe(true);
    expect(isDebtorSummary(summarizeDebtor(makeBundle()))).toBe(true);
  });

  it.each([
    ['not an object', null],
    ['another schema version', { ...full, schemaVersion: 2 }],
    ['a missing name', { ...full, name: undefined }],
    ['an unknown segment', { ...full, segment: 'galactic' }],
    ['fractional cents', { ...full, openItems: [{ ...full.openItems[0], outstandingCents: 10.5 }] }],
    ['openItems not an array', { ...full, openItems: {} }],
    ['an unknown promise status', { ...full, promises: [{ ...full.promises[0], status: 'maybe' }] }],
    ['an unknown task kind', { ...full, openTasks: [{ ...full.openTasks[0], kind: 'dance' }] }],
    ['a last action without a date', { ...full, lastAction: { type: 'call' } }],
  ])('rejects %s', (_label, value) => {
    expect(isDebtorSummary(value)).toBe(false);
  });
});

describe('validateForWrite', () => {
  it('returns the parsed record, stripped of unknown keys', () => {
    expect(validateForWrite(Invoice, 'invoices', { ...makeInvoice(), numberKey: 'x' })).toEqual(makeInvoice());
  });
  it('throws a typed invalid error listing each issue path', () => {
    try {
      validateForWrite(Invoice, 'invoices', { ...makeInvoice(), dueDate: 'bientôt', currency: 'USD' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StorageError);
      expect((e as StorageError).kind).toBe('invalid');
      expect((e as StorageError).issues.map((i) => i.path).sort()).toEqual(['currency', 'dueDate']);
    }
  });
});

describe('toStorageError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'quota'],
    [{ name: 'Error', code: 22 }, 'quota'],
    [new DOMException('newer', 'VersionError'), 'version'],
    [new DOMException('closing', 'InvalidStateError'), 'closed'],
    [new Error('boom'), 'unknown'],
    ['text', 'unknown'],
  ])('maps %s to %s', (error, kind) => {
    expect(toStorageError(error).kind).toBe(kind);
  });
  it('passes a StorageError through untouched', () => {
    const e = new StorageError('not_found', 'x', { key: 'k' });
    expect(toStorageError(e)).toBe(e);
  });
});

describe('isQuotaError', () => {
  it('recognises a full device whether the error is typed or straight from the browser', () => {
    expect(isQuotaError(new StorageError('quota', 'full'))).toBe(true);
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new StorageError('closed', 'closed'))).toBe(false);
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
