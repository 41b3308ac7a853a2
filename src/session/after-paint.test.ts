import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle, yieldToMain } from './after-paint';

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
});
