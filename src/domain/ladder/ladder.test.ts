import { describe, expect, it } from 'vitest';
import { LADDER_OUTCOMES, formalNoticeDeadline, isLargeAccount, ladderStepOf, nextRung, type LadderActivity, type LadderInput, type LadderInvoice } from './ladder';

const inv = (id: string, dueDate: string, over: Partial<LadderInvoice> = {}): LadderInvoice => ({
  id,
  issueDate: '2025-05-01',
  dueDate,
  amountInclVatCents: 120_000,
  amountPaidCents: 0,
  status: 'open',
  ...over,
});
const act = (type: LadderActivity['type'], day: string, outcome?: string, details?: Record<string, unknown>): LadderActivity => ({
  type,
  at: `${day}T09:00:00Z`,
  ...(outcome ? { outcome } : {}),
  ...(details ? { details } : {}),
});
const input = (over: Partial<LadderInput>): LadderInput => ({
  today: '2025-06-10',
  invoices: [inv('a', '2025-06-02'), inv('b', '2025-06-05'), inv('c', '2025-07-15')],
  activities: [],
  largeAccount: false,
  ...over,
});

describe('nextRung', () => {
  it('starts with the first reminder at the oldest due date + 5 days, listing the overdue invoices only', () => {
    // 2 June + 5 = Sat 7 June; Mon 9 June 2025 is Whit Monday → Tue 10 June.
    expect(nextRung(input({}))).toEqual({ rung: 'first_reminder', dueOn: '2025-06-10', invoiceIds: ['a', 'b'] });
  });

  it('moves a reminder falling on a holiday to the next business day', () => {
    // Due 2025-07-09 + 5 = Mon 14 July (holiday) → Tue 15 July.
    expect(nextRung(input({ today: '2025-07-10', invoices: [inv('a', '2025-07-09')] }))?.dueOn).toBe('2025-07-15');
  });

  it('asks for the call after the first written reminder, then the second reminder 15 days later', () => {
    const activities = [act('letter', '2025-06-09', LADDER_OUTCOMES.firstReminder)];
    expect(nextRung(input({ activities }))).toMatchObject({
      rung: 'call',
      dueOn: '2025-06-16',
      after: { rung: 'first_reminder', on: '2025-06-09' },
    });
    const called = [...activities, act('call', '2025-06-16', 'promise')];
    expect(nextRung(input({ today: '2025-06-17', activities: called }))).toMatchObject({ rung: 'second_reminder', dueOn: '2025-06-24' });
  });

  it('does not wait for the call once the second reminder is due', () => {
    const activities = [act('email', '2025-06-09', LADDER_OUTCOMES.firstReminder)];
    expect(nextRung(input({ today: '2025-06-25', activities }))?.rung).toBe('second_reminder');
  });

  it('goes to the formal notice 15 days after the second reminder, with its deadline', () => {
    const activities = [act('letter', '2025-06-09', 'first_reminder'), act('letter', '2025-06-24', 'second_reminder')];
    expect(nextRung(input({ today: '2025-07-01', activities }))).toEqual({
      rung: 'formal_notice',
      dueOn: '2025-07-09',
      after: { rung: 'second_reminder', on: '2025-06-24' },
      deadlineDays: 8,
      invoiceIds: ['a', 'b'],
    });
    const fifteen = nextRung(input({ today: '2025-07-01', activities, options: { formalNoticeDeadlineDays: 15 } }));
    expect(fifteen?.deadlineDays).toBe(15);
  });

  it('hands over to the agency the day after the notice deadline, using the deadline actually given', () => {
    const base = [act('letter', '2025-06-09', 'first_reminder'), act('letter', '2025-06-24', 'second_reminder')];
    const notice8 = [...base, act('letter', '2025-07-09', 'formal_notice')];
    expect(nextRung(input({ today: '2025-07-10', activities: notice8 }))).toMatchObject({ rung: 'agency_handover', dueOn: '2025-07-18', deadlineDays: 8 });
    const notice15 = [...base, act('letter', '2025-07-09', 'formal_notice', { deadlineDays: 15 })];
    expect(nextRung(input({ today: '2025-07-10', activities: notice15 }))).toMatchObject({ dueOn: '2025-07-25', deadlineDays: 15 });
    // The invoice due 15 July is overdue by the hand-over date and joins the dossier.
    expect(nextRung(input({ today: '2025-07-10', activities: notice15 }))?.invoiceIds).toEqual(['a', 'b', 'c']);
  });

  it('hands over only after a deadline moved off a weekend: the debtor keeps the whole of the business day', () => {
    const base = [act('letter', '2025-06-09', 'first_reminder'), act('letter', '2025-06-24', 'second_reminder')];
    // Notice of Friday 11 July + 8 days = Saturday 19 July → last day to pay Monday 21 July → hand-over Tuesday 22.
    const notice = [...base, act('letter', '2025-07-11', 'formal_notice', { deadlineDays: 8 })];
    expect(formalNoticeDeadline('2025-07-11', 8)).toBe('2025-07-21');
    expect(nextRung(input({ today: '2025-07-12', activities: notice }))).toMatchObject({ rung: 'agency_handover', dueOn: '2025-07-22' });
  });

  it('reads the rung from details.step (outcome "sent") as well as from the outcome', () => {
    const activities = [act('letter', '2025-06-09', 'sent', { step: 'first_reminder', invoiceIds: ['a'] })];
    expect(nextRung(input({ activities }))?.rung).toBe('call');
    expect(ladderStepOf(act('email', '2025-06-09', 'sent', { step: 'recap' }))).toBeUndefined();
    expect(ladderStepOf(act('letter', '2025-06-09', 'formal_notice'))).toBe('formal_notice');
  });

  it('stops once the dossier is handed over', () => {
    const activities = [act('letter', '2025-06-09', 'first_reminder'), act('note', '2025-07-20', 'agency_handover')];
    expect(nextRung(input({ today: '2025-07-21', activities }))).toBeNull();
  });

  it('ignores ladder steps from an earlier, settled episode', () => {
    const activities = [act('letter', '2025-01-10', 'formal_notice')];
    expect(nextRung(input({ activities }))?.rung).toBe('first_reminder');
  });

  it('pauses disputed invoices and does nothing when all is paid', () => {
    const invoices = [inv('a', '2025-06-02', { status: 'disputed' }), inv('b', '2025-06-05', { amountPaidCents: 120_000 })];
    expect(nextRung(input({ invoices }))).toBeNull();
  });

  it('holds escalation until the day after a pending promise', () => {
    const step = nextRung(input({ holdUntil: '2025-06-13' }));
    expect(step).toMatchObject({ rung: 'first_reminder', dueOn: '2025-06-16', held: true });
  });
});

