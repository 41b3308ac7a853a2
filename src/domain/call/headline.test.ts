import { describe, expect, it } from 'vitest';
import { callHeadline } from './headline';

const promise = { kind: 'promise', amountCents: 123456, date: '2026-12-12', means: 'transfer', invoiceIds: ['inv-1'], restatedConfirmed: true };

describe('callHeadline', () => {
  it('names a confirmed promise with its amount, date and means', () => {
    expect(callHeadline({ commitment: promise, ending: { type: 'completed' } }, 'completed')).toEqual({
      kind: 'promise',
      amountCents: 123456,
      date: '2026-12-12',
      means: 'transfer',
    });
  });

  it('falls back to the ending when the promise was never read back', () => {
    expect(callHeadline({ commitment: { ...promise, restatedConfirmed: false }, ending: { type: 'cut_off', callBack: null } }, 'cut_off')).toEqual({
      kind: 'ending',
      ending: 'cut_off',
    });
  });

  it('names the disputed invoices and why', () => {
    expect(callHeadline({ commitment: { kind: 'dispute', invoiceIds: ['a', 'b'], why: ' Colis manquant ' } }, 'completed')).toEqual({
      kind: 'dispute',
      invoiceIds: ['a', 'b'],
      why: 'Colis manquant',
    });
  });

  it('sums a plan offer', () => {
    const plan = { kind: 'plan', note: '', instalments: [{ date: '2026-12-10', amountCents: 1000 }, { date: '2027-01-10', amountCents: 2500 }] };
    expect(callHeadline({ commitment: plan }, 'plan_request')).toEqual({ kind: 'plan', instalments: 2, totalCents: 3500 });
  });

  it('says why there was no commitment', () => {
    expect(callHeadline({ commitment: { kind: 'none', why: 'Gérant absent' } }, 'completed')).toEqual({ kind: 'no_commitment', why: 'Gérant absent' });
  });

  it('reads demo and older calls, whose details hold odd or missing fields', () => {
    expect(callHeadline({ reason: 'cash_flow', commitment: 'yes' }, 'voicemail')).toEqual({ kind: 'ending', ending: 'voicemail' });
    expect(callHeadline(undefined, undefined)).toEqual({ kind: 'ending', ending: null });
  });
});
