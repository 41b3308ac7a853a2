import { describe, expect, it, vi } from 'vitest';
import { createCallWriter } from './call-session-writer';
import { manualSave, tick } from './call-writer.testing';

describe('call writer', () => {
  it('writes at once when idle, and coalesces what comes during a write into the newest value', async () => {
    const m = manualSave();
    const w = createCallWriter(m.save);
    w.push(1);
    expect(m.started).toEqual([1]);
    w.push(2);
    w.push(3);
    w.push(4);
    expect(m.started).toEqual([1]);
    expect(w.state().pending).toBe(true);
    m.finish[0]!(true);
    await tick();
    expect(m.started).toEqual([1, 4]);
    expect(w.state().savedSeq).toBe(1);
    m.finish[1]!(true);
    await tick();
    expect(w.state()).toMatchObject({ pending: false, savedSeq: 4, error: null });
  });

  it('never writes an older value after a newer one', async () => {
    const order: number[] = [];
    const w = createCallWriter(async (v: number) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      order.push(v);
    });
    for (let i = 1; i <= 40; i++) {
      w.push(i);
      if (i % 7 === 0) await tick();
    }
    await w.flush();
    expect(order.at(-1)).toBe(40);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('flush resolves once everything pushed before it is on disk', async () => {
    const m = manualSave();
    const w = createCallWriter(m.save);
    w.push(1);
    w.push(2);
    let flushed = false;
    const done = w.flush().then(() => (flushed = true));
    m.finish[0]!(true);
    await tick();
    expect(flushed).toBe(false);
    m.finish[1]!(true);
    await done;
    expect(flushed).toBe(true);
  });

  it('flushNow issues the newest value without waiting for the write in flight', () => {
    const m = manualSave();
    const w = createCallWriter(m.save);
    w.push(1);
    w.push(2);
    w.flushNow();
    expect(m.started).toEqual([1, 2]);
    w.flushNow();
    expect(m.started).toEqual([1, 2]);
  });

  it('reports a failure, keeps the value, and writes it again', async () => {
    vi.useFakeTimers();
    try {
      const m = manualSave();
      const w = createCallWriter(m.save, { retryMs: 500 });
      w.push(1);
      m.finish[0]!(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(w.state()).toMatchObject({ pending: true, savedSeq: 0 });
      expect(String(w.state().error)).toContain('failed 1');
      await vi.advanceTimersByTimeAsync(500);
      expect(m.started).toEqual([1, 1]);
      m.finish[1]!(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(w.state()).toMatchObject({ pending: false, savedSeq: 1, error: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('close flushes and then ignores later values', async () => {
    const m = manualSave();
    const w = createCallWriter(m.save);
    w.push(1);
    const closing = w.close();
    m.finish[0]!(true);
    await closing;
    w.push(2);
    expect(m.started).toEqual([1]);
  });

  it('tells subscribers when a value is acknowledged', async () => {
    const m = manualSave();
    const w = createCallWriter(m.save, { now: () => 1234 });
    const seen: Array<number | null> = [];
    w.subscribe((s) => seen.push(s.savedAt));
    w.push(1);
    m.finish[0]!(true);
    await tick();
    expect(seen.at(-1)).toBe(1234);
  });

  it('after a failed write waits for the retry delay instead of retrying in a tight loop', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const w = createCallWriter<number>(
        async () => {
          attempts++;
          throw new Error('closed');
        },
        { retryMs: 1_000 },
      );
      w.push(1);
      await vi.advanceTimersByTimeAsync(10);
      expect(attempts).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(attempts).toBe(2);
      expect(w.state().error).toBeInstanceOf(Error);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a value pushed 'soon' (a step move)", () => {
  /** A defer the test runs by hand, standing for "after the next paint". */
  function manualDefer() {
    const pending: Array<() => void> = [];
    let cancelled = 0;
    const defer = (start: () => void) => {
      pending.push(start);
      return () => void cancelled++;
    };
    return { defer, run: () => pending.splice(0).forEach((start) => start()), cancelled: () => cancelled };
  }

  it('starts its write when the defer runs, not inside push', () => {
    const m = manualSave();
    const d = manualDefer();
    const w = createCallWriter(m.save, { defer: d.defer });
    w.push(1, 'soon');
    expect(m.started).toEqual([]);
    expect(w.state().pending).toBe(true);
    d.run();
    expect(m.started).toEqual([1]);
  });

  it('is written at once by the next value pushed now, by flush and by flushNow, and then not again', async () => {
    for (const how of ['push', 'flush', 'flushNow'] as const) {
      const m = manualSave();
      const d = manualDefer();
      const w = createCallWriter(m.save, { defer: d.defer });
      w.push(1, 'soon');
      if (how === 'push') w.push(2);
      else if (how === 'flush') void w.flush();
      else w.flushNow();
      expect(m.started, how).toEqual([how === 'push' ? 2 : 1]);
      expect(d.cancelled(), how).toBe(1);
      d.run();
      expect(m.started, `${how}: the deferred start finds nothing new`).toHaveLength(1);
    }
  });

  it('waits behind a write in flight like any value, without a defer', async () => {
    const m = manualSave();
    const d = manualDefer();
    const w = createCallWriter(m.save, { defer: d.defer });
    w.push(1);
    w.push(2, 'soon');
    m.finish[0]!(true);
    await tick();
    expect(m.started).toEqual([1, 2]);
  });

  it('is written at once without a defer (tests, workers)', () => {
    const m = manualSave();
    const w = createCallWriter(m.save);
    w.push(1, 'soon');
    expect(m.started).toEqual([1]);
  });

  it('is written at once while writes fail, so the copy aside and the retry follow the newest value', async () => {
    const m = manualSave();
    const d = manualDefer();
    const w = createCallWriter(m.save, { defer: d.defer, retryMs: 10_000 });
    w.push(1);
    m.finish[0]!(false);
    await tick();
    w.push(2, 'soon');
    expect(m.started).toEqual([1, 2]);
  });
});
