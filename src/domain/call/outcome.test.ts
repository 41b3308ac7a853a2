import { describe, expect, it } from 'vitest';
import { COMPLETED_CALL, TO_DELAY_REASON, AFTER_COMMITMENT, callInput, drive, startCall } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import { Activity, PaymentPlan, PaymentPromise, Task, Contact } from '../entities';
import { applyInvoiceChange, callOutcome, reasonWithDetail } from './outcome';
import { callAttempts } from './outcome-followups';
import { planBases } from './outcome-plan';
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
      planId: null,
      contactId: 'c1',
      recapNow: true,
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
    // Promised for Wed 25 Nov, in a week: the recap goes today, the check after 2 business days of grace.
    expect(outcome.tasks).toEqual([
      { schemaVersion: 1, id: 'id-3', debtorId: 'd1', kind: 'send_recap', dueDate: TODAY, note: '', done: false },
      { schemaVersion: 1, id: 'id-4', debtorId: 'd1', kind: 'check_promise', dueDate: '2026-11-27', note: '', done: false },
    ]);
    expect(outcome.activity.details.followUps).toEqual([
      { taskId: 'id-3', kind: 'send_recap', dueDate: TODAY, reason: 'send_recap' },
      { taskId: 'id-4', kind: 'check_promise', dueDate: '2026-11-27', reason: 'check_promise' },
    ]);
    expect([outcome.plan, outcome.unmatchedPlan]).toEqual([null, null]);
    expect(outcome.contactChanges).toEqual([
      { kind: 'update', contactId: 'c1', patch: { name: 'Claire Dubois', role: 'accounts_payable', phone: '04 72 00 00 00', email: 'compta@boulangerie-martin.fr' } },
    ]);
    expect(outcome.invoiceChanges).toEqual([]);
  });

  it('keeps the notes verbatim as the activity summary', () => {
    const outcome = callOutcome(endedWith([{ type: 'SET_NOTES', text: '  Messagerie pleine\n' }, { type: 'END_NO_ANSWER' }]), ENDED_AT, idSequence());
    expect(outcome.activity.summary).toBe('Messagerie pleine');
  });

  it('paces the retry after no answer: four hours after this attempt, within office hours', () => {
    // Dialled 10:30 in Paris (09:30Z), ended 10:42: the earliest polite retry is 14:30 the same day.
    const noAnswer = callOutcome(endedWith([{ type: 'END_NO_ANSWER' }]), ENDED_AT, idSequence());
    expect(noAnswer.tasks.map((t) => [t.kind, t.dueDate, t.dueTime])).toEqual([['retry_call', TODAY, '14:30']]);
    expect(noAnswer.activity.details.followUps[0]).toMatchObject({ reason: 'retry_unanswered_call', pacing: ['min_gap'] });
    expect(noAnswer.activity.details.recapNow).toBe(false);
  });

  it('counts the debtor’s previous calls: a third attempt in a week pushes the retry past the weekly cap', () => {
    const previousAttempts = ['2026-11-16T09:00:00.000Z', '2026-11-17T09:00:00.000Z'];
    const { actor } = startCall();
    drive(actor, [{ type: 'END_VOICEMAIL', messageLeft: true }]);
    const voicemail = callOutcome(actor.getSnapshot().context, ENDED_AT, idSequence(), { previousAttempts });
    expect(voicemail.activity.details.ending).toEqual({ type: 'voicemail', messageLeft: true });
    // Three calls in 7 days: the Monday 16 call (10:00 in Paris) ages out a week later, on Monday 23.
    expect(voicemail.tasks.map((t) => [t.kind, t.dueDate, t.dueTime])).toEqual([['retry_call', '2026-11-23', '10:00']]);
    expect(voicemail.activity.details.followUps[0]?.pacing).toEqual(['weekly_cap']);
    expect(voicemail.promise).toBeNull();
  });

  it('reads the previous attempts from the dossier’s call activities, dialled time first', () => {
    const activity = (type: Activity['type'], at: string, details?: Record<string, unknown>) => ({ type, at, ...(details ? { details } : {}) });
    expect(
      callAttempts([
        activity('call', '2026-11-16T09:10:00.000Z', { startedAt: '2026-11-16T09:00:00.000Z' }),
        activity('call', '2026-11-17T15:00:00.000Z', { reason: 'cash_flow' }),
        activity('email', '2026-11-17T16:00:00.000Z'),
        activity('call', '2026-11-17T17:00:00.000Z', { startedAt: 'not a date' }),
      ]),
    ).toEqual(['2026-11-16T09:00:00.000Z', '2026-11-17T15:00:00.000Z', '2026-11-17T17:00:00.000Z']);
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
    // Verify the debt before chasing it: a check the next business day.
    expect(outcome.activity.details.followUps.map((f) => [f.kind, f.dueDate, f.reason])).toEqual([['reminder', '2026-11-19', 'verify_dispute']]);
  });

  describe('a plan request', () => {
    const instalments = [
      { date: '2026-11-30', amountCents: 90_000 },
      { date: '2026-12-30', amountCents: 90_000 },
    ];
    const planCall = (list = instalments) => endedWith([...toCommitments, { type: 'PROPOSE_PLAN', instalments: list, note: ' Accord du gérant ' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    // Overdue: i1 1 200 € + i2 600 € still owed = 1 800 €; with i3 (not yet due, 360 €): 2 160 €.
    const bases = planBases(bundleFixture().invoices, TODAY, 5_000);

    it('offers the overdue balance first, then every open invoice', () => {
      expect(bases).toEqual([
        { invoiceIds: ['i1', 'i2'], balanceCents: 180_000, penaltiesCents: 5_000 },
        { invoiceIds: ['i1', 'i2', 'i3'], balanceCents: 216_000, penaltiesCents: 5_000 },
      ]);
    });

    it('becomes a proposal awaiting the lead, with the answer call two business days later', () => {
      const outcome = callOutcome(planCall(), ENDED_AT, idSequence(), { planBases: bases });
      expect(outcome.activity.outcome).toBe('plan_request');
      expect(outcome.activity.details.commitment).toEqual({ kind: 'plan', instalments, note: 'Accord du gérant' });
      expect(outcome.plan).toEqual({
        schemaVersion: 1,
        id: 'plan-id-3',
        debtorId: 'd1',
        createdAt: ENDED_AT,
        proposedBy: 'Camille Martin',
        contactId: 'c1',
        invoiceIds: ['i1', 'i2'],
        instalments: [
          { dueDate: '2026-11-30', amountCents: 90_000 },
          { dueDate: '2026-12-30', amountCents: 90_000 },
        ],
        balanceCents: 180_000,
        penaltiesCents: 5_000,
        penalties: 'waived',
        totalCents: 180_000,
        means: 'transfer',
        status: 'proposed',
        note: 'Accord du gérant',
      });
      expect(PaymentPlan.safeParse(outcome.plan).success).toBe(true);
      expect(outcome.activity.details).toMatchObject({ planStatus: 'awaiting_approval', planId: 'plan-id-3' });
      expect(outcome.promise).toBeNull();
      expect(outcome.unmatchedPlan).toBeNull();
      expect(outcome.tasks.map((t) => [t.kind, t.dueDate])).toEqual([['call_back', '2026-11-20']]);
      expect(outcome.activity.details.followUps[0]?.reason).toBe('answer_payment_plan');
    });

    it('includes the penalties when the offer covers them, and settles every open invoice when it covers them too', () => {
      const withPenalties = callOutcome(planCall([{ date: '2026-11-30', amountCents: 185_000 }]), ENDED_AT, idSequence(), { planBases: bases });
      expect(withPenalties.plan).toMatchObject({ penalties: 'included', totalCents: 185_000, balanceCents: 180_000 });
      const everything = callOutcome(planCall([{ date: '2026-11-30', amountCents: 216_000 }]), ENDED_AT, idSequence(), { planBases: bases });
      expect(everything.plan).toMatchObject({ penalties: 'waived', invoiceIds: ['i1', 'i2', 'i3'], totalCents: 216_000 });
    });

    it('proposes nothing when the offer settles no balance, and says by how much it misses', () => {
      const outcome = callOutcome(planCall([{ date: '2026-11-30', amountCents: 100_000 }]), ENDED_AT, idSequence(), { planBases: bases });
      expect(outcome.plan).toBeNull();
      expect(outcome.unmatchedPlan).toEqual({ offeredCents: 100_000, expectedCents: 180_000 });
      expect(outcome.activity.details).toMatchObject({ planStatus: null, planId: null });
      // The debtor still gets an answer on their offer.
      expect(outcome.tasks.map((t) => t.kind)).toEqual(['call_back']);
    });
  });

  it('records a refusal with what the debtor said, and nothing else', () => {
    const outcome = callOutcome(endedWith([{ type: 'NEXT' }, { type: 'REFUSE', detail: 'Raccroche' }]), ENDED_AT, idSequence());
    expect(outcome.activity.details.ending).toEqual({ type: 'refusal', detail: 'Raccroche' });
    expect([outcome.promise, outcome.tasks, outcome.invoiceChanges, outcome.contactChanges]).toEqual([null, [], [], []]);
  });

  it('writes a restated promise even if the line then drops: the agreed call-back, then the pay-now check a week later', () => {
    const ctx = endedWith([
      ...toCommitments,
      { type: 'SET_PROMISE', amountCents: 10_000, date: TODAY, means: 'card', invoiceIds: [] },
      { type: 'CONFIRM_RESTATED' },
      { type: 'CUT_OFF' },
      { type: 'RESCHEDULE', callBack: { date: TODAY, time: '16:00' } },
    ]);
    const outcome = callOutcome(ctx, ENDED_AT, idSequence());
    expect(outcome.promise).toMatchObject({ amountCents: 10_000, dueDate: TODAY, means: 'card' });
    expect(outcome.activity.details.followUps.map((f) => [f.kind, f.dueDate, f.dueTime, f.reason])).toEqual([
      ['call_back', TODAY, '16:00', 'requested_call_back'],
      ['call_back', '2026-11-25', undefined, 'check_immediate_payment'],
    ]);
    expect(outcome.activity.details.recapNow).toBe(false);
  });

  describe('pay now: a check call one week later, on a business day', () => {
    const payNow = (today: string, startedAt: string) => {
      const { actor } = startCall(callInput({ today, startedAt }));
      drive(actor, [...toCommitments, { type: 'SET_PROMISE', amountCents: 10_000, date: today, means: 'transfer', invoiceIds: ['i1'] }, { type: 'CONFIRM_RESTATED' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
      return callOutcome(actor.getSnapshot().context, new Date(Date.parse(startedAt) + 600_000).toISOString(), idSequence());
    };

    it('a week later when that is a working day', () => {
      expect(payNow(TODAY, '2026-11-18T09:30:00.000Z').tasks.map((t) => [t.kind, t.dueDate])).toEqual([['call_back', '2026-11-25']]);
    });

    it('moved off 14 July, a public holiday', () => {
      expect(payNow('2026-07-07', '2026-07-07T08:00:00.000Z').tasks.map((t) => [t.kind, t.dueDate])).toEqual([['call_back', '2026-07-15']]);
    });

    it('moved off Easter Monday, computed from Easter (Sunday 5 April 2026 → Tuesday 7 April)', () => {
      expect(payNow('2026-03-30', '2026-03-30T08:00:00.000Z').tasks.map((t) => [t.kind, t.dueDate])).toEqual([['call_back', '2026-04-07']]);
    });
  });

  it('checks a deferred promise after the grace days, skipping the weekend', () => {
    // Promised Friday 27 Nov: two business days of grace end on Tuesday 1 Dec.
    const ctx = endedWith([...toCommitments, { type: 'SET_PROMISE', amountCents: 10_000, date: '2026-11-27', means: 'transfer', invoiceIds: [] }, { type: 'CONFIRM_RESTATED' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    const outcome = callOutcome(ctx, ENDED_AT, idSequence());
    expect(outcome.tasks.map((t) => [t.kind, t.dueDate])).toEqual([
      ['send_recap', TODAY],
      ['check_promise', '2026-12-01'],
    ]);
    expect(callOutcome(ctx, ENDED_AT, idSequence(), { graceDays: 0 }).tasks[1]?.dueDate).toBe('2026-11-27');
  });

  it('refuses a call that has not ended', () => {
    const { actor } = startCall();
    expect(() => callOutcome(actor.getSnapshot().context, ENDED_AT, idSequence())).toThrow(/not ended/);
  });
});

describe('reasonWithDetail', () => {
  const reason = { code: 'cash_flow' as const, detail: '' };
  it('keeps the reason as typed in the one detail field', () => {
    expect(reasonWithDetail({ reason: { ...reason, detail: 'Client en retard' }, captures: {} })).toEqual({ code: 'cash_flow', detail: 'Client en retard' });
  });
  it('folds the words of the former script field into the reason, once', () => {
    const captures = { delay_reason: { reason_detail: ' Attend un virement ' } };
    expect(reasonWithDetail({ reason, captures })).toEqual({ code: 'cash_flow', detail: 'Attend un virement' });
    expect(reasonWithDetail({ reason: { ...reason, detail: 'Trésorerie tendue' }, captures })).toEqual({ code: 'cash_flow', detail: 'Trésorerie tendue — Attend un virement' });
    expect(reasonWithDetail({ reason: { ...reason, detail: 'Attend un virement' }, captures })).toEqual({ code: 'cash_flow', detail: 'Attend un virement' });
  });
  it('is null without a reason', () => {
    expect(reasonWithDetail({ reason: null, captures: { delay_reason: { reason_detail: 'x' } } })).toBeNull();
  });
});
