import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, serviceWorkerControls, worklistReady } from './app';
import { launch, launchPersistent } from './browser';
import { startPreview, type PreviewServer } from './preview';

// The update journey swaps the served build, so it runs on a server of its own.
const distDir = inject('distDir');
const workDir = mkdtempSync(join(tmpdir(), 'cadence-pwa-'));
let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPreview(distDir), launch()]);
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('installable PWA', () => {
  it('links a complete web manifest whose icons are real PNGs', async () => {
    await openWorklist(page, server.url);
    const href = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '');
    expect(href).not.toBe('');
    const manifest = (await (await fetch(href)).json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({ display: 'standalone', lang: 'fr', start_url: '/' });
    for (const field of ['name', 'short_name', 'description', 'theme_color']) {
      expect(String(manifest[field] ?? ''), field).not.toBe('');
    }
    const wanted = [
      { size: 192, maskable: false },
      { size: 512, maskable: false },
      { size: 512, maskable: true },
    ];
    for (const { size, maskable } of wanted) {
      const icon = manifest.icons.find(
        (i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').includes('maskable') === maskable,
      );
      expect(icon, `${size}px ${maskable ? 'maskable ' : ''}icon`).toBeDefined();
      const bytes = new Uint8Array(await (await fetch(new URL(icon?.src ?? '', href))).arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }

  });

  it('passes Chromium\'s own installability check (on a regular profile: incognito is never installable)', async () => {
    const profile = await launchPersistent(join(workDir, 'profile'));
    try {
      const installPage = profile.pages()[0] ?? (await profile.newPage());
      await openWorklist(installPage, server.url);
      await serviceWorkerControls(installPage);
      const cdp = await profile.newCDPSession(installPage);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('offers "update available — reload" when a new build is served, and reloading activates it', async () => {
    const count = await openWorklist(page, server.url);
    await serviceWorkerControls(page);

    // A byte-different sw.js is what browsers treat as a new version of the app.
    const nextDist = join(workDir, 'dist-next');
    cpSync(distDir, nextDist, { recursive: true });
    appendFileSync(join(nextDist, 'sw.js'), '\n// next build\n');
    await server.stop();
    server = await startPreview(nextDist, server.port);

    await page.reload();
    const prompt = await page.waitForSelector('[data-testid="pwa-update"]', { timeout: 30_000 });
    const reload = await prompt.$('button');
    expect(reload).not.toBeNull();
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), reload?.click()]);

    expect(await worklistReady(page)).toBe(count);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(waiting).toBeNull();
    expect(await page.$('[data-testid="pwa-update"]')).toBeNull();
  });
});