describe('pre-due call', () => {
  const upcoming = [inv('x', '2025-06-20'), inv('y', '2025-06-25'), inv('z', '2025-07-30')];

  it('is proposed for large accounts three business days before the earliest due date', () => {
    expect(nextRung(input({ today: '2025-06-10', invoices: upcoming, largeAccount: true }))).toEqual({
      rung: 'pre_due_call',
      dueOn: '2025-06-17',
      invoiceIds: ['x', 'y'],
    });
  });

  it('is not proposed for small accounts, nor once the check call is recorded', () => {
    expect(nextRung(input({ invoices: upcoming }))).toBeNull();
    const activities = [act('call', '2025-06-12', LADDER_OUTCOMES.preDueCheck)];
    expect(nextRung(input({ invoices: upcoming, largeAccount: true, activities }))).toBeNull();
  });

  it('is due today when the due date is already close', () => {
    expect(nextRung(input({ today: '2025-06-19', invoices: upcoming, largeAccount: true }))?.dueOn).toBe('2025-06-19');
  });

  it('recognises a large account', () => {
    expect(isLargeAccount('key_account', 0)).toBe(true);
    expect(isLargeAccount('small_business', 1_000_000)).toBe(true);
    expect(isLargeAccount('small_business', 999_999)).toBe(false);
  });
});
