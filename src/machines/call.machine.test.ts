import { describe, expect, it } from 'vitest';
import { TODAY } from '../domain/call/call.fixtures';
import { STEP_IDS } from '../domain/call/steps';
import type { CallEvent } from './call.types';
import { AFTER_COMMITMENT, COMPLETED_CALL, PROMISE, TO_DELAY_REASON, drive, startCall, storedForm } from './call.testing';
import { currentBlockers, currentStep, stepRail } from './call.selectors';

const toCommitments: CallEvent[] = [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'forgotten' }, { type: 'NEXT' }];

describe('call machine: the full call', () => {
  it('walks the ten steps in order and ends completed, with every capture kept', () => {
    const { actor } = startCall();
    const seen: string[] = [];
    actor.subscribe((s) => {
      if (s.hasTag('step') && seen.at(-1) !== s.context.step) seen.push(s.context.step);
    });
    seen.push(actor.getSnapshot().context.step);
    drive(actor, COMPLETED_CALL);
    const snap = actor.getSnapshot();
    expect(seen).toEqual([...STEP_IDS]);
    expect(snap.value).toBe('completed');
    // Ended, and committing its outcome: the machine is done once the commit is (see the commit tests).
    expect(snap.status).toBe('active');
    expect(snap.hasTag('ended')).toBe(true);
    expect(snap.context.ending).toEqual({ type: 'completed' });
    expect(snap.context.reached).toEqual([...STEP_IDS]);
    expect(snap.context.captures).toEqual({
      explanation: { invoices_received: 'yes' },
      listening: { key_points: 'Trésorerie tendue ce mois-ci' },
      formalisation: { recap_channel: 'email' },
    });
    expect(snap.context.commitment).toEqual({ kind: 'promise', amountCents: 60_000, date: '2026-11-25', means: 'transfer', invoiceIds: ['i2'], restatedConfirmed: true });
    expect(snap.context.contactCheck).toMatchObject({ status: 'corrected', contact: { role: 'accounts_payable' } });
  });

  it('ends as a dispute when the commitment is a dispute', () => {
    const { actor } = startCall();
    drive(actor, [...TO_DELAY_REASON.slice(0, 4), { type: 'RAISE_DISPUTE', invoiceIds: ['i1'], why: 'Livraison incomplète' }]);
    // Raising the dispute also gives the reason, so the reason step lets the agent through.
    expect(actor.getSnapshot().context.reason).toEqual({ code: 'dispute', detail: 'Livraison incomplète' });
    drive(actor, [...TO_DELAY_REASON.slice(4), { type: 'NEXT' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    expect(actor.getSnapshot().value).toBe('dispute');
    expect(actor.getSnapshot().context.ending).toEqual({ type: 'dispute' });
  });

  it('ends as a plan request when the debtor offers instalments', () => {
    const { actor } = startCall();
    const plan: CallEvent = {
      type: 'PROPOSE_PLAN',
      instalments: [
        { date: '2026-11-30', amountCents: 90_000 },
        { date: '2026-12-30', amountCents: 90_000 },
      ],
      note: 'Premier versement à réception',
    };
    drive(actor, [...toCommitments, plan, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    expect(actor.getSnapshot().value).toBe('plan_request');
    expect(actor.getSnapshot().context.commitment).toMatchObject({ kind: 'plan', note: 'Premier versement à réception' });
  });

  it('accepts an explicit "no commitment" with a why, and ends completed', () => {
    const { actor } = startCall();
    expect(actor.getSnapshot().can({ type: 'DECLARE_NO_COMMITMENT', why: 'x' })).toBe(false);
    drive(actor, toCommitments);
    expect(actor.getSnapshot().can({ type: 'DECLARE_NO_COMMITMENT', why: '  ' })).toBe(false);
    drive(actor, [{ type: 'DECLARE_NO_COMMITMENT', why: 'Le DAF décide lundi' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    expect(actor.getSnapshot().value).toBe('completed');
  });
});

describe('call machine: other endings', () => {
  const cases: [string, CallEvent[], string, unknown][] = [
    ['no answer', [{ type: 'END_NO_ANSWER' }], 'no_answer', { type: 'no_answer' }],
    ['voicemail', [{ type: 'END_VOICEMAIL', messageLeft: true }], 'voicemail', { type: 'voicemail', messageLeft: true }],
    ['wrong number', [{ type: 'NEXT' }, { type: 'END_WRONG_NUMBER' }], 'wrong_number', { type: 'wrong_number' }],
    [
      'wrong person',
      [{ type: 'NEXT' }, { type: 'WRONG_PERSON', contact: { name: ' Luc Petit ', role: 'accountant', phone: '06 00 00 00 00' }, callBack: { date: '2026-11-19', time: '10:00' } }],
      'wrong_person',
      { type: 'wrong_person', contact: { name: 'Luc Petit', role: 'accountant', phone: '06 00 00 00 00' }, callBack: { date: '2026-11-19', time: '10:00' } },
    ],
    ['refusal', [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'REFUSE', detail: 'Ne souhaite pas parler' }], 'refusal', { type: 'refusal', detail: 'Ne souhaite pas parler' }],
    [
      'call-back requested',
      [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'REQUEST_CALL_BACK', callBack: { date: '2026-11-19', time: '09:00' } }],
      'call_back_requested',
      { type: 'call_back_requested', callBack: { date: '2026-11-19', time: '09:00' } },
    ],
    ['cut off then rescheduled', [{ type: 'NEXT' }, { type: 'CUT_OFF' }, { type: 'RESCHEDULE', callBack: { date: TODAY, time: '16:00' } }], 'cut_off', { type: 'cut_off', callBack: { date: TODAY, time: '16:00' } }],
  ];
  it.each(cases)('%s', (_name, events, state, ending) => {
    const { actor } = startCall();
    drive(actor, events);
    expect(actor.getSnapshot().value).toBe(state);
    expect(actor.getSnapshot().hasTag('ended')).toBe(true);
    expect(actor.getSnapshot().context.ending).toEqual(ending);
  });

  it('offers no answer and voicemail only before the conversation starts', () => {
    const { actor } = startCall();
    expect(actor.getSnapshot().can({ type: 'END_NO_ANSWER' })).toBe(true);
    drive(actor, [{ type: 'NEXT' }]);
    expect(actor.getSnapshot().can({ type: 'END_NO_ANSWER' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'END_VOICEMAIL', messageLeft: false })).toBe(false);
  });

  it('refuses a wrong person without a name or with a call-back in the past', () => {
    const { actor } = startCall();
    const callBack = { date: TODAY };
    expect(actor.getSnapshot().can({ type: 'WRONG_PERSON', contact: { name: ' ', role: 'other', phone: '' }, callBack })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'WRONG_PERSON', contact: { name: 'Luc', role: 'other', phone: '' }, callBack: { date: '2026-11-17' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'WRONG_PERSON', contact: { name: 'Luc', role: 'other', phone: '' }, callBack })).toBe(true);
  });

  it('resumes a cut-off call at the step where it dropped, captures and notes intact', () => {
    const { actor } = startCall();
    drive(actor, [...TO_DELAY_REASON.slice(0, 4), { type: 'SET_NOTES', text: 'Rappel à 16 h' }, { type: 'CUT_OFF' }]);
    expect(actor.getSnapshot().value).toBe('interrupted');
    expect(actor.getSnapshot().hasTag('interrupted')).toBe(true);
    expect(currentStep(actor.getSnapshot())).toBeNull();
    expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'RESCHEDULE', callBack: { date: '2026-11-01' } })).toBe(false);
    drive(actor, [{ type: 'SET_NOTES', text: 'Rappel à 16 h, ligne coupée' }, { type: 'RESUME' }]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'explanation' });
    expect(actor.getSnapshot().context.captures.explanation).toEqual({ invoices_received: 'yes' });
    expect(actor.getSnapshot().context.notes).toBe('Rappel à 16 h, ligne coupée');
  });
});

describe('call machine: guards', () => {
  it('refuses NEXT past the reason step without a reason, and says why', () => {
    const { actor } = startCall();
    drive(actor, TO_DELAY_REASON);
    expect(actor.getSnapshot().value).toEqual({ steps: 'delay_reason' });
    expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(false);
    expect(currentBlockers(actor.getSnapshot())).toEqual([{ code: 'reason_required' }]);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toEqual({ steps: 'delay_reason' });
    expect(actor.getSnapshot().can({ type: 'SET_REASON', code: 'other', detail: ' ' })).toBe(false);
    drive(actor, [{ type: 'SET_REASON', code: 'other', detail: 'Fusion en cours' }, { type: 'NEXT' }]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'commitments' });
  });

  it('refuses a reason before the debt is explained', () => {
    const { actor } = startCall();
    expect(actor.getSnapshot().can({ type: 'SET_REASON', code: 'forgotten' })).toBe(false);
  });

  it('refuses a promise of zero, a promise in the past, and leaving before it is restated', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    const snap = () => actor.getSnapshot();
    expect(snap().can({ type: 'NEXT' })).toBe(false);
    expect(snap().can({ ...PROMISE, amountCents: 0 })).toBe(false);
    expect(snap().can({ ...PROMISE, amountCents: -100 })).toBe(false);
    expect(snap().can({ ...PROMISE, date: '2026-11-17' })).toBe(false);
    expect(snap().can({ type: 'CONFIRM_RESTATED' })).toBe(false);
    expect(snap().can({ ...PROMISE, date: TODAY })).toBe(true);
    drive(actor, [PROMISE]);
    expect(snap().can({ type: 'NEXT' })).toBe(false);
    expect(currentBlockers(snap())).toEqual([{ code: 'promise_not_restated' }]);
    drive(actor, [{ type: 'CONFIRM_RESTATED' }]);
    expect(snap().can({ type: 'NEXT' })).toBe(true);
    // Changing the promise after restating it asks for a new restatement.
    drive(actor, [{ ...PROMISE, amountCents: 70_000 }]);
    expect(snap().context.commitment).toMatchObject({ amountCents: 70_000, restatedConfirmed: false });
    expect(snap().can({ type: 'NEXT' })).toBe(false);
  });

  it('checks the promise date against the injected clock, moved forward by SYNC_CLOCK only', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    expect(actor.getSnapshot().can({ ...PROMISE, date: TODAY })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'SYNC_CLOCK', today: '2026-11-17' })).toBe(false);
    drive(actor, [{ type: 'SYNC_CLOCK', today: '2026-11-19' }]);
    expect(actor.getSnapshot().can({ ...PROMISE, date: TODAY })).toBe(false);
  });

  it('refuses a plan that is empty, unordered or in the past', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    const can = (instalments: { date: string; amountCents: number }[]) => actor.getSnapshot().can({ type: 'PROPOSE_PLAN', instalments });
    expect(can([])).toBe(false);
    expect(can([{ date: '2026-12-30', amountCents: 100 }, { date: '2026-11-30', amountCents: 100 }])).toBe(false);
    expect(can([{ date: '2026-11-01', amountCents: 100 }])).toBe(false);
    expect(can([{ date: '2026-11-30', amountCents: 100 }])).toBe(true);
  });

  it('refuses FINISH until the required recap field is filled', () => {
    const { actor } = startCall();
    drive(actor, [...toCommitments, { type: 'DECLARE_NO_COMMITMENT', why: 'x' }, ...AFTER_COMMITMENT.slice(0, -1)]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'formalisation' });
    expect(actor.getSnapshot().can({ type: 'FINISH' })).toBe(false);
    expect(currentBlockers(actor.getSnapshot())).toEqual([{ code: 'required_field', fieldId: 'recap_channel' }]);
    expect(actor.getSnapshot().can({ type: 'CAPTURE', stepId: 'formalisation', fieldId: 'recap_channel', value: 'fax' })).toBe(false);
  });

  it('refuses captures for unknown fields, wrong types, and steps not reached yet', () => {
    const { actor } = startCall();
    const can = (e: CallEvent) => actor.getSnapshot().can(e);
    expect(can({ type: 'CAPTURE', stepId: 'listening', fieldId: 'key_points', value: 'x' })).toBe(false);
    drive(actor, TO_DELAY_REASON.slice(0, 3));
    expect(can({ type: 'CAPTURE', stepId: 'explanation', fieldId: 'nope', value: 'x' })).toBe(false);
    expect(can({ type: 'CAPTURE', stepId: 'explanation', fieldId: 'announced_date', value: 'lundi' })).toBe(false);
    expect(can({ type: 'CAPTURE', stepId: 'explanation', fieldId: 'announced_date', value: '2026-11-20' })).toBe(true);
    expect(can({ type: 'CAPTURE', stepId: 'identification', fieldId: 'interlocutor', value: { name: 'Claire' } })).toBe(true);
  });
});

