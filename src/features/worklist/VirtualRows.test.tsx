import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { initI18n } from '../../i18n';
import { arrayRows } from './row-source';
import VirtualRows from './VirtualRows';

const TODAY = '2026-11-23';
const rows = Array.from(
  { length: 40_000 },
  (_, i): WorklistRow => ({
    debtorId: `d${i}`, name: `Société ${i}`, segment: 'mid_market', overdueCents: 1_000 + i, notYetDueCents: 0, disputedCents: 0,
    oldestDaysLate: 5, brokenPromises: 0, tier: 2, score: 5_000,
  }),
);

/** jsdom has no layout: scrolling sets the position and fires the event, as a browser would. */
function scrollWindowTo(top: number): void {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: top });
  window.dispatchEvent(new Event('scroll'));
}

beforeAll(async () => {
  await initI18n('fr');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  scrollWindowTo(0);
});

const items = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('li[data-index]')];

describe('VirtualRows', () => {
  it('puts only a screenful of 40,000 rows in the DOM, each announcing its place in the whole list', () => {
    const { container } = render(() => <VirtualRows rows={arrayRows(rows)} today={TODAY} />);
    const shown = items(container);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(20);
    expect(shown[0]?.getAttribute('aria-setsize')).toBe('40000');
    expect(shown[0]?.querySelector('a')?.getAttribute('href')).toBe('/debtors/d0');
  });

  it('follows the scroll position deep into the list', () => {
    const { container } = render(() => <VirtualRows rows={arrayRows(rows)} today={TODAY} />);
    const rowPx = 8.25 * 16;
    scrollWindowTo(rowPx * 30_000);
    const indexes = items(container).map((li) => Number(li.dataset.index));
    expect(indexes).toContain(30_000);
    expect(Math.max(...indexes) - Math.min(...indexes)).toBeLessThan(20);
    expect(container.querySelector('li[data-index="30000"] a')?.textContent).toContain('Société 30000');
  });

  it('moves the focus row by row with the arrow keys, scrolling rows not rendered yet into the DOM', () => {
    vi.spyOn(window, 'scrollTo').mockImplementation(((options: ScrollToOptions) => scrollWindowTo(options.top ?? 0)) as typeof window.scrollTo);
    const { container } = render(() => <VirtualRows rows={arrayRows(rows)} today={TODAY} />);
    const first = container.querySelector<HTMLAnchorElement>('li[data-index="0"] a');
    first?.focus();
    for (let i = 0; i < 25; i++) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement?.getAttribute('href')).toBe('/debtors/d25');
    for (let i = 0; i < 3; i++) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement?.getAttribute('href')).toBe('/debtors/d22');
  });
});
