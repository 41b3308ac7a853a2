/**
 * The script studio as a team lead uses it, keyboard first: duplicate the French built-in, rewrite step 2
 * with a variable picked from the `{` list, see the check catch a misspelt variable and fix it from the check,
 * publish v1 and v2 with notes, read the v1 → v2 diff, assign the script to a segment, export a pack, delete
 * the script, import the pack and find it back identical. axe-core and the sideways-scroll check run on every
 * studio screen at phone and laptop widths.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, becomeLead } from './app';
import { contextOptions, launch, type ViewportName, expectAccessibleAndFitting } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const check = expectAccessibleAndFitting;

async function saved(page: Page): Promise<void> {
  await page.waitForFunction(() => /enregistrées|saved/i.test(document.querySelector('[data-testid="studio-save-state"]')?.textContent ?? ''));
}

async function publish(page: Page, note: string): Promise<void> {
  await page.focus('[data-testid="studio-publish"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="studio-publish-note"]');
  await page.keyboard.type(note);
  await page.focus('[data-testid="studio-publish-confirm"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
}

describe.each<ViewportName>(['laptop', 'phone'])('script studio at %s width', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ ...contextOptions(viewport), acceptDownloads: true });
    page = await context.newPage();
    await openWorklist(page, baseUrl);
    await becomeLead(page, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a lead duplicates the French built-in, writes a variable from the keyboard, is stopped by a misspelt one, publishes v1 and v2 and reads the diff', async () => {
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-library"]');
    await check(page, 'library', viewport);
    await page.focus('[data-testid="studio-duplicate-fr"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/scripts\/team\./);
    await page.waitForSelector('[data-testid="studio-checks"]');
    await check(page, 'editor', viewport);

    await publish(page, 'Reprise du modèle');
    await page.waitForFunction(() => /version en service\u00a0: 1/.test(document.body.textContent ?? ''));

    // Step 2, from the keyboard: its button, then the say field; `{` opens the list, arrows pick, Enter inserts.
    await page.getByRole('button', { name: /^2\. Identification/ }).press('Enter');
    const say = page.locator('#sf-steps-1-say');
    await say.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Bonjour, je suis bien chez {compa');
    await page.waitForSelector('[role="listbox"] [role="option"][aria-selected="true"]');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' ? Je souhaite parler à {contact.nme}.');
    await expect.poll(() => say.inputValue()).toBe('Bonjour, je suis bien chez {company.name} ? Je souhaite parler à {contact.nme}.');
    const issue = page.locator('[data-testid="studio-checks"] .check--error button').first();
    await expect.poll(() => issue.textContent()).toMatch(/\{contact\.nme\}.*\{contact\.name\}/);
    expect(await page.getAttribute('[data-testid="studio-publish"]', 'aria-disabled')).toBe('true');

    // The check takes the lead to the field; the fix clears the error.
    await issue.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sf-steps-1-say');
    await say.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length - 2, el.value.length - 2));
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ame');
    await expect.poll(() => say.inputValue()).toBe('Bonjour, je suis bien chez {company.name} ? Je souhaite parler à {contact.name}.');
    await expect.poll(() => page.locator('[data-testid="studio-checks"] .check--error').count()).toBe(0);
    await saved(page);

    // Undo takes the last word back; redo restores it.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => say.inputValue()).not.toContain('{contact.name}');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => say.inputValue()).toContain('{contact.name}');
    await saved(page);
    // The buttons too, from the keyboard: once nothing is left to undo, the focus stays on the button.
    const undoButton = page.getByRole('button', { name: 'Annuler', exact: true });
    await undoButton.focus();
    for (let i = 0; i < 200 && (await undoButton.getAttribute('aria-disabled')) !== 'true'; i++) await page.keyboard.press('Enter');
    expect(await undoButton.getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Annuler');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Rétablir');
    for (let i = 0; i < 200 && (await page.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))) !== 'true'; i++) await page.keyboard.press('Enter');
    await expect.poll(() => say.inputValue()).toBe('Bonjour, je suis bien chez {company.name} ? Je souhaite parler à {contact.name}.');
    await saved(page);

    await publish(page, 'Étape 2 plus courte');
    await page.waitForFunction(() => /version en service\u00a0: 2/.test(document.body.textContent ?? ''));
    await page.getByRole('button', { name: 'Versions' }).press('Enter');
    await page.waitForSelector('[data-testid="studio-diff"]');
    const diff = await page.textContent('[data-testid="studio-diff"]');
    expect(diff).toContain('Version 1 → Version 2');
    expect(diff).toContain('Identification');
    expect(diff).toContain('Bonjour, je suis bien chez {company.name} ? Je souhaite parler à {contact.name}.');
    await check(page, 'versions', viewport);

    // A reload finds every edit: the draft was stored as it was typed.
    await page.reload();
    await page.waitForSelector('[data-testid="studio-checks"]');
    await page.getByRole('button', { name: /^2\. Identification/ }).click();
    expect(await page.inputValue('#sf-steps-1-say')).toBe('Bonjour, je suis bien chez {company.name} ? Je souhaite parler à {contact.name}.');
  });

  it('assigns it to a segment, exports a pack, deletes the script and imports it back identical', async () => {
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-scripts"]');
    const scriptId = await page.$eval('[data-testid="studio-scripts"] tbody th a', (a) => decodeURIComponent(a.getAttribute('href')!.split('/').pop()!));

    await page.selectOption('#assign-fr-small_business', scriptId);
    expect(await page.textContent('[data-testid="studio-assign-problems"]')).toMatch(/par défaut/);
    await page.selectOption('#assign-fr-default', scriptId);
    await page.click('[data-testid="studio-assign-save"]');
    await page.waitForFunction(() => /PME et TPE/.test(document.querySelector('[data-testid="studio-scripts"] tbody tr')?.textContent ?? ''));

    const before = await page.evaluate(async (id) => {
      const open = indexedDB.open('cadence');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = (store: string) => new Promise<unknown[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const versions = (await all('scriptVersions')).filter((v) => (v as { scriptId: string }).scriptId === id);
      db.close();
      return JSON.stringify(versions);
    }, scriptId);

    await page.check('[data-testid="studio-scripts"] tbody input[type="checkbox"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="studio-export"]')]);
    expect(download.suggestedFilename()).toMatch(/\.cadence-scripts\.json$/);
    const packPath = await download.path();
    const pack = JSON.parse(readFileSync(packPath, 'utf8'));
    expect(pack).toMatchObject({ format: 'cadence-scripts', schemaVersion: 1 });
    expect(pack.scripts[0].versions).toHaveLength(2);

    // Still assigned: deleting takes the assignment with it, after a confirmation.
    await page.click('[data-testid="studio-delete"]');
    await page.click('[data-testid="studio-delete-confirm"]');
    await page.waitForSelector('[data-testid="studio-scripts"]', { state: 'detached' });

    await page.setInputFiles('[data-testid="studio-pack-file"]', packPath);
    await page.waitForSelector('[data-testid="studio-pack-plan"]');
    expect(await page.textContent('[data-testid="studio-pack-plan"]')).toMatch(/nouveau script/);
    await check(page, 'pack-preview', viewport);
    await page.click('[data-testid="studio-pack-apply"]');
    await page.waitForSelector('[data-testid="studio-scripts"]');
    const after = await page.evaluate(async (id) => {
      const open = indexedDB.open('cadence');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const r = db.transaction('scriptVersions').objectStore('scriptVersions').getAll();
      const rows: unknown[] = await new Promise((resolve) => (r.onsuccess = () => resolve(r.result)));
      db.close();
      return JSON.stringify(rows.filter((v) => (v as { scriptId: string }).scriptId === id));
    }, scriptId);
    expect(after).toBe(before);

    // The same pack again changes nothing.
    await page.setInputFiles('[data-testid="studio-pack-file"]', packPath);
    await page.waitForSelector('[data-testid="studio-pack-plan"]');
    expect(await page.textContent('[data-testid="studio-pack-plan"]')).toMatch(/déjà présent/);
    expect(await page.isDisabled('[data-testid="studio-pack-apply"]')).toBe(true);
  });

  it('refuses a hostile pack with a message that names the field, and shows its text inert', async () => {
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-pack-file"]');
    const hostile = JSON.stringify({ format: 'cadence-scripts', schemaVersion: 1, exportedAt: '2026-12-03T09:00:00.000Z', exportedBy: 'x', checksum: 'sha256:' + '0'.repeat(64), scripts: [{ id: 'evil', name: '<img src=x onerror="document.title=1">', locale: 'fr', versions: [] }] });
    await page.setInputFiles('[data-testid="studio-pack-file"]', { name: 'evil.cadence-scripts.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await expect.poll(() => page.textContent('[data-testid="studio-pack-error"]')).toMatch(/scripts\.0\.name.*<img/);
    expect(await page.$('[data-testid="studio-pack-error"] img')).toBeNull();
    expect(await page.title()).not.toBe('1');
  });
});
