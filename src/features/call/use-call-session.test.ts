import { describe, expect, it } from 'vitest';
import { stepRail } from '../../machines/call.selectors';
import { startCall, drive } from '../../machines/call.testing';
import { reuseUnchanged } from './use-call-session';

describe('reuseUnchanged (the step rail across a step change)', () => {
  it('keeps the items whose status did not change, and replaces only the two that did', () => {
    const { actor } = startCall();
    const before = stepRail(actor.getSnapshot().context);
    drive(actor, [{ type: 'NEXT' }]);
    const after = reuseUnchanged(before, stepRail(actor.getSnapshot().context));
    const replaced = after.map((item, i) => (item === before[i] ? null : item.id)).filter((id) => id !== null);
    expect(replaced).toEqual(['presentation', 'identification']);
    expect(after.map((i) => i.status).slice(0, 3)).toEqual(['done', 'current', 'to_come']);
  });

  it('hands back the previous list itself when nothing changed (a note keystroke)', () => {
    const { actor } = startCall();
    const before = stepRail(actor.getSnapshot().context);
    drive(actor, [{ type: 'SET_NOTES', text: 'Absent, rappeler.' }]);
    expect(reuseUnchanged(before, stepRail(actor.getSnapshot().context))).toBe(before);
  });

  it('takes the new list as it is the first time', () => {
    const { actor } = startCall();
    const rail = stepRail(actor.getSnapshot().context);
    expect(reuseUnchanged(undefined, rail)).toBe(rail);
  });
});
