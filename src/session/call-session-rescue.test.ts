import { describe, expect, it, vi } from 'vitest';
import { COMPLETED_CALL } from '../machines/call.testing';
import type { CadenceStore } from '../storage/api';
import { createCallRescue } from '../storage/call-rescue';
import { openCallSession } from './call-session';
import { drive, sessionOf, setup, storedEnvelope } from './call-session.testing';

describe('call session: while IndexedDB refuses to write', () => {
  it('asks before the tab closes only while a write is failing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, deps } = await setup();
      const page = { win: new EventTarget(), doc: Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState }) };
      let full = false;
      const spy: CadenceStore = {
        ...store,
        saveCall: async (record) => {
          if (full) throw new DOMException('full', 'QuotaExceededError');
          await store.saveCall(record);
        },
      };
      const leaving = () => {
        const event = new Event('beforeunload', { cancelable: true });
        page.win.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const session = sessionOf(await openCallSession('d1', deps({ store: spy, page })));
      session.send({ type: 'SET_NOTES', text: 'saved' });
      await session.flush();
      expect(leaving()).toBe(false);
      full = true;
      session.send({ type: 'SET_NOTES', text: 'saved, then not' });
      await vi.waitFor(() => expect(session.saveState().error).not.toBeNull());
      expect(leaving()).toBe(true);
      full = false;
      await vi.advanceTimersByTimeAsync(1_500);
      await vi.waitFor(() => expect(session.saveState().error).toBeNull());
      expect(leaving()).toBe(false);
      session.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

});

describe('call session: notes kept aside while IndexedDB refuses them', () => {
  it('keeps refused notes in localStorage, resumes from them, and puts them back once IndexedDB accepts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    localStorage.clear();
    try {
      const { store, deps } = await setup();
      const rescue = createCallRescue(localStorage);
      let full = false;
      const refuse = () => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
      };
      const device: CadenceStore = {
        ...store,
        saveCall: async (record) => (refuse(), store.saveCall(record)),
        restoreCall: async (record) => (refuse(), store.restoreCall(record)),
      };
      const first = sessionOf(await openCallSession('d1', deps({ store: device, rescue })));
      first.send({ type: 'SET_NOTES', text: 'Réglera' });
      await first.flush();
      expect(localStorage.length).toBe(0);

      full = true;
      first.send({ type: 'SET_NOTES', text: 'Réglera vendredi' });
      await vi.waitFor(() => expect(first.saveState().error).not.toBeNull());
      first.send({ type: 'SET_NOTES', text: 'Réglera vendredi par virement' });
      // The tab dies here, without a flush: the last notes never reached IndexedDB.
      expect((await storedEnvelope(store, first.callId))?.snapshot.context.notes).toBe('Réglera');

      const second = sessionOf(await openCallSession('d1', deps({ store: device, rescue })));
      expect(second.callId).toBe(first.callId);
      expect(second.snapshot().context.notes).toBe('Réglera vendredi par virement');
      expect(rescue.get(first.callId)).toBeDefined();
      expect(second.saveState()).toMatchObject({ keptAside: true });

      // Room again: the resumed session's retry writes the copy to IndexedDB and drops it.
      full = false;
      await vi.advanceTimersByTimeAsync(1_500);
      await vi.waitFor(() => expect(second.saveState()).toMatchObject({ error: null, pending: false, keptAside: false }));
      expect((await storedEnvelope(store, first.callId))?.snapshot.context.notes).toBe('Réglera vendredi par virement');
      expect(rescue.get(first.callId)).toBeUndefined();
      first.dispose();
      second.dispose();
      await second.flush();

      const third = sessionOf(await openCallSession('d1', deps({ store: device, rescue })));
      expect(third.snapshot().context.notes).toBe('Réglera vendredi par virement');
      // Once the call is committed, nothing brings it back: the next opening starts a new call.
      drive(third, COMPLETED_CALL);
      await vi.waitFor(() => expect(third.commitState().kind).toBe('committed'));
      third.dispose();
      const fourth = sessionOf(await openCallSession('d1', deps({ store: device, rescue })));
      expect(fourth.callId).not.toBe(first.callId);
      expect(fourth.snapshot().context.notes).toBe('');
      fourth.dispose();
    } finally {
      vi.useRealTimers();
      localStorage.clear();
    }
  });

  it('drops a kept copy older than what IndexedDB holds', async () => {
    localStorage.clear();
    const { store, deps } = await setup();
    const rescue = createCallRescue(localStorage);
    const first = sessionOf(await openCallSession('d1', deps({ rescue })));
    first.send({ type: 'SET_NOTES', text: 'ancien' });
    await first.flush();
    const stale = await store.getCall(first.callId);
    first.send({ type: 'SET_NOTES', text: 'ancien puis nouveau' });
    await first.flush();
    rescue.put(stale!);
    first.dispose();
    const second = sessionOf(await openCallSession('d1', deps({ rescue })));
    expect(second.snapshot().context.notes).toBe('ancien puis nouveau');
    expect(localStorage.length).toBe(0);
    second.dispose();
  });
});
