import { DEFAULT_CREDITOR } from '../../storage/preferences';
import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeContact, makeDebtor, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { letterPlainText } from '../../domain/drafts/letterPlainText';
import { letter } from '../../domain/drafts/letters';
import { DEFAULT_SETTINGS, type RateSettings } from '../../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../../domain/penalties/rates';
import { dossierRung } from '../../domain/ladder/dossier-rung';
import { fillLetter, previousReminders } from './letter-input';

const rates: RateSettings = { schemaVersion: 1, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };
const TODAY = '2026-11-23';

const bundle = makeBundle({
  contacts: [makeContact({ name: 'Paul Henry', preferred: false, id: 'c0' }), makeContact()],
  invoices: [
    makeInvoice({ id: 'i1', number: 'FA-2026-0001', dueDate: '2026-09-15', amountInclVatCents: 120_000, amountPaidCents: 20_000 }),
    makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-10-01', amountInclVatCents: 60_000 }),
    makeInvoice({ id: 'i3', number: 'FA-2026-0003', dueDate: '2026-12-20', amountInclVatCents: 10_000 }),
  ],
  activities: [
    makeActivity({ id: 'r1', type: 'email', at: '2026-09-21T06:30:00.000Z', outcome: 'sent', details: { step: 'first_reminder' } }),
    makeActivity({ id: 'r2', type: 'letter', at: '2026-10-07T06:30:00.000Z', outcome: 'sent', details: { step: 'second_reminder' } }),
  ],
});
const ctx = { bundle, settings: DEFAULT_SETTINGS, creditor: DEFAULT_CREDITOR, rates, today: TODAY };

describe('previousReminders', () => {
  it('quotes the written reminders of the current episode, oldest first', () => {
    expect(previousReminders(bundle, TODAY)).toEqual(['2026-09-21', '2026-10-07']);
  });
});

describe('fillLetter', () => {
  it('fills a French formal notice: both parties, overdue invoices only, penalties, deadline, how to pay', () => {
    const filled = fillLetter('formal_notice', ctx);
    expect(filled.invoiceIds).toEqual(['i1', 'i2']);
    expect(filled.input.debtor.contactName).toBe('Sophie Lemaire');
    expect(filled.input.penalties).toMatchObject({ basis: 'statutory', indemnityCents: 8_000, asOf: TODAY });
    expect(filled.input.penalties?.interestCents).toBeGreaterThan(0);
    expect(filled.totalCents).toBe(160_000 + (filled.input.penalties?.interestCents ?? 0) + 8_000);
    const text = letterPlainText(letter('formal_notice', filled.input));
    expect(text).toContain('mise en demeure');
    expect(text).toContain('Atelier Lumière SAS');
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toMatch(/FA-2026-0001[\s\S]*FA-2026-0002/);
    expect(text).not.toContain('FA-2026-0003');
    expect(text).toContain('01/12/2026'); // 8 days after 23 Nov
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).toContain('du 21/09/2026 et du 07/10/2026');
  });

  it('writes in the debtor’s language and leaves penalty amounts out of the first reminder', () => {
    const english = { ...ctx, bundle: { ...bundle, debtor: makeDebtor({ language: 'en' }) } };
    const filled = fillLetter('first_reminder', english);
    expect(filled.input.locale).toBe('en');
    expect(filled.input.penalties).toBeUndefined();
    const text = letterPlainText(letter('first_reminder', filled.input));
    expect(text).not.toMatch(/relance n°\s*1/i);
    expect(text).toContain('FA-2026-0002');
  });
});

