import { cleanup, render } from '@solidjs/testing-library';
import { createSignal, onCleanup } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeptPanels } from './kept-panels';

afterEach(cleanup);

/** Panels that count how often each was built and disposed, showing a signal of the test's. */
function harness(initial: { active: string; keep: boolean; ahead?: string | null }) {
  const [active, setActive] = createSignal(initial.active);
  const [keep, setKeep] = createSignal(initial.keep);
  const [ahead, setAhead] = createSignal<string | null>(initial.ahead ?? null);
  const [label, setLabel] = createSignal('v1');
  const built: string[] = [];
  const disposed: string[] = [];
  const { container } = render(() => (
    <div data-testid="slot">
      <KeptPanels
        active={active()}
        ahead={ahead()}
        keep={keep()}
        render={(key) => {
          built.push(key);
          onCleanup(() => disposed.push(key));
          return (
            <section data-key={key}>
              {key} {label()}
            </section>
          );
        }}
      />
    </div>
  ));
  const shown = () => [...container.querySelectorAll('section')].map((s) => s.textContent);
  return { setActive, setKeep, setAhead, setLabel, built, disposed, shown };
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
      const h = harness({ active: 'a', keep: true, ahead: 'b' });
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

  it('disposes every panel with itself', () => {
    const h = harness({ active: 'a', keep: true });
    h.setActive('b');
    cleanup();
    expect([...h.disposed].sort()).toEqual(['a', 'b']);
  });
});
