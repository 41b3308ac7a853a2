import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHORD_PENDING_MS, chordPending, soon, whenIdle, yieldToMain } from './after-paint';

describe('yieldToMain', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resumes in a later task: a timer queued before it has run, a microtask queued after it has too', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('timer before'), 0);
    const done = yieldToMain().then(() => seen.push('resumed'));
    queueMicrotask(() => seen.push('microtask after'));
    await done;
    expect(seen).toEqual(['microtask after', 'timer before', 'resumed']);
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await yieldToMain();
    expect(yieldFn).toHaveBeenCalledOnce();
  });
});

describe('whenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for an idle callback, with a deadline only when given one, and cancels it', () => {
    const request = vi.fn((_fn: () => void, _options?: { timeout: number }) => 7);
    const cancel = vi.fn();
    vi.stubGlobal('requestIdleCallback', request);
    vi.stubGlobal('cancelIdleCallback', cancel);
    const fn = vi.fn();
    whenIdle(fn);
    expect(request.mock.calls[0]?.[1]).toBeUndefined();
    const stop = whenIdle(fn, 50);
    expect(request.mock.calls[1]?.[1]).toEqual({ timeout: 50 });
    stop();
    expect(cancel).toHaveBeenCalledWith(7);
    request.mock.calls[1]?.[0]();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('falls back to a timer, no later than the deadline, where idle callbacks are missing', () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('requestIdleCallback', undefined);
      const fn = vi.fn();
      whenIdle(fn, 20);
      vi.advanceTimersByTime(19);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  describe('while a shortcut is on its way', () => {
    /** Idle callbacks queued, run by the test one idle period at a time. */
    function idleQueue() {
      const queue: (() => void)[] = [];
      vi.stubGlobal('requestIdleCallback', (fn: () => void) => queue.push(fn));
      vi.stubGlobal('cancelIdleCallback', () => undefined);
      return { idle: () => queue.splice(0).forEach((fn) => fn()), pending: () => queue.length };
    }
    const key = (type: 'keydown' | 'keyup', name: string) => window.dispatchEvent(new KeyboardEvent(type, { key: name }));
    afterEach(() => key('keyup', 'Control'));

    it('waits while a modifier is down alone, and runs once the shortcut’s other key came', () => {
      const q = idleQueue();
      const fn = vi.fn();
      whenIdle(fn);
      key('keydown', 'Control');
      q.idle();
      expect(fn).not.toHaveBeenCalled();
      expect(q.pending()).toBe(1);
      key('keydown', 'Enter');
      q.idle();
      expect(fn).toHaveBeenCalledOnce();
    });

    it('runs once the modifier is let go, or held too long to be a shortcut', () => {
      const q = idleQueue();
      const fn = vi.fn();
      whenIdle(fn);
      key('keydown', 'Alt');
      expect(chordPending()).toBe(true);
      expect(chordPending(performance.now() + CHORD_PENDING_MS)).toBe(false);
      key('keyup', 'Alt');
      q.idle();
      expect(fn).toHaveBeenCalledOnce();
    });

    it('never holds back work with a deadline', () => {
      const q = idleQueue();
      const fn = vi.fn();
      whenIdle(() => undefined);
      key('keydown', 'Control');
      whenIdle(fn, 50);
      q.idle();
      expect(fn).toHaveBeenCalledOnce();
    });
  });
});

describe('soon', () => {
  afterEach(() => vi.unstubAllGlobals());
  const key = (type: 'keydown' | 'keyup', name: string) => window.dispatchEvent(new KeyboardEvent(type, { key: name }));

  it('posts a task where the browser has scheduler.postTask, in turn with the page’s others, without waiting for an idle period, and aborts it', async () => {
    const posted: { fn: () => void; options: { signal: AbortSignal; priority?: string } }[] = [];
    vi.stubGlobal('scheduler', { postTask: (fn: () => void, options: { signal: AbortSignal; priority?: string }) => (posted.push({ fn, options }), Promise.resolve()) });
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    const fn = vi.fn();
    soon(fn);
    expect(posted[0]?.options.priority).toBe('user-visible');
    posted[0]?.fn();
    expect(fn).toHaveBeenCalledOnce();
    expect(idle).not.toHaveBeenCalled();
    const stop = soon(fn);
    stop();
    expect(posted[1]?.options.signal.aborted).toBe(true);
  });

  it('runs in a task of its own where there is no scheduler, and not once cancelled', () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('scheduler', undefined);
      const fn = vi.fn();
      soon(fn);
      const dropped = vi.fn();
      soon(dropped)();
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(0);
      expect(fn).toHaveBeenCalledOnce();
      expect(dropped).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits while a shortcut is on its way, then runs when idle', () => {
    vi.useFakeTimers();
    const queue: (() => void)[] = [];
    try {
      vi.stubGlobal('scheduler', undefined);
      vi.stubGlobal('requestIdleCallback', (fn: () => void) => queue.push(fn));
      vi.stubGlobal('cancelIdleCallback', () => undefined);
      const fn = vi.fn();
      soon(fn);
      key('keydown', 'Control');
      vi.advanceTimersByTime(0);
      expect(fn).not.toHaveBeenCalled();
      key('keydown', 'Enter');
      queue.splice(0).forEach((run) => run());
      expect(fn).toHaveBeenCalledOnce();
    } finally {
      key('keyup', 'Control');
      vi.useRealTimers();
    }
  });
});
