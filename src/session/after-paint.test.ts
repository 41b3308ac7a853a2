import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToMain } from './after-paint';

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
