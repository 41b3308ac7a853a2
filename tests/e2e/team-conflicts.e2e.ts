/**
 * Two agents edit the same contact while offline (issue 14, "A and B edit the same contact offline → one
 * deterministic result on both, the other edit shown"). A (the admin, laptop) and B (an agent, phone) each
 * correct the dialled contact during a call with no network: A changes the phone, B the phone and the email.
 * A comes back first, so the server applies A's phone; then B comes back. Field by field, in server order:
 * A's phone wins, B's email (which nobody else touched) is kept, and both devices show the same contact.
 * B's device tells B, in words, on the dossier and in Settings → Team: which field, the value B typed, the
 * value kept and who entered it. A has nothing to be told.
 */
import { describe, expect, inject, it } from 'vitest';
import { callContact } from '../../src/domain/call/facts';
import { expectAccessibleAndFitting } from './browser';
import { callableDebtors, CALL, openCall, tabTo, waitCommitted, waitSaved, waitStep } from './call-helpers';
import { ADMIN, joinedTeamWorld, openTeamSettings } from './team-setup';
import type { Page } from 'playwright-core';

const baseUrl = inject('baseUrl');
const world = joinedTeamWorld(baseUrl);

const A_PHONE = '06 11 22 33 44';
const B_PHONE = '07 55 66 77 88';
const B_EMAIL = 'compta.nouvelle@exemple.fr';

/** Both no-break spaces French typography uses, as plain spaces. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.fill(selector, '');
  await page.focus(selector);
  await page.keyboard.type(text);
}

/** In a call already open: step 2, "Correct" the dialled contact, save, then end the call (the contact refuses to talk further) and wait for the commit. */
async function correctContactAndHangUp(page: Page, fields: { phone: string; email?: string }): Promise<void> {
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'identification');
  await page.click('[data-testid="contact-check"] button[aria-controls="identification-contact-form"]');
  await retype(page, '#identification-contact-phone', fields.phone);
  if (fields.email) await retype(page, '#identification-contact-email', fields.email);
  await page.click('[data-testid="contact-save"]');
  await page.waitForSelector('#identification-contact-form', { state: 'detached' });
  await waitSaved(page);
  await page.click('[data-testid="call-end"]');
  await page.waitForSelector('[data-testid="endings-dialog"][open]');
  await page.check('input[name="ending"][value="refusal"]');
  await page.click('[data-testid="ending-confirm"]');
  await waitCommitted(page);
}

describe('the same contact edited on two devices offline', () => {
  it('ends with one result on both, server order field by field, and the losing device says what it lost', async () => {
    const { a, b, contextA, contextB } = world();
    const bundle = callableDebtors()[2]!;
    const contact = callContact(bundle.contacts)!;
    const dossierUrl = `${baseUrl}/debtors/${encodeURIComponent(bundle.debtor.id)}`;

    // Both open the call while online (the screen's code is loaded), then lose the network before editing.
    await openCall(a, baseUrl, bundle.debtor.id);
    await openCall(b, baseUrl, bundle.debtor.id);
    await contextA.setOffline(true);
    await contextB.setOffline(true);
    await a.waitForFunction(() => navigator.onLine === false);
    await b.waitForFunction(() => navigator.onLine === false);

    await correctContactAndHangUp(a, { phone: A_PHONE });
    await correctContactAndHangUp(b, { phone: B_PHONE, email: B_EMAIL });
    // Offline, nothing reached the server.
    expect(await world().serverRecord('contact', contact.id)).toMatchObject({ phone: contact.phone });

    // A comes back first: the server takes A's phone.
    await contextA.setOffline(false);
    await expect.poll(async () => (await world().serverRecord('contact', contact.id))?.phone, { timeout: 20_000, interval: 200 }).toBe(A_PHONE);
    // Then B: its phone arrives second and is lost; its email, uncontested, is applied.
    await contextB.setOffline(false);
    await expect.poll(async () => (await world().serverRecord('contact', contact.id))?.email, { timeout: 20_000, interval: 200 }).toBe(B_EMAIL);
    expect(await world().serverRecord('contact', contact.id)).toMatchObject({ phone: A_PHONE, email: B_EMAIL });

    // One result on both devices.
    const contactsText = async (page: Page) => plain(await page.textContent('[data-testid="dossier"] [data-testid="contacts"]'));
    for (const page of [a, b]) {
      await page.goto(dossierUrl);
      await page.waitForSelector('[data-testid="dossier"] [data-testid="contacts"]', { timeout: 30_000 });
      await page.waitForFunction(
        ({ phone, email }) => {
          const text = document.querySelector('[data-testid="dossier"] [data-testid="contacts"]')?.textContent ?? '';
          return text.includes(phone) && text.includes(email);
        },
        { phone: A_PHONE, email: B_EMAIL },
        { timeout: 20_000 },
      );
      expect(await contactsText(page)).not.toContain(B_PHONE);
    }

    // B is told on the dossier: the field, B's value, the kept value and who entered it.
    const notice = '[data-testid="dossier-lost-edits"]';
    await b.waitForSelector(`${notice} [data-testid="dossier-lost-edit"][data-field="phone"]`, { timeout: 20_000 });
    const said = plain(await b.textContent(`${notice} [data-testid="dossier-lost-edit"][data-field="phone"]`));
    expect(said).toContain(contact.name);
    expect(said).toContain('« téléphone »');
    expect(said).toContain(`« ${B_PHONE} »`);
    expect(said).toContain(`« ${A_PHONE} »`);
    expect(said).toContain(ADMIN.name);
    // Only the contested field: the email went through.
    expect(await b.$$eval(`${notice} [data-testid="dossier-lost-edit"]`, (items) => items.length)).toBe(1);
    expect(await b.getAttribute(`${notice} [role="status"]`, 'role')).toBe('status');
    await expectAccessibleAndFitting(b, 'dossier with a lost edit', 'phone');
    if (process.env.CADENCE_SCREENSHOTS) {
      await b.locator(notice).scrollIntoViewIfNeeded();
      await b.screenshot({ path: `${process.env.CADENCE_SCREENSHOTS}/dossier-lost-edit-390.png` });
    }
    // A won: nothing to tell A.
    expect(await a.$(notice)).toBeNull();

    // Settings → Team lists it too, in the same words; English says it in English.
    await openTeamSettings(b, baseUrl);
    await b.waitForSelector('[data-testid="lost-edits"] li');
    expect(plain(await b.textContent('[data-testid="lost-edits"] li'))).toContain(said.slice(said.indexOf('Votre modification')));

    // Dismissed from the keyboard on the dossier, it goes from both places.
    await b.goto(dossierUrl);
    await b.waitForSelector(notice, { timeout: 20_000 });
    await tabTo(b, `${notice} button`);
    await b.keyboard.press('Enter');
    await b.waitForSelector(notice, { state: 'detached' });
    await openTeamSettings(b, baseUrl);
    expect(await b.$('[data-testid="lost-edits"]')).toBeNull();
    expect(await b.$(CALL)).toBeNull();
  });
});
