import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSettings, openWorklist, worklistReady } from './app';
import { launchPersistent } from './browser';

const baseUrl = inject('baseUrl');
let profile = '';

beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'cadence-profile-'));
});
afterAll(() => {
  // Chromium's helper processes may still flush files for a moment after close(): retry.
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

describe('persistence', () => {
  it('keeps the portfolio and the settings when the browser is closed and relaunched on the same profile', async () => {
    const first = await launchPersistent(profile);
    let count = 0;
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      count = await openWorklist(page, baseUrl);
      expect(count).toBeGreaterThan(0);
      // A change only the user makes: if the database were lost, the reseeded demo would be back in French.
      await openSettings(page, baseUrl);
      await page.selectOption('[data-testid="language-select"]', 'en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    } finally {
      await first.close();
    }

    const second = await launchPersistent(profile);
    try {
      const page = second.pages()[0] ?? (await second.newPage());
      await page.goto(`${baseUrl}/`);
      expect(await worklistReady(page)).toBe(count);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    } finally {
      await second.close();
    }
  });
});
