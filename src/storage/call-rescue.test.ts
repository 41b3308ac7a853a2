import { describe, expect, it } from 'vitest';
import { createCallRescue } from './call-rescue';
import type { StoredCall } from './schema';

/** localStorage as the browser has it: strings only, ordered keys, and it may refuse a write. */
function memoryStorage(limitChars = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem(k: string, v: string) {
      const used = [...items.entries()].reduce((n, [key, value]) => (key === k ? n : n + value.length), 0);
      if (used + v.length > limitChars) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

const call = (callId: string, debtorId: string, updatedAt: string, notes = 'n'): StoredCall => ({
  callId,
  debtorId,
  updatedAt,
  envelope: { machineVersion: 1, snapshot: { context: { notes } } },
});

describe('call rescue', () => {
  it('keeps the newest copy of each call and finds a debtor’s newest one', () => {
    const rescue = createCallRescue(memoryStorage());
    expect(rescue.put(call('c1', 'd1', '2026-11-23T09:00:00.000Z', 'a'))).toBe(true);
    rescue.put(call('c1', 'd1', '2026-11-23T09:00:01.000Z', 'ab'));
    rescue.put(call('c2', 'd1', '2026-11-23T10:00:00.000Z'));
    rescue.put(call('c3', 'd2', '2026-11-23T11:00:00.000Z'));
    expect(rescue.get('c1')?.envelope).toEqual({ machineVersion: 1, snapshot: { context: { notes: 'ab' } } });
    expect(rescue.newest('d1')?.callId).toBe('c2');
    expect(rescue.newest('d3')).toBeUndefined();
    rescue.clear('c2');
    expect(rescue.newest('d1')?.callId).toBe('c1');
    rescue.clearAll();
    expect(rescue.newest('d1')).toBeUndefined();
    expect(rescue.get('c3')).toBeUndefined();
  });

  it('drops a kept copy that is not a call record, or that sits under another call’s key', () => {
    const storage = memoryStorage();
    storage.setItem('cadence:call-rescue:c1', '{"callId":"c1"');
    storage.setItem('cadence:call-rescue:c2', JSON.stringify({ callId: 'c2', debtorId: 'd1', updatedAt: 'yesterday', envelope: {} }));
    storage.setItem('cadence:call-rescue:c3', JSON.stringify(call('c4', 'd1', '2026-11-23T09:00:00.000Z')));
    storage.setItem('other-key', 'kept');
    const rescue = createCallRescue(storage);
    expect(rescue.newest('d1')).toBeUndefined();
    expect([...storage.items.keys()]).toEqual(['other-key']);
    rescue.clearAll();
    expect(storage.getItem('other-key')).toBe('kept');
  });

  it('answers false when even localStorage refuses, and keeps nothing without a storage', () => {
    const rescue = createCallRescue(memoryStorage(50));
    expect(rescue.put(call('c1', 'd1', '2026-11-23T09:00:00.000Z', 'x'.repeat(100)))).toBe(false);
    const none = createCallRescue(null);
    expect(none.put(call('c1', 'd1', '2026-11-23T09:00:00.000Z'))).toBe(false);
    expect(none.newest('d1')).toBeUndefined();
  });
});
