import { describe, expect, it } from 'vitest';
import type { CallContext } from './context';
import { isCallBackValid, isCaptureFilled, isCaptureValid, planProblems, promiseProblems, stepBlockers } from './rules';
import { STARTED_AT, TODAY } from './call.fixtures';

function context(overrides: Partial<CallContext> = {}): CallContext {
  return {
    machineVersion: 1,
    callId: 'call-1',
    debtorId: 'd1',
    contactId: 'c1',
    agentName: 'Camille',
    scriptId: 's',
    scriptVersion: 1,
    scriptFields: { formalisation: [{ id: 'recap', type: 'choice', required: true, options: ['email', 'none'] }] },
    startedAt: STARTED_AT,
    today: TODAY,
    captures: {},
    notes: '',
    reason: null,
    commitment: null,
    contactCheck: null,
    step: 'presentation',
    reached: [],
    interrupted: false,
    ending: null,
    ...overrides,
  };
}

describe('promiseProblems', () => {
  it('wants an amount above zero and a date from today on', () => {
    expect(promiseProblems({ amountCents: 1, date: TODAY }, TODAY)).toEqual([]);
    expect(promiseProblems({ amountCents: 0, date: TODAY }, TODAY)).toEqual(['amount_not_positive']);
    expect(promiseProblems({ amountCents: 10.5, date: TODAY }, TODAY)).toEqual(['amount_not_positive']);
    expect(promiseProblems({ amountCents: 100, date: '2026-11-17' }, TODAY)).toEqual(['date_in_past']);
    expect(promiseProblems({ amountCents: 100, date: 'demain' }, TODAY)).toEqual(['date_in_past']);
  });
});

describe('planProblems', () => {
  it('accepts increasing future instalments', () => {
    expect(planProblems([{ date: '2026-11-30', amountCents: 50_000 }, { date: '2026-12-30', amountCents: 50_000 }], TODAY)).toEqual([]);
  });
  it('names each problem once', () => {
    expect(planProblems([], TODAY)).toEqual(['no_instalment']);
    expect(
      planProblems(
        [
          { date: '2026-12-30', amountCents: 0 },
          { date: '2026-12-01', amountCents: -5 },
          { date: '2026-01-01', amountCents: 100 },
        ],
        TODAY,
      ).sort(),
    ).toEqual(['amount_not_positive', 'date_in_past', 'dates_not_increasing']);
  });
});

describe('captures', () => {
  it('checks a value against its field type', () => {
    expect(isCaptureValid({ id: 'a', type: 'amount', required: false }, 1200)).toBe(true);
    expect(isCaptureValid({ id: 'a', type: 'amount', required: false }, -1)).toBe(false);
    expect(isCaptureValid({ id: 'a', type: 'amount', required: false }, '12')).toBe(false);
    expect(isCaptureValid({ id: 'd', type: 'date', required: false }, '2026-02-30')).toBe(false);
    expect(isCaptureValid({ id: 'c', type: 'choice', required: false, options: ['yes'] }, 'no')).toBe(false);
    expect(isCaptureValid({ id: 'p', type: 'contact', required: false }, { name: 'Ana', role: 'manager' })).toBe(true);
    expect(isCaptureValid({ id: 'p', type: 'contact', required: false }, 'Ana')).toBe(false);
    expect(isCaptureValid({ id: 't', type: 'text', required: true }, null)).toBe(true);
  });
  it('treats blank text and nameless contacts as empty', () => {
    expect(isCaptureFilled('  ')).toBe(false);
    expect(isCaptureFilled(0)).toBe(true);
    expect(isCaptureFilled({ name: '' })).toBe(false);
    expect(isCaptureFilled(undefined)).toBe(false);
  });
});

describe('isCallBackValid', () => {
  it('wants a date from today on and an HH:MM time if any', () => {
    expect(isCallBackValid({ date: TODAY, time: '14:30' }, TODAY)).toBe(true);
    expect(isCallBackValid({ date: '2026-11-17' }, TODAY)).toBe(false);
    expect(isCallBackValid({ date: TODAY, time: '25:00' }, TODAY)).toBe(false);
  });
});

describe('stepBlockers', () => {
  it('holds the reason step until a reason is chosen', () => {
    expect(stepBlockers(context(), 'delay_reason')).toEqual([{ code: 'reason_required' }]);
    expect(stepBlockers(context({ reason: { code: 'forgotten', detail: '' } }), 'delay_reason')).toEqual([]);
  });
  it('holds the commitments step until a commitment is recorded and, for a promise, restated', () => {
    expect(stepBlockers(context(), 'commitments')).toEqual([{ code: 'commitment_required' }]);
    const promise = { kind: 'promise' as const, amountCents: 100, date: TODAY, means: 'transfer' as const, invoiceIds: [], restatedConfirmed: false };
    expect(stepBlockers(context({ commitment: promise }), 'commitments')).toEqual([{ code: 'promise_not_restated' }]);
    expect(stepBlockers(context({ commitment: { ...promise, restatedConfirmed: true } }), 'commitments')).toEqual([]);
    // A promise made yesterday for yesterday, on a call resumed today, is no longer acceptable.
    expect(stepBlockers(context({ commitment: { ...promise, restatedConfirmed: true }, today: '2026-11-19' }), 'commitments')).toEqual([
      { code: 'promise_invalid', problems: ['date_in_past'] },
    ]);
    expect(stepBlockers(context({ commitment: { kind: 'none', why: 'DAF absent' } }), 'commitments')).toEqual([]);
  });
  it('holds a step with a required field until it is filled', () => {
    expect(stepBlockers(context(), 'formalisation')).toEqual([{ code: 'required_field', fieldId: 'recap' }]);
    expect(stepBlockers(context({ captures: { formalisation: { recap: 'email' } } }), 'formalisation')).toEqual([]);
  });
});
