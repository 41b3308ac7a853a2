import { cleanup, render } from '@solidjs/testing-library';
import { createSignal, onCleanup } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeptPanels } from './kept-panels';
import { Later } from './later';

afterEach(cleanup);

/** Panels that count how often each was built and disposed, showing a signal of the test's. */
function harness(initial: { active: string; keep: boolean; ahead?: string[]; later?: string[] }) {
  const [active, setActive] = createSignal(initial.active);
  const [keep, setKeep] = createSignal(initial.keep);
  const [ahead, setAhead] = createSignal<string[]>(initial.ahead ?? []);
  const [label, setLabel] = createSignal('v1');
  const built: string[] = [];
  const disposed: string[] = [];
  const { container } = render(() => (
    <div data-testid="slot">
      <KeptPanels
        active={active()}
        ahead={ahead()}
        later={initial.later}
        keep={keep()}
        render={(key, isShown) => {
          built.push(key);
          onCleanup(() => disposed.push(key));
          return (
            <section data-key={key} id={isShown() ? 'shown' : `kept-${key}`}>
              {key} {label()}
            </section>
          );
        }}
      />
    </div>
  ));
  /** The panels the agent sees: in the document and not marked hidden. */
  const shown = () => [...container.querySelectorAll('.kept-panel:not(.kept-panel--fresh, .kept-panel--kept) > section')].map((s) => s.textContent);
  /** Every panel in the document, shown or kept hidden, by key. */
  const inPage = () => [...container.querySelectorAll('section')].map((s) => s.dataset.key).sort();
  return { setActive, setKeep, setAhead, setLabel, built, disposed, shown, inPage, container };
}

/** Which panels had their layout read (`prime`), in order, by the key of the section read. */
function spyLayoutReads() {
  const read = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
  return { keys: () => read.mock.contexts.map((el) => (el as HTMLElement).dataset.key), restore: () => read.mockRestore() };
}

