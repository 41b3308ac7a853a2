import { describe, expect, it, vi } from 'vitest';
import { TO_DELAY_REASON } from '../machines/call.testing';
import { openCallSession } from './call-session';
import { drive, sessionOf, setup } from './call-session.testing';

describe('call session: a call starts only when asked', () => {
  it('opening without the start intent starts nothing and stores nothing', async () => {
    const { store, deps } = await setup();
    expect(await openCallSession('d1', deps({ start: false }))).toEqual({ kind: 'none' });
    expect(await store.activeCalls('d1')).toEqual([]);
  });

  it('opening without the start intent still resumes the call in progress', async () => {
    const { store, deps } = await setup();
    const first = sessionOf(await openCallSession('d1', deps({ start: true })));
    drive(first, TO_DELAY_REASON.slice(0, 4));
    first.dispose();
    await first.flush();
    const again = sessionOf(await openCallSession('d1', deps({ start: false })));
    expect(again.resumed).toBe(true);
    expect(again.callId).toBe(first.callId);
    expect(again.snapshot().context.step).toBe('explanation');
    again.dispose();
    expect((await store.activeCalls('d1')).map((c) => c.callId)).toEqual([first.callId]);
  });

  it('an ended call is not resumed: without the intent, nothing starts again', async () => {
    const { deps } = await setup();
    const first = sessionOf(await openCallSession('d1', deps({ start: true })));
    first.send({ type: 'END_NO_ANSWER' });
    await vi.waitFor(() => expect(first.commitState().kind).toBe('committed'));
    first.dispose();
    expect((await openCallSession('d1', deps({ start: false }))).kind).toBe('none');
  });
});
