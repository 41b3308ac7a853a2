/**
 * Monday morning with real data, as a new user would live it (issue 13):
 * - an aged balance exported by French Excel (`;`, decimal comma, UTF-8 with BOM) comes in through the import
 *   wizard, reached from the empty worklist with the keyboard; the worklist shows those debtors with the right
 *   totals; a call on the real call screen records a promise; a newer file (Windows-1252) no longer lists the
 *   promised invoice: it is closed, paid on the import date, and the promise reads kept;
 * - backup → delete all → restore from the file with its preview gives back the same database, store by store
 *   (a canonical digest of every IndexedDB store, read in the page), and the same worklist.
 * The files are written by the test itself, with dates relative to today, so they never go stale.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../src/session/today';
import { addDays } from '../../src/domain/calendar/isoDate';
import { openSettings, openWorklist, ROW, visibleRowTexts, worklistReady } from './app';
import { contextOptions, expectAccessibleAndFitting, launch } from './browser';
import { finishFromCommitments, squash, startCallFromDossier, tabTo, walkToCommitments } from './call-helpers';
import { promiseDay } from './screens';
import dossierFr from '../../src/i18n/locales/fr/dossier.json';

const baseUrl = inject('baseUrl');
const today = todayIso();
const dir = mkdtempSync(join(tmpdir(), 'cadence-import-journeys-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `dd/mm/yyyy`, as French Excel writes dates. */
const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const HEADER = 'Code client;Raison sociale;N° facture;Date facture;Échéance;Montant TTC;Reste dû;Téléphone;E-mail';

