/**
 * Debian Chromium through playwright-core: never a downloaded browser. Flags keep the headless browser
 * quiet and offline-friendly (no background fetches, no QUIC, no component updates).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Context options for a preset: the phone also reports touch and a mobile viewport. */
export function contextOptions(name: ViewportName): BrowserContextOptions {
  return name === 'phone'
    ? { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
    : { viewport: VIEWPORTS.laptop };
}

/** A browser with a fresh throw-away profile; open one per spec file and a new context per test. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A browser on a profile folder that outlives it (Playwright refuses --user-data-dir in args). */
export function launchPersistent(dir: string, options: BrowserContextOptions = contextOptions('laptop')): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { ...options, executablePath: CHROMIUM_PATH, args: ARGS });
}

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const AXE_SOURCE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/**
 * Runs axe-core on the current page and returns its violations. The script is evaluated through the
 * DevTools protocol rather than a <script> tag, so a Content-Security-Policy cannot block it.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** One readable block per violation: rule, impact, help link, then each offending element and why. */
export function formatViolations(violations: AxeViolation[], where = ''): string {
  const header = where ? `axe-core violations on ${where}:\n` : '';
  return (
    header +
    violations
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n');
        const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
        return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
      })
      .join('\n')
  );
}

/** axe-core finds nothing and the page does not scroll sideways: the two checks every screen gets. */
export async function expectAccessibleAndFitting(page: Page, name: string, viewport: ViewportName): Promise<void> {
  const violations = await runAxe(page);
  expect(violations.length, formatViolations(violations, `${name} (${viewport})`)).toBe(0);
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${name} (${viewport}) scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}
