import { describe, expect, it, vi } from 'vitest';
import { watchPage, type PageEvents } from './call-page-events';
import type { SaveState } from './call-session-writer';

function fakePage() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return { win, doc, page: { win, doc } as unknown as PageEvents };
}

const state = (over: Partial<SaveState> = {}): SaveState => ({ pending: false, savedAt: null, savedSeq: 0, error: null, keptAside: false, ...over });

describe('watchPage', () => {
  it('writes the newest state at once when the page is hidden or going away', () => {
    const { win, doc, page } = fakePage();
    const writer = { flushNow: vi.fn(), state: () => state() };
    watchPage(page, writer);
    win.dispatchEvent(new Event('pagehide'));
    expect(writer.flushNow).toHaveBeenCalledTimes(1);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(writer.flushNow).toHaveBeenCalledTimes(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(writer.flushNow).toHaveBeenCalledTimes(2);
  });

  it('asks before closing only while writes fail and nothing is kept aside', () => {
    const { win, page } = fakePage();
    let save = state();
    watchPage(page, { flushNow: () => undefined, state: () => save });
    const close = () => {
      const event = new Event('beforeunload', { cancelable: true });
      win.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(close()).toBe(false);
    save = state({ error: new Error('full'), keptAside: true });
    expect(close()).toBe(false);
    save = state({ error: new Error('full') });
    expect(close()).toBe(true);
  });

  it('stops listening when told, and does nothing without a page', () => {
    const { win, page } = fakePage();
    const writer = { flushNow: vi.fn(), state: () => state({ error: new Error('full') }) };
    const stop = watchPage(page, writer);
    stop();
    win.dispatchEvent(new Event('pagehide'));
    const event = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(event);
    expect(writer.flushNow).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    expect(() => watchPage(null, writer)()).not.toThrow();
  });
});
