import { describe, expect, it, vi } from 'vitest';
import { submitOnce } from './submit-once';

const submit = () => new Event('submit', { cancelable: true });

describe('submitOnce', () => {
  it('ignores a second submit while the first is saving, and accepts the next one after', async () => {
    let release!: () => void;
    const saved = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const handler = submitOnce(saved);
    const first = handler(submit());
    const second = submit();
    await handler(second);
    expect(saved).toHaveBeenCalledTimes(1);
    expect(second.defaultPrevented).toBe(true);
    release();
    await first;
    const third = handler(submit());
    expect(saved).toHaveBeenCalledTimes(2);
    release();
    await third;
  });

  it('lets the form be submitted again after a failure', async () => {
    const failing = vi.fn(async () => {
      throw new Error('disk full');
    });
    const handler = submitOnce(failing);
    await expect(handler(submit())).rejects.toThrow('disk full');
    await expect(handler(submit())).rejects.toThrow('disk full');
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
