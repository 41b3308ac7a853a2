import { describe, expect, it, vi } from 'vitest';
import { drive, startCall } from '../machines/call.testing';
import { persistEnvelope } from '../machines/call.types';
import type { CallRecord } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { fakeLocks } from './call-session.testing';
import { callLockName, tryLock } from './call-session-lock';
import { adoptRescued, awaitWriterLock, takeoverStart } from './call-takeover';

function record(updatedAt: string, notes = ''): CallRecord {
  const { actor } = startCall();
  drive(actor, [{ type: 'SET_NOTES', text: notes }]);
  return { callId: 'call-1', debtorId: 'd1', updatedAt, envelope: persistEnvelope(actor.getSnapshot().context) } as CallRecord;
}

function rescueWith(kept: CallRecord | undefined) {
  const clear = vi.fn();
  return { clear, rescue: { get: () => kept, clear, put: () => true, newest: () => kept, clearAll: () => undefined } as unknown as CallRescue };
}

describe('takeoverStart', () => {
  it('resumes from the newest stored record', async () => {
    const stored = record('2026-11-18T09:31:00.000Z', 'écrit dans l’autre onglet');
    const start = await takeoverStart({ store: { getCall: async () => stored, restoreCall: async () => 'restored' }, rescue: null }, 'call-1');
    expect(start).toMatchObject({ updatedAt: stored.updatedAt, aside: false });
    expect(start?.snapshot.context.notes).toBe('écrit dans l’autre onglet');
  });

  it('prefers a newer copy kept aside, and keeps it aside while IndexedDB still refuses it', async () => {
    const kept = record('2026-11-18T09:35:00.000Z', 'gardé à part');
    const { rescue, clear } = rescueWith(kept);
    const refused = { getCall: async () => record('2026-11-18T09:31:00.000Z'), restoreCall: () => Promise.reject(new Error('full')) };
    expect(await takeoverStart({ store: refused, rescue }, 'call-1')).toMatchObject({ aside: true, updatedAt: kept.updatedAt });
    expect(clear).not.toHaveBeenCalled();
    const accepted = { getCall: refused.getCall, restoreCall: async () => 'restored' as const };
    expect(await takeoverStart({ store: accepted, rescue }, 'call-1')).toMatchObject({ aside: false, updatedAt: kept.updatedAt });
    expect(clear).toHaveBeenCalledWith('call-1');
  });

  it('finds nothing when the call is gone (ended and committed in the other tab) or unreadable', async () => {
    expect(await takeoverStart({ store: { getCall: async () => undefined, restoreCall: async () => 'restored' }, rescue: null }, 'call-1')).toBeNull();
    expect(await takeoverStart({ store: { getCall: () => Promise.reject(new Error('closed')), restoreCall: async () => 'restored' }, rescue: null }, 'call-1')).toBeNull();
    const damaged = { ...record('2026-11-18T09:31:00.000Z'), envelope: { machineVersion: 1, snapshot: 'garbage' } } as unknown as CallRecord;
    expect(await takeoverStart({ store: { getCall: async () => damaged, restoreCall: async () => 'restored' }, rescue: null }, 'call-1')).toBeNull();
  });
});

describe('adoptRescued', () => {
  it('drops a kept copy older than the stored call', async () => {
    const { rescue, clear } = rescueWith(record('2026-11-18T09:30:00.000Z'));
    const stored = record('2026-11-18T09:40:00.000Z');
    expect(await adoptRescued({ store: { restoreCall: async () => 'restored' }, rescue }, stored, 'call-1')).toEqual({ record: stored, aside: false });
    expect(clear).toHaveBeenCalledWith('call-1');
  });
});

describe('awaitWriterLock', () => {
  it('hands over the lock once the writer lets go, and never after an abort', async () => {
    const locks = fakeLocks();
    const writer = await tryLock(locks, callLockName('call-1'));
    const onHeld = vi.fn();
    awaitWriterLock(locks, 'call-1', new AbortController().signal, onHeld);
    const aborted = new AbortController();
    const never = vi.fn();
    awaitWriterLock(locks, 'call-1', aborted.signal, never);
    aborted.abort();
    await Promise.resolve();
    expect(onHeld).not.toHaveBeenCalled();
    writer?.release();
    await vi.waitFor(() => expect(onHeld).toHaveBeenCalledTimes(1));
    expect(never).not.toHaveBeenCalled();
  });
});
