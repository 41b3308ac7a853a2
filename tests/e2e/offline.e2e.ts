import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { h1Text, openFirstDossier, openWorklist, serviceWorkerControls, worklistReady } from './app';
import { launch } from './browser';
import { bundleForPath } from './demo';
import { startPreview, type PreviewServer } from './preview';

// This journey stops the server, so it serves the shared build from a server of its own.
const distDir = inject('distDir');
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
});

describe('offline', () => {
  it('starts with the server stopped: the service worker serves the app and IndexedDB its data', async () => {
    const online = await openWorklist(page, server.url);
    await serviceWorkerControls(page);
    await page.waitForSelector('[data-testid="pwa-offline-ready"]', { timeout: 30_000 });

    await server.stop();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();

    await page.reload();
    expect(await worklistReady(page)).toBe(online);
    const path = await openFirstDossier(page);
    await page.waitForSelector('[data-testid="timeline"]');
    expect(await h1Text(page)).toBe(bundleForPath(path).debtor.name);

    await page.goto(`${server.url}/settings`);
    await page.waitForSelector('[data-testid="language-select"]');

    await server.start();
    await page.goto(`${server.url}/`);
    expect(await worklistReady(page)).toBe(online);
  });
});
