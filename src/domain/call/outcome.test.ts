import { describe, expect, it } from 'vitest';
import { COMPLETED_CALL, TO_DELAY_REASON, AFTER_COMMITMENT, drive, startCall } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import { Activity, PaymentPromise, Task, Contact } from '../entities';
import { applyInvoiceChange, callOutcome } from './outcome';
import { TODAY, bundleFixture, idSequence } from './call.fixtures';
import type { CallContext } from './context';

const ENDED_AT = '2026-11-18T09:42:30.000Z';

function endedWith(events: CallEvent[]): CallContext {
  const { actor } = startCall();
  drive(actor, events);
  return actor.getSnapshot().context;
}

const toCommitments: CallEvent[] = [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'cash_flow' }, { type: 'NEXT' }];

describe('callOutcome', () => {
  it('turns a completed call into one activity, the promise, its check task and the contact correction', () => {
    const outcome = callOutcome(endedWith(COMPLETED_CALL), ENDED_AT, idSequence());
    expect(Activity.safeParse(outcome.activity).success).toBe(true);
    expect(outcome.activity).toMatchObject({ id: 'id-1', debtorId: 'd1', type: 'call', at: ENDED_AT, outcome: 'completed', agent: 'Camille Martin' });
    expect(outcome.activity.details).toMatchObject({
      callId: 'call-1',
      ending: { type: 'completed' },
      endedAtStep: 'formalisation',
      reason: { code: 'cash_flow', detail: 'Client important en retard' },
      commitment: { kind: 'promise', amountCents: 60_000 },
      planStatus: null,
      contactCheck: { status: 'corrected' },
      durationSeconds: 750,
      scriptId: 'builtin.fr',
      scriptVersion: 1,
    });
    expect(outcome.promise).toEqual({
      schemaVersion: 1,
      id: 'id-2',
      debtorId: 'd1',
      contactId: 'c1',
      createdAt: ENDED_AT,
      amountCents: 60_000,
      dueDate: '2026-11-25',
      means: 'transfer',
      invoiceIds: ['i2'],
      status: 'pending',
      paidCents: 0,
    });
    expect(PaymentPromise.safeParse(outcome.promise).success).toBe(true);
    expect(outcome.tasks).toEqual([{ schemaVersion: 1, id: 'id-3', debtorId: 'd1', kind: 'check_promise', dueDate: '2026-11-25', note: '', done: false }]);
    expect(outcome.contactChanges).toEqual([
      { kind: 'update', contactId: 'c1', patch: { name: 'Claire Dubois', role: 'accounts_payable', phone: '04 72 00 00 00', email: 'compta@boulangerie-martin.fr' } },
    ]);
    expect(outcome.invoiceChanges).toEqual([]);
  });

  it('keeps the notes verbatim as the activity summary', () => {
    const outcome = callOutcome(endedWith([{ type: 'SET_NOTES', text: '  Messagerie pleine\n' }, { type: 'END_NO_ANSWER' }]), ENDED_AT, idSequence());
    expect(outcome.activity.summary).toBe('Messagerie pleine');
  });

  it('books a retry the next business day after no answer or a voicemail', () => {
    // TODAY is a Wednesday; a Friday call rolls to Monday.
    const noAnswer = callOutcome(endedWith([{ type: 'END_NO_ANSWER' }]), ENDED_AT, idSequence());
    expect(noAnswer.tasks.map((t) => [t.kind, t.dueDate])).toEqual([['retry_call', '2026-11-19']]);
    const { actor } = startCall();
    drive(actor, [{ type: 'SYNC_CLOCK', today: '2026-11-20' }, { type: 'END_VOICEMAIL', messageLeft: true }]);
    const voicemail = callOutcome(actor.getSnapshot().context, ENDED_AT, idSequence());
    expect(voicemail.activity.details.ending).toEqual({ type: 'voicemail', messageLeft: true });
    expect(voicemail.tasks.map((t) => [t.kind, t.dueDate])).toEqual([['retry_call', '2026-11-23']]);
    expect(voicemail.promise).toBeNull();
  });

  it('records the right person as a new preferred contact and books the call-back at the agreed time', () => {
    const outcome = callOutcome(
      endedWith([{ type: 'WRONG_PERSON', contact: { name: 'Luc Petit', role: 'accountant', phone: '06 11 22 33 44' }, callBack: { date: '2026-11-19', time: '10:30' } }]),
      ENDED_AT,
      idSequence(),
    );
    expect(outcome.tasks).toEqual([
      { schemaVersion: 1, id: 'id-2', debtorId: 'd1', kind: 'call_back', dueDate: '2026-11-19', dueTime: '10:30', note: 'Luc Petit · 06 11 22 33 44', done: false },
    ]);
    expect(outcome.contactChanges).toEqual([
      { kind: 'create', contact: { schemaVersion: 1, id: 'id-3', debtorId: 'd1', name: 'Luc Petit', role: 'accountant', phone: '06 11 22 33 44', email: '', preferred: true } },
    ]);
    for (const t of outcome.tasks) expect(Task.safeParse(t).success).toBe(true);
    const created = outcome.contactChanges[0];
    expect(created?.kind === 'create' && Contact.safeParse(created.contact).success).toBe(true);
  });

  it('books a call-back for a cut-off call that is rescheduled, and records where it dropped', () => {
    const outcome = callOutcome(
      endedWith([{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'CUT_OFF' }, { type: 'RESCHEDULE', callBack: { date: '2026-11-18', time: '16:00' } }]),
      ENDED_AT,
      idSequence(),
    );
    expect(outcome.activity.outcome).toBe('cut_off');
    expect(outcome.activity.details.endedAtStep).toBe('explanation');
    expect(outcome.tasks.map((t) => [t.kind, t.dueDate, t.dueTime])).toEqual([['call_back', '2026-11-18', '16:00']]);
  });

  it('books the call-back the debtor asked for', () => {
    const outcome = callOutcome(endedWith([{ type: 'NEXT' }, { type: 'REQUEST_CALL_BACK', callBack: { date: '2026-11-20', time: '11:00' } }]), ENDED_AT, idSequence());
    expect(outcome.activity.outcome).toBe('call_back_requested');
    expect(outcome.tasks.map((t) => [t.kind, t.dueDate, t.dueTime])).toEqual([['call_back', '2026-11-20', '11:00']]);
  });

  it('marks disputed invoices with the reason, so chasing pauses for them', () => {
    const ctx = endedWith([...toCommitments, { type: 'RAISE_DISPUTE', invoiceIds: ['i1', 'i2'], why: 'Livraison incomplète ' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    const outcome = callOutcome(ctx, ENDED_AT, idSequence());
    expect(outcome.activity.outcome).toBe('dispute');
    expect(outcome.invoiceChanges).toEqual([
      { invoiceId: 'i1', status: 'disputed', disputeReason: 'Livraison incomplète' },
      { invoiceId: 'i2', status: 'disputed', disputeReason: 'Livraison incomplète' },
    ]);
    const invoice = bundleFixture().invoices.find((i) => i.id === 'i1')!;
    expect(applyInvoiceChange(invoice, outcome.invoiceChanges[0]!)).toMatchObject({ id: 'i1', status: 'disputed', disputeReason: 'Livraison incomplète', amountInclVatCents: 120_000 });
    expect(outcome.promise).toBeNull();
  });

  it('records a plan request as a proposal awaiting approval, with a reminder to answer the debtor', () => {
    const instalments = [
      { date: '2026-11-30', amountCents: 90_000 },
      { date: '2026-12-30', amountCents: 90_000 },
    ];
    const ctx = endedWith([...toCommitments, { type: 'PROPOSE_PLAN', instalments }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    const outcome = callOutcome(ctx, ENDED_AT, idSequence());
    expect(outcome.activity.outcome).toBe('plan_request');
    expect(outcome.activity.details.commitment).toEqual({ kind: 'plan', instalments, note: '' });
    expect(outcome.activity.details.planStatus).toBe('awaiting_approval');
    expect(outcome.promise).toBeNull();
    expect(outcome.tasks.map((t) => [t.kind, t.dueDate])).toEqual([['reminder', '2026-11-19']]);
  });

  it('records a refusal with what the debtor said, and nothing else', () => {
    const outcome = callOutcome(endedWith([{ type: 'NEXT' }, { type: 'REFUSE', detail: 'Raccroche' }]), ENDED_AT, idSequence());
    expect(outcome.activity.details.ending).toEqual({ type: 'refusal', detail: 'Raccroche' });
    expect([outcome.promise, outcome.tasks, outcome.invoiceChanges, outcome.contactChanges]).toEqual([null, [], [], []]);
  });

  it('writes a restated promise even if the line then drops', () => {
    const ctx = endedWith([
      ...toCommitments,
      { type: 'SET_PROMISE', amountCents: 10_000, date: TODAY, means: 'card', invoiceIds: [] },
      { type: 'CONFIRM_RESTATED' },
      { type: 'CUT_OFF' },
      { type: 'RESCHEDULE', callBack: { date: TODAY } },
    ]);
    const outcome = callOutcome(ctx, ENDED_AT, idSequence());
    expect(outcome.promise).toMatchObject({ amountCents: 10_000, dueDate: TODAY, means: 'card' });
    expect(outcome.tasks.map((t) => t.kind)).toEqual(['call_back', 'check_promise']);
  });

  it('refuses a call that has not ended', () => {
    const { actor } = startCall();
    expect(() => callOutcome(actor.getSnapshot().context, ENDED_AT, idSequence())).toThrow(/not ended/);
  });
});