describe('KeptPanels', () => {
  it('shows only the active panel, and swaps back the node it built before instead of building again', () => {
    const h = harness({ active: 'a', keep: true });
    expect(h.shown()).toEqual(['a v1']);
    h.setActive('b');
    expect(h.shown()).toEqual(['b v1']);
    h.setActive('a');
    expect(h.shown()).toEqual(['a v1']);
    expect(h.built).toEqual(['a', 'b']);
    expect(h.disposed).toEqual([]);
  });

  it('keeps a panel that is not shown reactive', () => {
    const h = harness({ active: 'a', keep: true });
    h.setActive('b');
    h.setLabel('v2');
    h.setActive('a');
    expect(h.shown()).toEqual(['a v2']);
  });

  it('without keep, disposes a panel once left and builds it anew when shown again', () => {
    const h = harness({ active: 'a', keep: false });
    h.setActive('b');
    expect(h.disposed).toEqual(['a']);
    h.setActive('a');
    expect(h.built).toEqual(['a', 'b', 'a']);
    expect(h.shown()).toEqual(['a v1']);
  });

  it('drops every panel but the shown one when keep is turned off', () => {
    const h = harness({ active: 'a', keep: true });
    h.setActive('b');
    h.setActive('c');
    h.setKeep(false);
    expect([...h.disposed].sort()).toEqual(['a', 'b']);
    expect(h.shown()).toEqual(['c v1']);
  });

  it('builds the panel ahead after a paint, while idle, without showing it', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true, ahead: ['b'] });
      expect(h.built).toEqual(['a']);
      await vi.runAllTimersAsync();
      expect(h.built).toEqual(['a', 'b']);
      expect(h.shown()).toEqual(['a v1']);
      h.setActive('b');
      expect(h.built).toEqual(['a', 'b']);
      expect(h.shown()).toEqual(['b v1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('while the screen opens, builds and lays out the panels ahead one per task, in order, without waiting for an idle period', async () => {
    vi.useFakeTimers();
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const reads = spyLayoutReads();
    try {
      const h = harness({ active: 'a', keep: true, ahead: ['c', 'b'] });
      // A page busy opening has no idle period: the idle callbacks are never run here.
      let tasks = 0;
      while (h.built.length < 3 && tasks < 50) {
        const before = h.built.length;
        await vi.advanceTimersToNextTimerAsync();
        expect(h.built.length - before).toBeLessThanOrEqual(1);
        tasks += 1;
      }
      expect(h.built).toEqual(['a', 'c', 'b']);
      await vi.runAllTimersAsync();
      expect(reads.keys()).toEqual(['c', 'b']);
      expect(h.inPage()).toEqual(['a', 'b', 'c']);
      expect(h.shown()).toEqual(['a v1']);
    } finally {
      reads.restore();
      cleanup();
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it('after a step change, builds and lays out the next panel by a deadline, the others when idle', async () => {
    vi.useFakeTimers();
    const idle: { fn: () => void; timeout?: number }[] = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void, options?: { timeout: number }) => idle.push({ fn, timeout: options?.timeout }));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const reads = spyLayoutReads();
    try {
      const h = harness({ active: 'a', keep: true });
      h.setActive('b');
      h.setAhead(['c', 'd']);
      await vi.runAllTimersAsync();
      // The next panel's build, then its layout read: each asked with a deadline, so a busy page still runs them.
      const withDeadline = () => idle.filter((t) => t.timeout !== undefined);
      expect(withDeadline()).toHaveLength(1);
      idle.splice(idle.indexOf(withDeadline()[0]!), 1)[0]?.fn();
      expect(h.built).toEqual(['a', 'b', 'c']);
      await vi.runAllTimersAsync();
      expect(withDeadline()).toHaveLength(1);
      idle.splice(idle.indexOf(withDeadline()[0]!), 1)[0]?.fn();
      expect(reads.keys()).toEqual(['c']);
      expect(h.built).toEqual(['a', 'b', 'c']);
    } finally {
      reads.restore();
      cleanup();
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it('reads a panel’s layout once the part it renders later is in it, while the screen opens', async () => {
    vi.useFakeTimers();
    // A page busy opening has no idle period: the idle callbacks are never run here.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    // What each read found in its panel: the deferred part, or nothing yet.
    const found: string[] = [];
    const read = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      found.push(`${this.dataset.key}:${this.querySelector('.deferred')?.textContent ?? 'missing'}`);
      return new DOMRect();
    });
    try {
      const [active] = createSignal('a');
      const { container } = render(() => (
        <KeptPanels
          active={active()}
          ahead={['b']}
          keep
          render={(key, isShown) => (
            <section data-key={key}>
              <h2>{key}</h2>
              <Later now={isShown}>
                <p class="deferred">{key}</p>
              </Later>
            </section>
          )}
        />
      ));
      await vi.runAllTimersAsync();
      expect(found).toEqual(['b:b']);
      expect(container.querySelectorAll('.deferred')).toHaveLength(2);
    } finally {
      read.mockRestore();
      cleanup();
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it('builds the other panels once those ahead are, while idle, and puts them in the page, hidden', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true, ahead: ['b'], later: ['a', 'b', 'c', 'd'] });
      // Those ahead at once; the others after a pause (a first key pressed at once must not meet them).
      await vi.advanceTimersByTimeAsync(200);
      expect(h.built).toEqual(['a', 'b']);
      await vi.runAllTimersAsync();
      expect(h.built).toEqual(['a', 'b', 'c', 'd']);
      // In the page already: no step move puts a panel in it after its paint (a frame of its own).
      expect(h.inPage()).toEqual(['a', 'b', 'c', 'd']);
      expect(h.shown()).toEqual(['a v1']);
      h.setActive('c');
      expect(h.built).toEqual(['a', 'b', 'c', 'd']);
      expect(h.shown()).toEqual(['c v1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a step change, builds the other panels only once no step change came for a while', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true, later: ['c'] });
      h.setActive('b');
      await vi.advanceTimersByTimeAsync(200);
      expect(h.built).toEqual(['a', 'b']);
      await vi.advanceTimersByTimeAsync(1000);
      expect(h.built).toEqual(['a', 'b', 'c']);
      expect(h.inPage()).toEqual(['a', 'b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a step change, builds the next panel at once and the others ahead once no step change came for a while', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true });
      h.setActive('b');
      h.setAhead(['c', 'd']);
      await vi.advanceTimersByTimeAsync(200);
      expect(h.built).toEqual(['a', 'b', 'c']);
      await vi.advanceTimersByTimeAsync(1000);
      expect(h.built).toEqual(['a', 'b', 'c', 'd']);
      expect(h.inPage()).toEqual(['a', 'b', 'c', 'd']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps every panel once in the page, hidden, and builds none again', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true });
      h.setActive('b');
      expect(h.inPage()).toEqual(['a', 'b']);
      expect(h.shown()).toEqual(['b v1']);
      // The render tells a panel whether it is the shown one: only that one holds the shared id.
      expect(h.container.querySelector('#shown')?.getAttribute('data-key')).toBe('b');
      expect(h.container.querySelector('#kept-a')).not.toBeNull();
      h.setActive('c');
      await vi.runAllTimersAsync();
      // Nothing is taken out after the paint: moving a panel in or out of the page cost its style and layout.
      expect(h.inPage()).toEqual(['a', 'b', 'c']);
      expect(h.shown()).toEqual(['c v1']);
      expect(h.disposed).toEqual([]);
      h.setLabel('v2');
      h.setActive('a');
      expect(h.shown()).toEqual(['a v2']);
      expect(h.built).toEqual(['a', 'b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the layout of the other panels while idle, and changes nothing in the page when one comes ahead', async () => {
    vi.useFakeTimers();
    const reads = spyLayoutReads();
    try {
      const h = harness({ active: 'a', keep: true, later: ['c'] });
      await vi.runAllTimersAsync();
      expect(h.built).toEqual(['a', 'c']);
      expect(h.inPage()).toEqual(['a', 'c']);
      expect(reads.keys()).toEqual(['c']);
      const panels = () => [...h.container.querySelectorAll('.kept-panel')];
      const before = panels();
      const changes: MutationRecord[] = [];
      const watch = new MutationObserver((list) => changes.push(...list));
      watch.observe(h.container, { childList: true, subtree: true });
      h.setAhead(['c']);
      await vi.runAllTimersAsync();
      expect(watch.takeRecords().concat(changes)).toEqual([]);
      watch.disconnect();
      expect(panels()).toEqual(before);
      expect(h.shown()).toEqual(['a v1']);
      expect(h.built).toEqual(['a', 'c']);
      expect(reads.keys()).toEqual(['c']);
    } finally {
      reads.restore();
      vi.useRealTimers();
    }
  });

  it('reads the layout of a panel built ahead while idle, once, and not of the one shown', async () => {
    vi.useFakeTimers();
    const reads = spyLayoutReads();
    try {
      const h = harness({ active: 'a', keep: true, ahead: ['b'] });
      await vi.runAllTimersAsync();
      expect(reads.keys()).toEqual(['b']);
      h.setActive('b');
      await vi.runAllTimersAsync();
      expect(reads.keys()).toEqual(['b']);
    } finally {
      reads.restore();
      vi.useRealTimers();
    }
  });

  it('hides a panel never shown and one shown before so that each keeps its rendering', async () => {
    vi.useFakeTimers();
    try {
      const h = harness({ active: 'a', keep: true, ahead: ['b'] });
      await vi.runAllTimersAsync();
      const state = () => Object.fromEntries([...h.container.querySelectorAll<HTMLElement>('.kept-panel')].map((w) => [w.querySelector('section')?.dataset.key, w.className]));
      expect(state()).toEqual({ a: 'kept-panel', b: 'kept-panel kept-panel--fresh' });
      h.setActive('b');
      expect(state()).toEqual({ a: 'kept-panel kept-panel--kept', b: 'kept-panel' });
      h.setActive('a');
      expect(state()).toEqual({ a: 'kept-panel', b: 'kept-panel kept-panel--kept' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('disposes every panel with itself', () => {
    const h = harness({ active: 'a', keep: true });
    h.setActive('b');
    cleanup();
    expect([...h.disposed].sort()).toEqual(['a', 'b']);
  });
});
