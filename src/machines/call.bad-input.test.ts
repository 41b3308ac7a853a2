/**
 * What a careless or hostile agent can type into a call, and what the machine refuses or forgets: dates
 * past the one-year horizon, contact details that are not a phone or an address, a promise emptied on screen.
 */
import { describe, expect, it } from 'vitest';
import { TODAY } from '../domain/call/call.fixtures';
import type { CallEvent } from './call.types';
import { PROMISE, TO_DELAY_REASON, drive, startCall } from './call.testing';

const toCommitments: CallEvent[] = [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'forgotten' }, { type: 'NEXT' }];
const NEXT_YEAR = '2027-11-18';

describe('call machine: dates within the horizon', () => {
  it('refuses a promise on 2999-12-31 and takes one a year ahead', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    expect(actor.getSnapshot().can({ ...PROMISE, date: '2999-12-31' })).toBe(false);
    expect(actor.getSnapshot().can({ ...PROMISE, date: '2027-11-19' })).toBe(false);
    expect(actor.getSnapshot().can({ ...PROMISE, date: NEXT_YEAR })).toBe(true);
  });

  it('refuses plan instalments past three years and call-backs past one', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    const instalments = [
      { date: '2026-12-15', amountCents: 10_000 },
      { date: '2999-12-31', amountCents: 10_000 },
    ];
    expect(actor.getSnapshot().can({ type: 'PROPOSE_PLAN', instalments })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'PROPOSE_PLAN', instalments: [instalments[0]!] })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'PROPOSE_PLAN', instalments: [instalments[0]!, { date: '2029-11-18', amountCents: 1 }] })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'PROPOSE_PLAN', instalments: [instalments[0]!, { date: '2029-11-19', amountCents: 1 }] })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'REQUEST_CALL_BACK', callBack: { date: '2999-12-31' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'REQUEST_CALL_BACK', callBack: { date: NEXT_YEAR } })).toBe(true);
    const cut = startCall().actor;
    drive(cut, [{ type: 'CUT_OFF' }]);
    expect(cut.getSnapshot().can({ type: 'RESCHEDULE', callBack: { date: '2999-12-31' } })).toBe(false);
    expect(cut.getSnapshot().can({ type: 'RESCHEDULE', callBack: { date: TODAY } })).toBe(true);
  });
});

describe('call machine: contact details', () => {
  it('refuses a correction with a javascript: phone or a hijacking e-mail', () => {
    const { actor } = startCall();
    drive(actor, [{ type: 'NEXT' }]);
    const contact = { name: 'Claire Dubois', role: 'accountant' as const, phone: '04 72 00 00 00', email: 'compta@dupont.fr' };
    expect(actor.getSnapshot().can({ type: 'CORRECT_CONTACT', contact: { ...contact, phone: 'javascript:alert(1)' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'CORRECT_CONTACT', contact: { ...contact, email: 'x?bcc=thief%40evil.example&y=@example.com' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'CORRECT_CONTACT', contact: { ...contact, phone: '', email: '' } })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'CORRECT_CONTACT', contact })).toBe(true);
  });

  it('refuses a wrong person whose phone is not a number', () => {
    const { actor } = startCall();
    const callBack = { date: TODAY };
    expect(actor.getSnapshot().can({ type: 'WRONG_PERSON', contact: { name: 'Luc', role: 'other', phone: 'javascript:alert(1)' }, callBack })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'WRONG_PERSON', contact: { name: 'Luc', role: 'other', phone: '06 11 22 33 44' }, callBack })).toBe(true);
  });
});

describe('call machine: a cleared promise is forgotten', () => {
  it('drops the recorded promise when the agent empties it, and only a commitment of that kind', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    expect(actor.getSnapshot().can({ type: 'CLEAR_COMMITMENT', kind: 'promise' })).toBe(false);
    drive(actor, [PROMISE]);
    expect(actor.getSnapshot().context.commitment).toMatchObject({ kind: 'promise' });
    expect(actor.getSnapshot().can({ type: 'CLEAR_COMMITMENT', kind: 'plan' })).toBe(false);
    drive(actor, [{ type: 'CLEAR_COMMITMENT', kind: 'promise' }]);
    expect(actor.getSnapshot().context.commitment).toBeNull();
    expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(false);
  });
});
