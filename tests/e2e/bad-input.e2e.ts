/**
 * Bad input, typed with the keyboard as a careless or hostile agent would: each one gets the app's own
 * translated message naming the field and what it expects (or a confirmation), and nothing bad reaches
 * IndexedDB — read back directly from the browser's database, not only from the screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { contextOptions, launch } from './browser';
import { CALL, callableDebtors, inDays, openCall, probeDateOrder, typeDate, waitSaved, waitStep, walkToCommitments } from './call-helpers';

const baseUrl = inject('baseUrl');
/** Demo debtor due a formal notice (see after-call-pages). */
const NOTICE = 'd-0007';
const HIJACK_EMAIL = 'x?bcc=thief%40evil.example&y=@example.com';
const SCRIPT_PHONE = 'javascript:alert(1)';
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext(contextOptions('laptop'));
  await probeDateOrder(context);
  page = await context.newPage();
  // Seeds the demo portfolio in this fresh profile.
  await openWorklist(page, baseUrl);
});
afterEach(async () => {
  await context?.close();
});

/** Focuses a field, empties it and types `text` key by key. */
async function typeInto(selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/**
 * Types a whole date. Focus returns to the segment edited last (typing there would land the digits in the
 * year): ← three times reaches the first segment, as an agent would.
 */
async function typeDateInto(selector: string, iso: string): Promise<void> {
  await page.focus(selector);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await typeDate(page, iso);
}

/** Every record of one object store, read from the app's own database. */
function stored<T = Record<string, unknown>>(store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('cadence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** The commitment the call in progress has written to IndexedDB. */
async function storedCommitment(debtorId: string): Promise<unknown> {
  await waitSaved(page);
  const calls = await stored<{ debtorId: string; envelope: { snapshot: { context: { commitment: unknown } } } }>('calls');
  return calls.find((c) => c.debtorId === debtorId)?.envelope.snapshot.context.commitment ?? null;
}

const text = async (selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('links that cannot be hijacked', () => {
  it('refuses a hijacking e-mail and a javascript: phone in a contact correction, in French, and stores neither', async () => {
    const bundle = callableDebtors()[0]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'identification');
    await page.click('[data-testid="contact-check"] button[aria-controls="identification-contact-form"]');
    await typeInto('#identification-contact-phone', SCRIPT_PHONE);
    await typeInto('#identification-contact-email', HIJACK_EMAIL);
    await page.focus('[data-testid="contact-save"]');
    await page.keyboard.press('Enter');

    expect(await text('#identification-contact-phone-error')).toMatch(/^Téléphone : un numéro est attendu/);
    expect(await text('#identification-contact-email-error')).toMatch(/^E-mail : une adresse de la forme nom@domaine\.fr/);
    expect(await page.getAttribute('#identification-contact-email', 'aria-invalid')).toBe('true');
    // The app's own message, not the browser's English bubble: the form does not ask the browser to validate.
    expect(await page.$eval('#identification-contact-form', (f) => (f as HTMLFormElement).noValidate)).toBe(true);
    await waitSaved(page);
    const calls = await stored<{ debtorId: string; envelope: { snapshot: { context: { contactCheck: unknown } } } }>('calls');
    expect(calls.find((c) => c.debtorId === bundle.debtor.id)?.envelope.snapshot.context.contactCheck).toBeNull();

    // Corrected with real values, it saves.
    await typeInto('#identification-contact-phone', '04 72 00 12 34');
    await typeInto('#identification-contact-email', 'compta@exemple.fr');
    await page.focus('[data-testid="contact-save"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#identification-contact-form', { state: 'detached' });
    await waitSaved(page);
    const after = await stored<{ debtorId: string; envelope: { snapshot: { context: { contactCheck: { status: string; contact: { email: string } } } } } }>('calls');
    expect(after.find((c) => c.debtorId === bundle.debtor.id)?.envelope.snapshot.context.contactCheck).toMatchObject({ status: 'corrected', contact: { email: 'compta@exemple.fr' } });
  });

  it('shows a stored hijacking e-mail and phone as text in the dossier, never as mailto:/tel: links', async () => {
    const bundle = callableDebtors()[0]!;
    const contact = bundle.contacts[0]!;
    await page.evaluate(
      ({ id, email, phone }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('cadence');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('contacts', 'readwrite');
            const store = tx.objectStore('contacts');
            const req = store.get(id);
            req.onsuccess = () => store.put({ ...req.result, email, phone });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: contact.id, email: HIJACK_EMAIL, phone: SCRIPT_PHONE },
    );
    await page.goto(`${baseUrl}/debtors/${bundle.debtor.id}`);
    await page.waitForSelector('[data-testid="contacts"]');
    const hrefs = await page.$$eval('[data-testid="contacts"] a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /bcc|evil|alert/.test(h))).toEqual([]);
    expect(await page.textContent('[data-testid="contacts"]')).toContain(HIJACK_EMAIL);
  });
});

describe('plausible bounds in the call', () => {
  it('promise: 2999-12-31 refused with the range, above the debt asks for confirmation, a cleared promise is forgotten', async () => {
    const bundle = callableDebtors()[1]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await walkToCommitments(page, 'forgotten');
    await page.check('#commitment-kind-promise');
    await page.waitForSelector('[data-testid="promise-form"]');

    await typeInto('[data-testid="promise-amount"]', '500');
    await typeDateInto('[data-testid="promise-date"]', '2999-12-31');
    expect(await text('#promise-problems')).toMatch(/^Date de paiement : au plus un an à l’avance, soit jusqu’au \d{2}\/\d{2}\/\d{4}\.$/);
    expect(await storedCommitment(bundle.debtor.id)).toBeNull();

    await typeDateInto('[data-testid="promise-date"]', inDays(10));
    expect(await storedCommitment(bundle.debtor.id)).toMatchObject({ kind: 'promise', amountCents: 50_000, date: inDays(10) });

    // Emptying the amount and the date forgets the promise (it used to stay recorded as 500,00 €).
    await typeInto('[data-testid="promise-amount"]', '');
    // The date field's own clear (what the picker's "Effacer" does).
    await page.fill('[data-testid="promise-date"]', '');
    expect(await storedCommitment(bundle.debtor.id)).toBeNull();
    expect(await page.isDisabled('[data-testid="promise-restated"]')).toBe(true);

    // 99 999 999 € against what is owed: a warning that names both amounts, and nothing recorded until confirmed.
    await typeDateInto('[data-testid="promise-date"]', inDays(10));
    await typeInto('[data-testid="promise-amount"]', '99999999');
    expect(await text('[data-testid="promise-above-owed"]')).toMatch(/^Montant promis : 99 999 999,00 € dépasse ce qui est dû \([\d ]+,\d{2} €\)/);
    expect(await storedCommitment(bundle.debtor.id)).toBeNull();
    await page.focus('[data-testid="promise-confirm-above"]');
    await page.keyboard.press('Space');
    expect(await storedCommitment(bundle.debtor.id)).toMatchObject({ amountCents: 9_999_999_900 });
  });

  it('call-back on 2999-12-31 is refused with the range and the ending cannot be confirmed', async () => {
    const bundle = callableDebtors()[2]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await page.click('[data-testid="call-end"]');
    await page.waitForSelector('[data-testid="endings-dialog"][open]');
    await page.check('input[name="ending"][value="call_back_requested"]');
    await typeDateInto('#cb-date', '2999-12-31');
    expect(await text('#cb-date-error')).toMatch(/^Date du rappel : au plus un an à l’avance, soit jusqu’au /);
    expect(await page.isDisabled('[data-testid="ending-confirm"]')).toBe(true);
    await page.keyboard.press('Escape');
    await waitSaved(page);
    expect(await page.getAttribute(CALL, 'data-phase')).toBe('step');
    expect(await stored('tasks').then((tasks) => tasks.filter((t) => String(t['dueDate']).startsWith('2999')))).toEqual([]);
  });
});

describe('plausible bounds after the call', () => {
  it('payment: 1900-01-01 and tomorrow refused with the range; two back-to-back submits store one payment', async () => {
    const bundle = callableDebtors()[0]!;
    const payments = async () => (await stored('activities')).filter((a) => a['debtorId'] === bundle.debtor.id && a['type'] === 'payment').length;
    const before = await payments();
    await page.goto(`${baseUrl}/debtors/${bundle.debtor.id}/payments/new`);
    await page.waitForSelector('[data-testid="payment-form"]');
    await typeInto('[data-testid="payment-amount"]', '10');
    await typeDateInto('#payment-date', '1900-01-01');
    await page.focus('[data-testid="payment-submit"]');
    await page.keyboard.press('Enter');
    expect(await text('#payment-date-error')).toMatch(/^Date de réception : pas avant l’émission de la plus ancienne facture cochée \(\d{2}\/\d{2}\/\d{4}\)/);
    await typeDateInto('#payment-date', inDays(1));
    await page.focus('[data-testid="payment-submit"]');
    await page.keyboard.press('Enter');
    expect(await text('#payment-date-error')).toMatch(/^Date de réception : au plus tard aujourd’hui/);
    expect(await payments()).toBe(before);

    await typeDateInto('#payment-date', inDays(0));
    // Two submits in the same tick, as a double Enter on a slow device delivers them.
    await page.$eval('[data-testid="payment-form"]', (form) => {
      (form as HTMLFormElement).requestSubmit();
      (form as HTMLFormElement).requestSubmit();
    });
    await page.waitForSelector('[data-testid="dossier"]');
    expect(await payments()).toBe(before + 1);
  });

  it('plan: −5, 0 and 12.5 instalments are refused with the range, never silently turned into another count', async () => {
    await page.goto(`${baseUrl}/debtors/${NOTICE}/plans/new`);
    await page.waitForSelector('[data-testid="plan-form"]');
    const rows = () => page.$$eval('.plan-table tbody tr', (r) => r.length);
    expect(await rows()).toBe(3);
    for (const bad of ['-5', '0', '12.5']) {
      await typeInto('#plan-count', bad);
      await page.focus('[data-testid="plan-generate"]');
      await page.keyboard.press('Enter');
      expect(await text('[data-testid="plan-count-error"]'), bad).toBe('Nombre d’échéances : un nombre entier de 1 à 24.');
      expect(await rows(), bad).toBe(3);
    }
    await typeInto('#plan-count', '4');
    await page.focus('[data-testid="plan-generate"]');
    await page.keyboard.press('Enter');
    expect(await rows()).toBe(4);
    expect(await page.$('[data-testid="plan-count-error"]')).toBeNull();
  });

  it('rates: 99 999 % refused for the ECB table and for a contractual rate, nothing saved', async () => {
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('[data-testid="rates-save"]');
    const before = await stored('settings');
    await typeInto('input[aria-label="Taux en %, ligne 1"] >> nth=0', '99999');
    await page.focus('[data-testid="rates-save"]');
    await page.keyboard.press('Enter');
    expect(await text('#rate-ecb-0-error')).toBe('Taux BCE : entre 0 % et 15 % l’an.');

    await page.goto(`${baseUrl}/debtors/${NOTICE}`);
    await page.waitForSelector('[data-testid="penalties"]');
    await page.click('.contractual summary');
    await typeInto('[data-testid="contractual-rate"]', '99999');
    await page.keyboard.press('Enter');
    expect(await text('#contractual-error')).toBe('Taux contractuel : entre 0 % et 50 % l’an.');
    expect(await stored('settings')).toEqual(before);
  });
});

describe('letterhead formats', () => {
  it('an 18-character FR IBAN, a wrong SIREN key, a 4-digit postcode, a hijacking e-mail: each says what it expects, nothing saved', async () => {
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('[data-testid="creditor-save"]');
    const before = await stored('settings');
    await typeInto('#creditor-iban', 'FR76 3000 6000 0112 34');
    await typeInto('#creditor-siren', '812 345 677');
    await typeInto('#creditor-postalCode', '7501');
    await typeInto('#creditor-email', HIJACK_EMAIL);
    await typeInto('#creditor-phone', SCRIPT_PHONE);
    await page.focus('[data-testid="creditor-save"]');
    await page.keyboard.press('Enter');
    expect(await text('#creditor-iban-error')).toBe('IBAN : 27 caractères attendus pour un IBAN FR, 18 saisis.');
    expect(await text('#creditor-siren-error')).toMatch(/^SIREN : la clé de contrôle/);
    expect(await text('#creditor-postalCode-error')).toBe('Code postal : 5 chiffres attendus en France (ex. 75011).');
    expect(await text('#creditor-email-error')).toMatch(/^E-mail : une adresse de la forme/);
    expect(await text('#creditor-phone-error')).toMatch(/^Téléphone : un numéro est attendu/);
    expect(await stored('settings')).toEqual(before);
  });
});

describe('text that prints as typed', () => {
  it('a U+202E in the company name is not stored, and a 3,000-character address wraps on the printed letter', async () => {
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('#profile-company');
    await typeInto('#profile-company', 'Atelier ');
    await page.keyboard.insertText('\u202E');
    await page.keyboard.type('Lumière SAS');
    await page.focus('form[aria-labelledby="profile-title"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent?.trim());
    const settings = await stored('settings');
    expect(JSON.stringify(settings)).toContain('Atelier Lumière SAS');
    expect(JSON.stringify(settings)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

    await page.focus('#creditor-line1');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('9'.repeat(3000));
    await page.focus('[data-testid="creditor-save"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /enregistré/.test(document.querySelector('.creditor-form [role="status"]')?.textContent ?? ''));

    await page.goto(`${baseUrl}/debtors/${NOTICE}/letters/formal_notice`);
    await page.waitForSelector('[data-testid="letter"][data-kind="formal_notice"]');
    expect(await page.textContent('[data-testid="letter"]')).toContain('Atelier Lumière SAS');
    expect(await page.textContent('[data-testid="letter"]')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await page.emulateMedia({ media: 'print' });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      sheet: document.querySelector('.letter-sheet')?.scrollWidth ?? 0,
      sheetBox: document.querySelector('.letter-sheet')?.clientWidth ?? 0,
    }));
    expect(widths.sheet).toBeLessThanOrEqual(widths.sheetBox);
    expect(widths.page).toBeLessThanOrEqual(1366);
  });
});

describe('unknown ids', () => {
  it.each(['call', 'recap'])('the %s page of an unknown debtor says so in French, title included', async (kind) => {
    await page.goto(`${baseUrl}/debtors/nobody-here/${kind}`);
    await page.waitForSelector(`[data-testid="${kind}-not-found"]`);
    expect(await text('h1')).toBe('Dossier introuvable');
    expect(await page.title()).toBe('Dossier introuvable · Cadence');
    expect(await page.textContent('main')).not.toMatch(/notFound|\{\{/);
  });
});
