import { describe, expect, it, vi } from 'vitest';
import { persistEnvelope } from '../machines/call.types';
import { callInput, startCall } from '../machines/call.testing';
import type { CallRecordInput } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { createCallRecordWriter } from './call-record-writer';

const envelope = () => persistEnvelope(startCall(callInput()).actor.getSnapshot().context);

function rescueSpy(accepts = true) {
  const put = vi.fn((_: CallRecordInput) => accepts);
  const clear = vi.fn((_: string) => undefined);
  return { put, clear, rescue: { put, clear, get: () => undefined, newest: () => undefined, clearAll: () => undefined } as unknown as CallRescue };
}

describe('createCallRecordWriter', () => {
  it('stores each envelope as the call’s record, stamped with the session clock', async () => {
    const saved: CallRecordInput[] = [];
    const writer = createCallRecordWriter({ callId: 'call-1', debtorId: 'd1' }, { store: { saveCall: async (r) => void saved.push(r) }, now: () => Date.UTC(2026, 10, 18, 9, 30), rescue: null }, false);
    writer.pushEnvelope(envelope());
    await writer.flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ callId: 'call-1', debtorId: 'd1', updatedAt: '2026-11-18T09:30:00.000Z' });
    expect(saved[0]?.envelope.snapshot.context.callId).toBe('call-1');
  });

  it('keeps the record aside while the store refuses it, and drops the copy once a write lands', async () => {
    let fail = true;
    const spy = rescueSpy();
    const writer = createCallRecordWriter(
      { callId: 'call-1', debtorId: 'd1' },
      { store: { saveCall: async () => (fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : undefined) }, now: Date.now, rescue: spy.rescue },
      false,
    );
    writer.pushEnvelope(envelope());
    await expect(writer.flush()).rejects.toThrow('full');
    expect(spy.put).toHaveBeenCalledTimes(1);
    expect(spy.put.mock.calls[0]?.[0]).toMatchObject({ callId: 'call-1', debtorId: 'd1' });
    expect(writer.state().keptAside).toBe(true);

    fail = false;
    writer.pushEnvelope(envelope());
    await writer.flush();
    expect(spy.clear).toHaveBeenCalledWith('call-1');
    writer.close();
  });

  it('refuses envelopes once closed (the call ended or this tab lost the right to write)', async () => {
    const saveCall = vi.fn(async () => undefined);
    const writer = createCallRecordWriter({ callId: 'call-1', debtorId: 'd1' }, { store: { saveCall }, now: Date.now, rescue: null }, false);
    await writer.close();
    writer.pushEnvelope(envelope());
    await writer.flush();
    expect(saveCall).not.toHaveBeenCalled();
  });
});
