/**
 * Script preview: a lead rewrites a step of a draft, opens the preview from the editor's toolbar, picks a
 * dossier by searching, and walks a whole call on the draft with the real call screen and machine, recap
 * included. Every IndexedDB store is dumped before and after: byte for byte the same. axe-core and the
 * sideways-scroll check run on the chooser and the call screen at phone and laptop widths.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callContact } from '../../src/domain/call/facts';
import { openWorklist, becomeLead } from './app';
import { contextOptions, launch, type ViewportName, expectAccessibleAndFitting } from './browser';
import { callableDebtors, finishFromCommitments, waitStep } from './call-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const check = expectAccessibleAndFitting;

/** Every record of every store of every IndexedDB database of the origin, as one string. */
function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, Record<string, unknown>> = {};
    const databases = (await indexedDB.databases()).map((d) => d.name!).sort();
    for (const name of databases) {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, unknown> = { version: db.version };
      for (const store of [...db.objectStoreNames].sort()) {
        stores[store] = await new Promise((resolve, reject) => {
          const tx = db.transaction(store);
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve({ keys: keys.result, values: values.result });
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      out[name] = stores;
    }
    return JSON.stringify(out);
  });
}

const SAY = 'Bonjour, je souhaite parler à {contact.name} au sujet de {company.name}, version brouillon.';

describe.each<ViewportName>(['laptop', 'phone'])('script preview at %s width', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
    await openWorklist(page, baseUrl);
    await becomeLead(page, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('walks a whole call on the draft, filled with the chosen dossier, and writes nothing to IndexedDB', async () => {
    const bundle = callableDebtors()[3]!;
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-library"]');
    await page.click('[data-testid="studio-duplicate-fr"]');
    await page.waitForURL(/\/scripts\/team\./);
    await page.getByRole('button', { name: /^2\. Identification/ }).click();
    await page.fill('#sf-steps-1-say', SAY);
    await page.waitForFunction(() => /enregistrées|saved/i.test(document.querySelector('[data-testid="studio-save-state"]')?.textContent ?? ''));

    // Through the toolbar's link, from the keyboard.
    await page.focus('[data-testid="studio-preview"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="preview-choose"]');
    await page.waitForSelector('[data-testid="preview-debtor"]');
    expect(await page.textContent('[data-testid="preview-banner"]')).toBe('Aperçu — rien n’est enregistré');
    const before = await dumpIndexedDb(page);
    await check(page, 'preview chooser', viewport);

    await page.fill('[data-testid="preview-search"]', bundle.debtor.name.slice(0, 12));
    const pick = page.locator(`[data-testid="preview-debtor"][data-debtor="${bundle.debtor.id}"]`);
    await pick.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="call"][data-step="presentation"]');
    expect(await page.textContent('[data-testid="preview-banner"]')).toBe('Aperçu — rien n’est enregistré');
    await check(page, 'preview call', viewport);

    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'identification');
    const words = ((await page.textContent('[data-testid="call-script"]')) ?? '').replace(/\s+/g, ' ');
    expect(words).toContain(SAY.replace('{contact.name}', callContact(bundle.contacts)!.name).replace('{company.name}', bundle.debtor.name));
    await page.click('[data-testid="contact-confirm"]');
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'explanation');
    await page.check('input[name="capture-explanation-invoices_received"][value="yes"]');
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'listening');
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'delay_reason');
    await page.check('input[name="delay-reason"][value="approval_workflow"]');
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'commitments');
    await page.check('#commitment-kind-none');
    await page.fill('#no-commitment-why', 'Attend la validation du gérant');
    await finishFromCommitments(page);
    await check(page, 'preview ended', viewport);

    expect(await dumpIndexedDb(page)).toBe(before);
    await page.click('[data-testid="preview-other"]');
    await page.waitForSelector('[data-testid="preview-choose"]');
    expect(await dumpIndexedDb(page)).toBe(before);

    // The real dossier never heard of the call.
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(bundle.debtor.id)}`);
    await page.waitForSelector('[data-testid="dossier"]');
    expect(await page.textContent('[data-testid="dossier"]')).not.toContain('Attend la validation du gérant');
  });
});
