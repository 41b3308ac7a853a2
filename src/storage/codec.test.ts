import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeInvoice, makePromise, makeTask } from '../../tests/fixtures/db/builders';
import { Invoice } from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import type { DebtorSummaryV1 } from '../domain/summary-v1';
import { buildWorklist } from '../domain/worklist';
import { isDebtorSummary, readSummaries, validateForWrite } from './codec';
import { isQuotaError, StorageError, toStorageError } from './errors';

describe('isDebtorSummary', () => {
  const full = summarizeDebtor(
    makeBundle({ invoices: [makeInvoice()], activities: [makeActivity()], promises: [makePromise()], tasks: [makeTask()] }),
  );

  it('accepts what summarizeDebtor writes, with or without a last action', () => {
    expect(isDebtorSummary(full)).toBe(true);
    expect(isDebtorSummary(summarizeDebtor(makeBundle()))).toBe(true);
  });

  it('leaves empty lists out of what it writes, and the check accepts them absent', () => {
    const bare = summarizeDebtor(makeBundle());
    expect(bare).not.toHaveProperty('promises');
    expect(bare).not.toHaveProperty('openTasks');
    expect(full.promises).toHaveLength(1);
    expect(full.openTasks).toHaveLength(1);
  });

  it.each([
    ['not an object', null],
    ['another schema version', { ...full, schemaVersion: 3 }],
    ['format 1 (read through readSummaries instead)', { ...full, schemaVersion: 1 }],
    ['a missing name', { ...full, name: undefined }],
    ['an unknown segment', { ...full, segment: 'galactic' }],
    ['fractional cents', { ...full, openItems: [full.openItems[0], 10.5, 0] }],
    ['a disputed flag other than 0 or 1', { ...full, openItems: [full.openItems[0], full.openItems[1], 2] }],
    ['a due day that is not a number', { ...full, openItems: ['2026-11-01', 100, 0] }],
    ['an open item cut short', { ...full, openItems: full.openItems.slice(0, 2) }],
    ['openItems not an array', { ...full, openItems: {} }],
    ['an unknown promise status', { ...full, promises: [{ ...full.promises![0], status: 'maybe' }] }],
    ['an empty promise list that is not a list', { ...full, promises: {} }],
    ['an unknown task kind', { ...full, openTasks: [{ ...full.openTasks![0], kind: 'dance' }] }],
    ['a last action without a date', { ...full, lastAction: { type: 'call' } }],
    ['the in-memory outdated mark', { ...full, outdated: true }],
  ])('rejects %s', (_label, value) => {
    expect(isDebtorSummary(value)).toBe(false);
  });
});

describe('readSummaries with format 1 records', () => {
  const TODAY = '2026-11-23';
  const bundle = makeBundle({
    invoices: [
      makeInvoice({ id: 'i1', number: 'FA-1', dueDate: '2026-09-30', amountInclVatCents: 10_000 }),
      makeInvoice({ id: 'i2', number: 'FA-2', dueDate: '2026-12-15', amountInclVatCents: 4_000 }),
      makeInvoice({ id: 'i3', number: 'FA-3', status: 'disputed', dueDate: '2026-10-01', amountInclVatCents: 7_000 }),
    ],
    promises: [makePromise()],
    tasks: [makeTask()],
    activities: [makeActivity()],
  });
  const current = summarizeDebtor(bundle);
  // What format 1 stored for the same debtor (domain/summary-v1.ts).
  const v1: DebtorSummaryV1 = {
    schemaVersion: 1,
    debtorId: current.debtorId,
    name: current.name,
    searchKey: current.searchKey,
    segment: current.segment,
    openItems: [
      { invoiceId: 'i1', number: 'FA-1', dueDate: '2026-09-30', outstandingCents: 10_000, disputed: false },
      { invoiceId: 'i3', number: 'FA-3', dueDate: '2026-10-01', outstandingCents: 7_000, disputed: true },
      { invoiceId: 'i2', number: 'FA-2', dueDate: '2026-12-15', outstandingCents: 4_000, disputed: false },
    ],
    promises: current.promises ?? [],
    openTasks: current.openTasks ?? [],
    ...(current.lastAction ? { lastAction: current.lastAction } : {}),
    ...(current.history ? { history: current.history } : {}),
  };

  it('converts a format 1 summary to the current one, marked outdated, with the same worklist row', () => {
    const [read] = readSummaries([v1]);
    expect(read).toEqual({ ...current, outdated: true });
    expect(buildWorklist([read!], TODAY)).toEqual(buildWorklist([current], TODAY));
  });

  it('drops empty lists from a converted summary, as format 2 writes them', () => {
    const [read] = readSummaries([{ ...v1, promises: [], openTasks: [] }]);
    expect(read).not.toHaveProperty('promises');
    expect(read).not.toHaveProperty('openTasks');
  });

  it('still reports a format 1 record that does not hold together', () => {
    const reports: unknown[] = [];
    const read = readSummaries([{ ...v1, openItems: [{ number: 'FA-1' }] }, current], (r) => reports.push(r));
    expect(read).toEqual([current]);
    expect(reports).toEqual([{ store: 'summaries', key: current.debtorId, issues: [{ path: '', message: 'Not a debtor summary' }] }]);
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