/** The first aged balance: 2 debtors, 3 overdue invoices and a grand-total line (left out by the import). */
function firstBalance(): string {
  const lines = [
    HEADER,
    `M01;Menuiserie Éloïse;FA-1001;${fr(addDays(today, -70))};${fr(addDays(today, -40))};1 234,56;1 234,56;01 23 45 67 89;compta@menuiserie-eloise.fr`,
    `M01;Menuiserie Éloïse;FA-1002;${fr(addDays(today, -50))};${fr(addDays(today, -20))};2 000,00;2 000,00;01 23 45 67 89;compta@menuiserie-eloise.fr`,
    `C02;Café Léon;FA-2001;${fr(addDays(today, -55))};${fr(addDays(today, -25))};850,40;850,40;04 78 00 11 22;gerant@cafe-leon.fr`,
    'Total général;;;;;4 085,96;4 085,96;;',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A week later in the ERP: the café paid FA-2001 and was invoiced again (not due yet); the rest is unchanged. */
function newerBalance(): string {
  const lines = [
    HEADER,
    `M01;Menuiserie Éloïse;FA-1001;${fr(addDays(today, -70))};${fr(addDays(today, -40))};1 234,56;1 234,56;01 23 45 67 89;compta@menuiserie-eloise.fr`,
    `M01;Menuiserie Éloïse;FA-1002;${fr(addDays(today, -50))};${fr(addDays(today, -20))};2 000,00;2 000,00;01 23 45 67 89;compta@menuiserie-eloise.fr`,
    `C02;Café Léon;FA-2002;${fr(today)};${fr(addDays(today, 30))};420,00;420,00;04 78 00 11 22;gerant@cafe-leon.fr`,
    'Total général;;;;;3 654,56;3 654,56;;',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Windows-1252 bytes: every character these files use is in Latin-1, where the two encodings agree. */
function windows1252(text: string): Buffer {
  if ([...text].some((c) => c.charCodeAt(0) > 0xff)) throw new Error('outside Latin-1: encode it by hand');
  return Buffer.from(text, 'latin1');
}

function writeFile(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function clearAll(page: Page): Promise<void> {
  await openSettings(page, baseUrl);
  await page.click('[data-testid="clear-data"]');
  await page.click('[data-testid="confirm-clear"]');
  await page.waitForSelector('[data-testid="data-notice"]');
}

async function importAndCommit(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-file"]', path);
  await page.waitForSelector('[data-testid="import-plan"]', { timeout: 20_000 });
  await page.click('[data-testid="import-commit"]');
  await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
}

/** The painted row of a debtor, whitespace squashed (amounts use narrow no-break spaces). */
async function rowOf(page: Page, name: string): Promise<string> {
  const row = (await visibleRowTexts(page)).find((r) => r.includes(name));
  if (!row) throw new Error(`no worklist row for ${name}`);
  return squash(row);
}

/**
 * A digest of every object store of the app's database, read in the page with raw IndexedDB: per store, the
 * record count and a SHA-256 of its [key, value] pairs as canonical JSON (keys sorted), in key order.
 */
function databaseDigest(page: Page): Promise<Record<string, { count: number; sha256: string }>> {
  return page.evaluate(async () => {
    const canonical = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
      if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o)
          .sort()
          .filter((k) => o[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
          .join(',')}}`;
      }
      return JSON.stringify(v);
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cadence');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, { count: number; sha256: string }> = {};
    try {
      for (const name of [...db.objectStoreNames].sort()) {
        const store = db.transaction(name).objectStore(name);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (req) => new Promise<unknown[]>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error)))),
          ),
        );
        const text = canonical(keys!.map((k, i) => [k, values![i]]));
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        out[name] = { count: keys!.length, sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('') };
      }
    } finally {
      db.close();
    }
    return out;
  });
}

describe('an aged balance in, a call, a newer balance in', () => {
  let context: BrowserContext;
  let page: Page;
  let cafeHref = '';

  beforeAll(async () => {
    context = await browser.newContext(contextOptions('phone'));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('from the empty worklist, the import wizard is reached with the keyboard', async () => {
    await openWorklist(page, baseUrl);
    await clearAll(page);
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('[data-testid="empty-import"]', { timeout: 30_000 });
    await tabTo(page, '[data-testid="empty-import"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="import-page"]');
    expect(new URL(page.url()).pathname).toBe('/settings/import');
    // The file picker itself is the next stop of the keyboard on that page.
    await tabTo(page, '[data-testid="import-file"]');
  });

  it('imports the Excel file (UTF-8 with BOM, `;`, decimal comma) and the worklist shows the right totals', async () => {
    await importAndCommit(page, writeFile('balance-agee.csv', firstBalance()));
    await page.click('[data-testid="import-done"] a');
    expect(await worklistReady(page)).toBe(2);
    expect(await rowOf(page, 'Menuiserie Éloïse')).toContain('3234,56€');
    expect(await rowOf(page, 'Café Léon')).toContain('850,40€');
    // The grand-total line is no debtor.
    expect((await visibleRowTexts(page)).some((r) => r.includes('Total général'))).toBe(false);
    // Each row names the payment-history segment; an imported debtor has a short history, late today.
    const segments = await page.$$eval('[data-testid="worklist-history"]', (b) => b.map((x) => x.getAttribute('data-segment')));
    expect(segments).toHaveLength(2);
    await expectAccessibleAndFitting(page, 'worklist after import', 'phone');
  });

  it('a call on the call screen records a promise on the café’s invoice', async () => {
    const href = await page.$$eval(ROW, (rows) => rows.find((r) => r.textContent?.includes('Café Léon'))?.getAttribute('href'));
    if (!href) throw new Error('no row for Café Léon');
    const debtorId = decodeURIComponent(href.split('/').pop()!);
    await startCallFromDossier(page, baseUrl, debtorId);
    await walkToCommitments(page, 'cash_flow');
    await page.fill('#promise-amount', '850,40');
    await page.fill('#promise-date', promiseDay());
    await page.waitForSelector('#promise-restated:not([disabled])');
    await page.check('#promise-restated');
    await finishFromCommitments(page);
    await page.goto(`${baseUrl}${href}`);
    await page.waitForSelector('[data-testid="promises"]');
    const promises = squash(await page.textContent('[data-testid="promises"]'));
    expect(promises).toContain('850,40€');
    expect(promises).toContain(squash(dossierFr.promises.status.pending));
    cafeHref = href;
  });

  it('a newer Windows-1252 file closes the paid invoice on the import date, and the promise reads kept', async () => {
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', writeFile('balance-agee-semaine-2.csv', windows1252(newerBalance())));
    await page.waitForSelector('[data-testid="import-plan"]', { timeout: 20_000 });
    expect(await page.$eval('[data-testid="import-encoding"]', (s) => (s as HTMLSelectElement).value)).toBe('windows-1252');
    expect(await page.textContent('[data-testid="plan-invoices"]')).toContain('1 soldée');
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });

    await page.goto(`${baseUrl}/`);
    // The café owes nothing overdue any more; it stays listed for the follow-up the call left (the recap).
    await worklistReady(page);
    expect(await rowOf(page, 'Menuiserie Éloïse')).toContain('3234,56€');
    const cafeRow = await rowOf(page, 'Café Léon');
    expect(cafeRow).toContain('0,00€');
    expect(cafeRow).not.toContain('850,40€');

    const cafe = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('cadence');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error);
        });
      // Invoices live in their debtors' blocks (database v11).
      const all = async (store: string) =>
        store === 'invoices' ? (await read('invoiceBlocks')).flatMap((b) => b.invoices as Record<string, unknown>[]) : read(store);
      const [debtors, invoices, promises, activities] = await Promise.all([all('debtors'), all('invoices'), all('promises'), all('activities')]);
      db.close();
      const id = debtors.find((d) => d.name === 'Café Léon')?.id;
      return {
        invoices: invoices.filter((i) => i.debtorId === id).map((i) => ({ number: i.number, status: i.status, paid: i.amountPaidCents })),
        promises: promises.filter((p) => p.debtorId === id).map((p) => ({ status: p.status, paid: p.paidCents })),
        payments: activities.filter((a) => a.debtorId === id && a.type === 'payment').map((a) => (a.details as { date?: string }).date),
      };
    });
    expect(cafe.invoices.sort((a, b) => String(a.number).localeCompare(String(b.number)))).toEqual([
      { number: 'FA-2001', status: 'paid', paid: 85_040 },
      { number: 'FA-2002', status: 'open', paid: 0 },
    ]);
    expect(cafe.payments).toEqual([today]);
    expect(cafe.promises).toEqual([{ status: 'kept', paid: 85_040 }]);

    // The dossier says so too: the promise kept, the invoice among the paid ones.
    await page.goto(`${baseUrl}${cafeHref}`);
    await page.waitForSelector('[data-testid="promises"]');
    expect(await page.textContent('[data-testid="promises"]')).toContain(dossierFr.promises.status.kept);
    expect(await page.textContent('[data-testid="invoices-paid"]')).toContain('FA-2001');
  });

  it('a partial file (another branch’s ledger) closes nothing for the absent debtors once the agent says so, with the keyboard', async () => {
    // Only a debtor Cadence does not know: read as a full export, it would close every invoice held.
    const branch = [HEADER, `B03;Boulangerie Rive Gauche;FA-3001;${fr(addDays(today, -60))};${fr(addDays(today, -30))};600,00;600,00;;`].join('\r\n');
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', writeFile('balance-agence-rive-gauche.csv', `\uFEFF${branch}\r\n`));
    await page.waitForSelector('[data-testid="plan-closing-absent"]', { timeout: 20_000 });
    expect(squash(await page.textContent('[data-testid="plan-closing-absent"]'))).toContain(
      squash('2 débiteurs de votre portefeuille n’apparaissent pas du tout dans ce fichier : 3 factures ouvertes, 3 654,56 € au total.'),
    );
    // The newer-export rule stays preselected, with a warning that says how to keep the absent debtors open.
    expect(await page.$$eval('[name="import-absent-debtors"]', (r) => r.map((x) => (x as HTMLInputElement).checked))).toEqual([true, false]);
    expect(await page.textContent('[data-testid="import-absent-why"]')).toContain('Aucun débiteur du fichier ne correspond');
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await expectAccessibleAndFitting(page, `import asking about absent debtors at ${width} px`, 'phone');
    }

    // Keyboard only: Tab to the radio group, the arrow picks "partial", Tab to Import, Enter.
    await tabTo(page, '[data-testid="import-absent-close"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.querySelector('[data-testid="import-absent-keep"]') as HTMLInputElement | null)?.checked === true, null, { timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="import-commit"]') as HTMLButtonElement | null)?.disabled === false, null, { timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-absent-keep');
    expect(squash(await page.textContent('[data-testid="plan-totals"]'))).toContain(squash('après : 4 254,56 €'));
    await tabTo(page, '[data-testid="import-commit"]');
    await page.keyboard.press('Enter');
    const done = await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
    expect(squash(await done.textContent())).toContain(squash('3 factures des débiteurs absents du fichier restent ouvertes.'));

    await page.goto(`${baseUrl}/`);
    await worklistReady(page);
    expect(await rowOf(page, 'Menuiserie Éloïse')).toContain('3234,56€');
    expect(await rowOf(page, 'Boulangerie Rive Gauche')).toContain('600,00€');
    const open = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('cadence');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // Invoices live in their debtors' blocks (database v11).
      const blocks = await new Promise<{ invoices: Record<string, unknown>[] }[]>((resolve, reject) => {
        const req = db.transaction('invoiceBlocks').objectStore('invoiceBlocks').getAll();
        req.onsuccess = () => resolve(req.result as { invoices: Record<string, unknown>[] }[]);
        req.onerror = () => reject(req.error);
      });
      const invoices = blocks.flatMap((b) => b.invoices);
      db.close();
      return invoices.filter((i) => i.status !== 'paid').map((i) => String(i.number)).sort();
    });
    expect(open).toEqual(['FA-1001', 'FA-1002', 'FA-2002', 'FA-3001']);
  });
});

describe('backup, delete all, restore', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ ...contextOptions('laptop'), acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('gives back an identical database, store by store, and the same worklist', async () => {
    const count = await openWorklist(page, baseUrl);
    expect(count).toBeGreaterThan(10);
    const rowsBefore = await visibleRowTexts(page);
    await openSettings(page, baseUrl);

    const download = page.waitForEvent('download');
    await page.click('[data-testid="backup-now"]');
    const file = await download;
    // The database as the backup left it: its own date is in it (and in the file), so the restored database
    // knows a backup of it exists and the 7-day reminder does not come back.
    const before = await databaseDigest(page);
    expect(before.debtors?.count).toBeGreaterThan(10);
    expect(before.settings?.count).toBeGreaterThan(0);
    expect(file.suggestedFilename()).toMatch(/^cadence-\d{4}-\d{2}-\d{2}\.cadence-backup$/);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    expect(readFileSync(path).length).toBeGreaterThan(1_000);

    await page.click('[data-testid="clear-data"]');
    await page.click('[data-testid="confirm-clear"]');
    await page.waitForSelector('[data-testid="data-notice"]');
    const emptied = await databaseDigest(page);
    expect(emptied.debtors?.count).toBe(0);

    await page.setInputFiles('[data-testid="restore-file"]', path);
    const preview = await page.waitForSelector('[data-testid="restore-preview"]');
    // The preview says what each store holds now and after the restore.
    // Each store named in words (the line's data-store keeps the database's name for tests).
    const debtorsLine = await preview.$eval('tbody tr[data-store="debtors"]', (r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()));
    expect(debtorsLine).toEqual(['Débiteurs', '0', String(before.debtors?.count)]);
    // Deleting the portfolio kept the settings: the restore changes none of them (no spurious 1 → 0).
    const settingsLine = await preview.$eval('tbody tr[data-store="settings"]', (r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim()));
    expect(settingsLine[1]).toBe(settingsLine[2]);
    await expectAccessibleAndFitting(page, 'restore preview', 'laptop');
    await page.click('[data-testid="restore-start"]');
    await page.click('[data-testid="restore-confirm"]');
    await page.waitForSelector('[data-testid="backup-notice"][role="status"]');

    expect(await databaseDigest(page)).toEqual(before);
    await page.goto(`${baseUrl}/`);
    expect(await worklistReady(page)).toBe(count);
    expect(await visibleRowTexts(page)).toEqual(rowsBefore);
  });
});
