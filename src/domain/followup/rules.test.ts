import { describe, expect, it } from 'vitest';
import { followUpsFor } from './rules';

// Calls on Monday 7 July 2025, 10:30 in Paris (08:30Z).
const ctx = { callAt: '2025-07-07T08:30:00Z', attempts: ['2025-07-07T08:30:00Z'] };

describe('followUpsFor', () => {
  it('pay now → a check call one week later, moved off the 14 July holiday', () => {
    expect(followUpsFor({ kind: 'pay_now' }, ctx)).toEqual({
      tasks: [{ kind: 'call_back', dueDate: '2025-07-15', reason: 'check_immediate_payment' }],
      recapNow: false,
    });
    expect(followUpsFor({ kind: 'pay_now' }, { ...ctx, callAt: '2025-07-08T08:30:00Z' }).tasks[0]?.dueDate).toBe('2025-07-15');
  });

  it('pay at 15 days → recap right away and a check at the promised date plus grace', () => {
    // Promised Tue 22 July; 2 business days of grace → Thu 24 July.
    expect(followUpsFor({ kind: 'pay_later', promisedDate: '2025-07-22' }, ctx)).toEqual({
      tasks: [
        { kind: 'send_recap', dueDate: '2025-07-07', reason: 'send_recap' },
        { kind: 'check_promise', dueDate: '2025-07-24', reason: 'check_promise' },
      ],
      recapNow: true,
    });
  });

  it('pay in a month with no grace on a Saturday → the check moves to Monday', () => {
    const r = followUpsFor({ kind: 'pay_later', promisedDate: '2025-08-09' }, { ...ctx, graceDays: 0 });
    expect(r.tasks[1]).toEqual({ kind: 'check_promise', dueDate: '2025-08-11', reason: 'check_promise' });
  });

  it('call-back requested → a task exactly when asked', () => {
    expect(followUpsFor({ kind: 'call_back', date: '2025-07-09', time: '14:30' }, ctx).tasks).toEqual([
      { kind: 'call_back', dueDate: '2025-07-09', dueTime: '14:30', reason: 'requested_call_back' },
    ]);
  });

  it('no answer → a paced retry with its local time', () => {
    expect(followUpsFor({ kind: 'no_answer' }, ctx).tasks).toEqual([
      { kind: 'retry_call', dueDate: '2025-07-07', dueTime: '14:30', reason: 'retry_unanswered_call', pacing: ['min_gap'] },
    ]);
    const third = followUpsFor(
      { kind: 'voicemail' },
      { callAt: '2025-07-09T08:00:00Z', attempts: ['2025-07-07T08:00:00Z', '2025-07-08T08:00:00Z', '2025-07-09T08:00:00Z'] },
    );
    // The 7 July call ages out on Mon 14 July at 10:00, a holiday → Tue 15 July at opening time.
    expect(third.tasks[0]).toMatchObject({ dueDate: '2025-07-15', dueTime: '09:00', pacing: ['weekly_cap', 'office_hours'] });
  });

  it('other ends of the call', () => {
    expect(followUpsFor({ kind: 'wrong_number' }, ctx).tasks).toEqual([{ kind: 'reminder', dueDate: '2025-07-08', reason: 'find_right_contact' }]);
    expect(followUpsFor({ kind: 'dispute' }, ctx).tasks[0]?.reason).toBe('verify_dispute');
    expect(followUpsFor({ kind: 'payment_plan_requested' }, ctx).tasks).toEqual([
      { kind: 'call_back', dueDate: '2025-07-09', reason: 'answer_payment_plan' },
    ]);
    expect(followUpsFor({ kind: 'refusal' }, ctx)).toEqual({ tasks: [], recapNow: false });
  });
});
