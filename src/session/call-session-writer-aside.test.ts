import { describe, expect, it, vi } from 'vitest';
import { createCallWriter } from './call-session-writer';
import { manualSave, tick } from './call-writer.testing';

// The copy kept aside (localStorage in the app) while IndexedDB refuses or does not answer the call's writes.

describe('call writer: keeping values aside while writes fail', () => {
  it('keeps the newest value aside from the first failure on, and drops it once a newer write lands', async () => {
    const m = manualSave();
    const kept: number[] = [];
    let cleared = 0;
    const w = createCallWriter(m.save, { retryMs: 60_000, rescue: { put: (v) => kept.push(v) > 0, clear: () => cleared++ } });
    w.push(1);
    m.finish[0]!(true);
    await tick();
    expect(kept).toEqual([]);
    w.push(2);
    w.push(3);
    m.finish[0 + 1]!(false);
    await tick();
    // Value 3 was never written; it is aside the moment the write of 2 failed.
    expect(kept).toEqual([3]);
    expect(w.state()).toMatchObject({ keptAside: true });
    w.push(4);
    expect(kept).toEqual([3, 4]);
    m.finish[2]!(false);
    await tick();
    w.push(5);
    expect(kept).toEqual([3, 4, 5]);
    expect(cleared).toBe(0);
    m.finish[3]!(true);
    await tick();
    expect(w.state()).toMatchObject({ savedSeq: 5, error: null, keptAside: false });
    expect(cleared).toBe(1);
    w.push(6);
    m.finish[4]!(true);
    await tick();
    expect(kept).toEqual([3, 4, 5]);
    expect(cleared).toBe(1);
  });

  it('keeps the aside copy when an older write succeeds after a newer value was kept', async () => {
    const m = manualSave();
    let cleared = 0;
    const kept: number[] = [];
    const w = createCallWriter(m.save, { retryMs: 60_000, rescue: { put: (v) => kept.push(v) > 0, clear: () => cleared++ } });
    w.push(1);
    m.finish[0]!(false);
    await tick();
    expect(kept).toEqual([1]);
    w.push(2);
    expect(kept).toEqual([1, 2]);
    // The write of 2 started on push; 3 arrives while it is in flight, still in the failing period.
    w.push(3);
    expect(kept).toEqual([1, 2, 3]);
    m.finish[1]!(true);
    await tick();
    expect(w.state().savedSeq).toBe(2);
    expect(cleared).toBe(0);
    m.finish[2]!(true);
    await tick();
    expect(w.state().savedSeq).toBe(3);
    expect(cleared).toBe(1);
  });
});

describe('call writer: a write that does not finish', () => {
  it('keeps the newest value aside once the write has taken longer than the stall delay, until a write lands', async () => {
    vi.useFakeTimers();
    try {
      const m = manualSave();
      const kept: number[] = [];
      let cleared = 0;
      const w = createCallWriter(m.save, { stallMs: 2_000, rescue: { put: (v) => kept.push(v) > 0, clear: () => cleared++ } });
      w.push(1);
      w.push(2);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(kept).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(kept).toEqual([2]);
      expect(w.state()).toMatchObject({ pending: true, keptAside: true, error: null });
      w.push(3);
      expect(kept).toEqual([2, 3]);
      m.finish[0]!(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(m.started).toEqual([1, 3]);
      // Written in time: no longer stuck, so a value pushed now is not kept aside.
      w.push(4);
      expect(kept).toEqual([2, 3]);
      m.finish[1]!(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(cleared).toBe(1);
      expect(w.state()).toMatchObject({ savedSeq: 3, keptAside: false });
      m.finish[2]!(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(w.state()).toMatchObject({ pending: false, savedSeq: 4 });
      expect(kept).toEqual([2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('call writer: when even the aside copy is refused', () => {
  it('says the newest value is not kept aside, and tries again with the next value', async () => {
    const m = manualSave();
    let room = false;
    const w = createCallWriter(m.save, { retryMs: 60_000, rescue: { put: () => room, clear: () => undefined } });
    w.push(1);
    m.finish[0]!(false);
    await tick();
    expect(w.state()).toMatchObject({ keptAside: false });
    room = true;
    w.push(2);
    expect(w.state()).toMatchObject({ keptAside: true });
    room = false;
    w.push(3);
    expect(w.state()).toMatchObject({ keptAside: false });
  });
});

describe('call writer: resumed from a copy kept aside', () => {
  it('drops the older copy with its first write that lands, but never a newer copy kept since', async () => {
    const m = manualSave();
    let cleared = 0;
    const kept: number[] = [];
    const w = createCallWriter(m.save, { retryMs: 60_000, keptAside: true, rescue: { put: (v) => kept.push(v) > 0, clear: () => cleared++ } });
    w.push(1);
    m.finish[0]!(false);
    await tick();
    expect(kept).toEqual([1]);
    w.push(2);
    w.push(3);
    m.finish[1]!(true);
    await tick();
    // 2 landed but 3 is the copy aside now: it stays.
    expect(w.state().savedSeq).toBe(2);
    expect(cleared).toBe(0);
    m.finish[2]!(true);
    await tick();
    expect(cleared).toBe(1);

    const fresh = manualSave();
    let freshCleared = 0;
    const w2 = createCallWriter(fresh.save, { keptAside: true, rescue: { put: () => true, clear: () => freshCleared++ } });
    w2.push(1);
    fresh.finish[0]!(true);
    await tick();
    expect(freshCleared).toBe(1);
  });
});