describe('call machine: navigation', () => {
  it('BACK keeps captures, and NEXT brings the agent forward to them', () => {
    const { actor } = startCall();
    drive(actor, [...TO_DELAY_REASON, { type: 'BACK' }, { type: 'BACK' }]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'explanation' });
    expect(actor.getSnapshot().context.captures.listening).toEqual({ key_points: 'Trésorerie tendue ce mois-ci' });
    drive(actor, [{ type: 'CAPTURE', stepId: 'explanation', fieldId: 'invoices_received', value: null }]);
    expect(actor.getSnapshot().context.captures.explanation).toEqual({});
    drive(actor, [{ type: 'NEXT' }]);
    expect(actor.getSnapshot().context.captures.listening).toEqual({ key_points: 'Trésorerie tendue ce mois-ci' });
  });

  it('GOTO returns to a done step and forward again, never to a step not reached', () => {
    const { actor } = startCall();
    drive(actor, toCommitments);
    const can = (stepId: (typeof STEP_IDS)[number]) => actor.getSnapshot().can({ type: 'GOTO', stepId });
    expect(can('anticipation')).toBe(false);
    expect(can('commitments')).toBe(false);
    drive(actor, [{ type: 'GOTO', stepId: 'identification' }]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'identification' });
    expect(can('commitments')).toBe(true);
    drive(actor, [{ type: 'GOTO', stepId: 'commitments' }]);
    expect(actor.getSnapshot().value).toEqual({ steps: 'commitments' });
  });

  it('draws the rail: done, current, to come', () => {
    const { actor } = startCall();
    drive(actor, TO_DELAY_REASON.slice(0, 3));
    expect(stepRail(actor.getSnapshot().context).map((s) => s.status)).toEqual(['done', 'done', 'current', ...Array(7).fill('to_come')]);
    drive(actor, [{ type: 'BACK' }]);
    expect(stepRail(actor.getSnapshot().context).slice(0, 3).map((s) => s.status)).toEqual(['done', 'current', 'to_come']);
  });
});

describe('call machine: persistence', () => {
  it('persists at start and at every accepted transition, notes and captures included', () => {
    const { actor, saved } = startCall();
    expect(saved).toHaveLength(1);
    let transitions = 0;
    for (const event of [...COMPLETED_CALL.slice(0, 4), { type: 'SET_NOTES', text: 'a' } as const, { type: 'SET_NOTES', text: 'ab' } as const, ...COMPLETED_CALL.slice(4)]) {
      drive(actor, [event]);
      transitions++;
      expect(saved).toHaveLength(1 + transitions);
      expect(saved.at(-1)).toEqual(storedForm(actor.getSnapshot(), actor.getPersistedSnapshot()));
    }
    expect(saved.some((e) => e.snapshot.context.notes === 'ab')).toBe(true);
  });

  it('does not persist a refused event', () => {
    const { actor, saved } = startCall();
    actor.send({ type: 'BACK' });
    actor.send({ type: 'SET_REASON', code: 'forgotten' });
    expect(saved).toHaveLength(1);
  });
});