describe('fillLetter, law and settings', () => {
  const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
  const consumer = { ...ctx, bundle: { ...bundle, debtor: makeDebtor({ kind: 'consumer' }) } };

  it('a consumer’s second reminder and formal notice never cite L441-10, the ECB + 10 points, the 40 € indemnity or an insurer', () => {
    const withInsurer = { ...consumer, creditor: { ...DEFAULT_CREDITOR, creditInsurer: 'Allianz Trade' } };
    for (const kind of ['second_reminder', 'formal_notice'] as const) {
      const filled = fillLetter(kind, withInsurer);
      expect(filled.input.penalties).toMatchObject({ basis: 'legal', interestCents: 0, indemnityCents: 0 });
      const text = plain(letterPlainText(letter(kind, filled.input)));
      expect(text).not.toMatch(/L441|D441|Banque centrale|10 points|40 €|assureur/);
      expect(text).toContain('article 1231-6 du Code civil');
    }
    expect(fillLetter('formal_notice', consumer).totalCents).toBe(160_000);
  });

  it('counts a consumer’s legal interest from the formal notice already sent in this episode', () => {
    const notice = makeActivity({ id: 'n1', type: 'letter', at: '2026-10-23T06:30:00.000Z', outcome: 'sent', details: { step: 'formal_notice' } });
    const after = { ...consumer, bundle: { ...consumer.bundle, activities: [...bundle.activities, notice] } };
    const filled = fillLetter('second_reminder', after);
    // From 24 October at the legal rate (worked to the cent in domain/penalties); never before the notice.
    expect(filled.input.penalties).toMatchObject({ basis: 'legal', since: '2026-10-23', indemnityCents: 0 });
    expect(filled.input.penalties?.interestCents).toBeGreaterThan(0);
    expect(plain(letterPlainText(letter('second_reminder', filled.input)))).toContain('Depuis notre mise en demeure du 23/10/2026');
  });

  it('takes the formal notice’s deadline from Settings and names the credit insurer only when Settings has one', () => {
    // 23 Nov 2026 + 15 days = Tuesday 8 December, a business day.
    const fifteen = fillLetter('formal_notice', { ...ctx, creditor: { ...DEFAULT_CREDITOR, formalNoticeDays: 15 } });
    expect(fifteen.input.deadlineDays).toBe(15);
    const doc = letter('formal_notice', fifteen.input);
    expect(doc.deadline).toBe('2026-12-08');
    expect(plain(letterPlainText(doc))).toContain('dans un délai de 15 jours à compter de la date de la présente mise en demeure, soit au plus tard le mardi 08/12/2026');
    expect(plain(letterPlainText(letter('formal_notice', fillLetter('formal_notice', ctx).input)))).not.toMatch(/assureur/);
  });
});

describe('fillLetter, what it demands', () => {
  const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

  it('lists only the invoices overdue on the letter’s date, though the ladder’s rung, later, names more', () => {
    // The first reminder's rung falls after 16 September: drafted on the 15th, it must not demand FA-B, due the 16th.
    const early = makeBundle({
      invoices: [
        makeInvoice({ id: 'a', number: 'FA-A', dueDate: '2025-09-12', amountInclVatCents: 120_000 }),
        makeInvoice({ id: 'b', number: 'FA-B', dueDate: '2025-09-16', amountInclVatCents: 50_000 }),
      ],
      activities: [],
    });
    const today = '2025-09-15';
    expect(dossierRung(early, today)?.invoiceIds).toContain('b');
    const filled = fillLetter('first_reminder', { ...ctx, bundle: early, today });
    expect(filled.invoiceIds).toEqual(['a']);
    expect(filled.totalCents).toBe(120_000);
    const text = letterPlainText(letter('first_reminder', filled.input));
    expect(text).toContain('FA-A');
    expect(text).not.toContain('FA-B');
  });

  it('says when a contract’s rate was raised to three times the legal rate, and claims at that floor', () => {
    // 1 % in the terms, under any semester's floor (3 × the legal rate); 20 % is over every one.
    const low = { ...ctx, rates: { ...rates, contractual: { [bundle.debtor.id]: 100 } } };
    const filled = fillLetter('second_reminder', low);
    expect(filled.input.penalties).toMatchObject({ basis: 'contractual', raisedToFloor: true });
    const fr = plain(letterPlainText(letter('second_reminder', filled.input)));
    expect(fr).toContain('au taux prévu par nos conditions générales de vente, porté à trois fois le taux de l’intérêt légal');
    const notice = plain(letterPlainText(letter('formal_notice', fillLetter('formal_notice', low).input)));
    expect(notice).toContain('porté à trois fois le taux de l’intérêt légal pour les semestres où il lui est inférieur (article L441-10 du Code de commerce), et l’indemnité');
    const fair = fillLetter('second_reminder', { ...ctx, rates: { ...rates, contractual: { [bundle.debtor.id]: 2_000 } } });
    expect(fair.input.penalties?.raisedToFloor).toBeUndefined();
    expect(plain(letterPlainText(letter('second_reminder', fair.input)))).toContain('au taux prévu par nos conditions générales de vente, soit');
    expect(filled.input.penalties?.interestCents).toBeGreaterThan(0);
    expect(filled.input.penalties?.interestCents).toBeLessThan(fair.input.penalties?.interestCents ?? 0);
  });
});
