/** What a call records for the analytics per script version: seconds per step and the objection answers used. */
import { describe, expect, it, vi } from 'vitest';
import { COMPLETED_CALL } from '../machines/call.testing';
import { builtinScript } from '../scripts/builtin';
import { STEP_IDS } from '../domain/call/steps';
import { openCallSession } from './call-session';
import { drive, sessionOf, setup } from './call-session.testing';

describe('call session: analytics recorded with the outcome', () => {
  it('times every step from the agent’s events and keeps the answers used, through a resume, into the outcome', async () => {
    const { store, deps } = await setup();
    const objection = builtinScript('fr').objections[1]!;
    const first = sessionOf(await openCallSession('d1', deps()));
    drive(first, COMPLETED_CALL.slice(0, 3));
    drive(first, [{ type: 'USE_OBJECTION', objectionId: objection.id, answer: 0 }]);
    expect(first.snapshot().context.objectionsUsed).toEqual([{ objectionId: objection.id, answer: 0 }]);
    first.dispose();
    await first.flush();

    const again = sessionOf(await openCallSession('d1', deps()));
    expect(again.snapshot().context.objectionsUsed).toEqual([{ objectionId: objection.id, answer: 0 }]);
    expect(Object.keys(again.snapshot().context.stepSeconds ?? {}).length).toBeGreaterThan(0);
    drive(again, [{ type: 'USE_OBJECTION', objectionId: objection.id, answer: 1 }, ...COMPLETED_CALL.slice(3)]);
    await vi.waitFor(() => expect(again.commitState().kind).toBe('committed'));
    const details = (await store.getDossier('d1'))!.activities[0]!.details as { stepSeconds: Record<string, number>; objectionsUsed: unknown };
    expect(details.objectionsUsed).toEqual([
      { objectionId: objection.id, answer: 0 },
      { objectionId: objection.id, answer: 1 },
    ]);
    expect(Object.keys(details.stepSeconds).sort()).toEqual([...STEP_IDS].sort());
    expect(Object.values(details.stepSeconds).every((s) => s > 0)).toBe(true);
    again.dispose();
  });

  it('refuses an objection use once the call ended, or with a negative answer', async () => {
    const { deps } = await setup();
    const session = sessionOf(await openCallSession('d1', deps()));
    expect(session.snapshot().can({ type: 'USE_OBJECTION', objectionId: 'x', answer: -1 })).toBe(false);
    drive(session, COMPLETED_CALL);
    expect(session.snapshot().can({ type: 'USE_OBJECTION', objectionId: 'x', answer: 0 })).toBe(false);
    session.dispose();
  });
});
