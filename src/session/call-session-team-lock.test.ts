import { describe, expect, it, vi } from 'vitest';
import { openCallSession } from './call-session';
import { fakeLocks, sessionOf, setup } from './call-session.testing';
import type { TeamCallLockPort } from './team-locks';

/** Records what the team lock was asked: which debtor is held, which released. */
function recordingPort() {
  const events: string[] = [];
  const port: TeamCallLockPort = {
    hold(debtorId) {
      events.push(`hold ${debtorId}`);
      return { release: () => events.push(`release ${debtorId}`) };
    },
  };
  return { port, events };
}

describe('call session: the team call lock', () => {
  it('is held from the start of a call and released when the call is hung up and committed', async () => {
    const { deps } = await setup();
    const { port, events } = recordingPort();
    const session = sessionOf(await openCallSession('d1', deps({ start: true, teamLock: port })));
    expect(events).toEqual(['hold d1']);
    session.send({ type: 'END_NO_ANSWER' });
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    await vi.waitFor(() => expect(events).toEqual(['hold d1', 'release d1']));
    session.dispose();
    expect(events).toEqual(['hold d1', 'release d1']);
  });

  it('is released when the call screen closes mid-call, and held again when the call resumes', async () => {
    const { deps } = await setup();
    const { port, events } = recordingPort();
    const first = sessionOf(await openCallSession('d1', deps({ start: true, teamLock: port })));
    first.dispose();
    await vi.waitFor(() => expect(events).toEqual(['hold d1', 'release d1']));
    const again = sessionOf(await openCallSession('d1', deps({ start: false, teamLock: port })));
    expect(again.resumed).toBe(true);
    expect(events).toEqual(['hold d1', 'release d1', 'hold d1']);
    again.dispose();
  });

  it('is not taken by a tab that only reads a call another tab writes', async () => {
    const { deps } = await setup();
    const { port, events } = recordingPort();
    const locks = fakeLocks();
    const writer = sessionOf(await openCallSession('d1', deps({ start: true, teamLock: port, locks })));
    const reader = sessionOf(await openCallSession('d1', deps({ start: false, teamLock: port, locks })));
    expect(reader.mode()).toBe('reader');
    expect(events).toEqual(['hold d1']);
    reader.dispose();
    writer.dispose();
  });
});
