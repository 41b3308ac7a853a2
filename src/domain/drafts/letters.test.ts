import { describe, expect, it } from 'vitest';
import { letterPlainText } from './letterPlainText';
import type { LetterInput } from './letterTypes';
import { letter, letterTotals } from './letters';
import { frenchSpacingFaults } from '../../i18n/french-typography';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const input = (over: Partial<LetterInput> = {}): LetterInput => ({
  locale: 'fr',
  date: '2025-07-09',
  creditor: {
    name: 'Atelier Lumière SAS',
    address: { line1: '3 rue Oberkampf', postalCode: '75011', city: 'Paris', country: 'FR' },
    email: 'compta@atelier-lumiere.fr',
    siren: '123456789',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP',
    signature: 'Camille Martin\nChargée de recouvrement',
    creditInsurer: 'Allianz Trade',
  },
  debtor: {
    name: 'Dupont Bâtiment SARL',
    address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
    kind: 'business',
    contactName: 'Mme Roux',
  },
  invoices: [
    { number: 'F-2025-0142', issueDate: '2025-05-02', dueDate: '2025-06-01', label: 'Maintenance', amountExclVatCents: 100_000, amountInclVatCents: 120_000, outstandingCents: 100_000 },
    { number: 'F-2025-0157', issueDate: '2025-05-20', dueDate: '2025-06-19', label: 'Lampes LED', amountExclVatCents: 45_050, amountInclVatCents: 54_060 },
  ],
  penalties: { interestCents: 2345, indemnityCents: 8000, asOf: '2025-07-09', basis: 'statutory' },
  previousReminders: ['2025-06-10', '2025-06-25'],
  ...over,
});

describe('first reminder', () => {
  const doc = letter('first_reminder', input({ date: '2025-06-06', previousReminders: [] }));
  const text = plain(letterPlainText(doc));

  it('is personalised and never numbered', () => {
    expect(text).not.toMatch(/relance n°|n° ?1|first reminder|reminder no/i);
    expect(doc.recipient).toEqual({ name: 'Dupont Bâtiment SARL', lines: ['À l’attention de Mme Roux', '12 rue des Lilas', '69003 LYON'] });
    expect(doc.mentions).toEqual([]);
  });

  it('states the days late, the overdue invoices and offers duplicates', () => {
    expect(text).toContain('un retard de 5 jours');
    expect(text).toContain('F-2025-0142');
    expect(text).toContain('un duplicata certifié conforme');
    expect(text).toContain('compta@atelier-lumiere.fr');
    expect(doc.blocks.map((b) => b.kind)).toContain('invoices');
  });
});

describe('second reminder', () => {
  it('states the sanctions: penalties, 40 € indemnity per invoice, blocked deliveries', () => {
    const doc = letter('second_reminder', input({ blockingThresholdCents: 50_000, previousReminders: ['2025-06-10'] }));
    const list = doc.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items.map(plain)).toEqual([
      expect.stringContaining('majoré de 10 points, soit 23,45 € au 09/07/2025'),
      expect.stringContaining('40 € par facture (article D441-5 du Code de commerce), soit 80,00 €'),
    ]);
    const text = plain(letterPlainText(doc));
    expect(text).toContain('Sans règlement de votre part par retour, nous suspendons les prochaines livraisons tant que votre encours dépasse 500,00 €.');
    expect(text).toContain('Malgré notre courrier du 10/06/2025');
  });

  it('says plainly that penalties already run from the day after the due date, without any reminder (L441-10)', () => {
    const fr = plain(letterPlainText(letter('second_reminder', input())));
    expect(fr).toContain('les pénalités de retard courent de plein droit dès le lendemain de la date d’échéance de chaque facture, sans qu’aucun rappel soit nécessaire (article L441-10 du Code de commerce)');
    // Never "without payment by return, the penalties apply", as if they started later.
    expect(fr).not.toMatch(/Sans règlement[^.]*(pénalités|sanctions)/);
    const en = letterPlainText(letter('second_reminder', input({ locale: 'en' })));
    expect(en).toContain('late-payment interest runs automatically from the day after each invoice’s due date, with no reminder needed (French Commercial Code, art. L441-10)');
    expect(en).not.toMatch(/Without payment[^.]*(interest|sanctions)/);
  });
});

describe('letters to a consumer', () => {
  const consumer = (over: Partial<LetterInput> = {}) =>
    input({ debtor: { ...input().debtor, kind: 'consumer', name: 'M. Jean Petit' }, penalties: { interestCents: 0, indemnityCents: 0, asOf: '2025-07-09', basis: 'legal' }, ...over });
  const forbidden = /L441|D441|Banque centrale|BCE|10 points|40 €|assureur|Commercial Code|European Central Bank|€40|credit insurer/;

  it('never cite L441-10, the ECB + 10 points, the 40 € indemnity or a credit insurer, in French or English', () => {
    for (const kind of ['first_reminder', 'second_reminder', 'formal_notice'] as const) {
      expect(plain(letterPlainText(letter(kind, consumer())))).not.toMatch(forbidden);
      expect(letterPlainText(letter(kind, consumer({ locale: 'en' })))).not.toMatch(forbidden);
    }
  });

  it('formal notice: legal interest from the notice itself (Code civil 1231-6), said exactly', () => {
    const text = plain(letterPlainText(letter('formal_notice', consumer())));
    expect(text).toContain('À défaut de paiement, ces sommes portent intérêt au taux de l’intérêt légal à compter de la présente mise en demeure, jusqu’à leur complet paiement (article 1231-6 du Code civil).');
    const en = letterPlainText(letter('formal_notice', consumer({ locale: 'en' })));
    expect(en).toContain('bear interest at the French legal interest rate (taux de l’intérêt légal) from the date of this formal notice until full payment (French Civil Code, art. 1231-6)');
  });

  it('second reminder: interest only once a formal notice is sent, at the legal rate, with its amount', () => {
    const before = plain(letterPlainText(letter('second_reminder', consumer())));
    expect(before).toContain('les sommes dues portent intérêt au taux de l’intérêt légal à compter de la mise en demeure (article 1231-6 du Code civil)');
    const after = letter('second_reminder', consumer({ penalties: { interestCents: 217, indemnityCents: 0, asOf: '2025-07-09', basis: 'legal', since: '2025-06-25' } }));
    const text = plain(letterPlainText(after));
    expect(text).toContain('Depuis notre mise en demeure du 25/06/2025, les sommes dues portent intérêt au taux de l’intérêt légal (article 1231-6 du Code civil), soit 2,17 € au 09/07/2025.');
    expect(after.totals.map((r) => [r.code, r.label])).toEqual([
      ['outstanding', 'Principal restant dû (TTC)'],
      ['interest', 'Intérêts au taux légal'],
      ['total', 'Total'],
    ]);
  });
});

describe('formal notice', () => {
  const doc = letter('formal_notice', input({ deadlineDays: 15 }));
  const text = plain(letterPlainText(doc));

  it('has everything the law and seed 004 require', () => {
    expect(text).toContain('mise en demeure');
    expect(doc.mentions).toEqual(['Lettre recommandée avec accusé de réception']);
    expect(text).toContain('Paris, le 09/07/2025');
    expect(text).toContain('Atelier Lumière SAS met en demeure Dupont Bâtiment SARL');
    expect(text).toContain('malgré nos relances du 10/06/2025 et du 25/06/2025');
    expect(text).toMatch(/F-2025-0142[\s\S]*F-2025-0157/);
    expect(text).toContain('dans un délai de 15 jours');
    expect(doc.deadline).toBe('2025-07-24');
    expect(text).toContain('au plus tard le jeudi 24/07/2025');
    expect(text).toContain('IBAN FR76 3000 6000 0112 3456 7890 189');
    expect(text).toContain('40 € par facture');
    expect(text).toContain('action en justice');
    expect(text).toContain('assureur-crédit, Allianz Trade,');
  });

  it('totals principal, interest and indemnity, and claims that total', () => {
    expect(doc.totals.map((r) => [r.code, r.amountCents])).toEqual([
      ['outstanding', 154_060],
      ['interest', 2345],
      ['indemnity', 8000],
      ['total', 164_405],
    ]);
    expect(text).toContain('la somme de 1 644,05 €');
  });

  it('defaults to 8 days and is also written in English with the French term', () => {
    const en = letter('formal_notice', input({ locale: 'en' }));
    expect(en.deadline).toBe('2025-07-17');
    expect(letterPlainText(en)).toContain('by Thursday 17/07/2025 at the latest');
    const t = letterPlainText(en);
    expect(t).toContain('formal notice (mise en demeure)');
    expect(t).toContain('within 8 days');
    expect(t).toContain('credit insurer, Allianz Trade,');
    expect(en.closing).toBe('Yours sincerely,');
  });

  it('never claims the 40 € indemnity from a consumer', () => {
    const consumer = input({ debtor: { ...input().debtor, kind: 'consumer' } });
    const notice = letter('formal_notice', consumer);
    expect(notice.totals.map((r) => r.code)).toEqual(['outstanding', 'interest', 'total']);
    expect(letterPlainText(notice)).not.toContain('40 €');
    expect(letterPlainText(letter('second_reminder', consumer))).not.toContain('40 €');
    expect(letterPlainText(letter('first_reminder', consumer))).not.toContain('40 €');
  });

  it('shows only the principal when no penalty was computed', () => {
    expect(letterTotals(input({ penalties: undefined }))).toHaveLength(1);
  });

  it('never tells the debtor "vous devez"', () => {
    for (const kind of ['first_reminder', 'second_reminder', 'formal_notice'] as const) {
      expect(letterPlainText(letter(kind, input()))).not.toMatch(/vous devez|vous avez tort/i);
    }
  });
});

describe('formal notice deadline', () => {
  it('moves a deadline on a weekend or a French public holiday to the next business day, and prints that date', () => {
    // 2025-07-06 + 8 days = Monday 14 July (Fête nationale) → Tuesday 15 July.
    const holiday = letter('formal_notice', input({ date: '2025-07-06', deadlineDays: 8 }));
    expect(holiday.deadline).toBe('2025-07-15');
    expect(plain(letterPlainText(holiday))).toContain('soit au plus tard le mardi 15/07/2025 (le délai expirant un samedi, un dimanche ou un jour férié, il est reporté au premier jour ouvré suivant)');
    // 2025-07-11 + 15 days = Saturday 26 July → Monday 28 July.
    const weekend = letter('formal_notice', input({ date: '2025-07-11', deadlineDays: 15, locale: 'en' }));
    expect(weekend.deadline).toBe('2025-07-28');
    expect(letterPlainText(weekend)).toContain('by Monday 28/07/2025 at the latest (the period ending on a weekend or public holiday, it runs to the next business day)');
  });
});

describe('credit insurer', () => {
  it('is named only when one is entered in Settings: no empty threat otherwise', () => {
    const none = input({ creditor: { ...input().creditor, creditInsurer: '  ' } });
    expect(plain(letterPlainText(letter('formal_notice', none)))).not.toMatch(/assureur/);
    expect(letterPlainText(letter('formal_notice', { ...none, locale: 'en' }))).not.toMatch(/insurer/);
    expect(plain(letterPlainText(letter('formal_notice', input())))).toContain('à notre assureur-crédit, Allianz Trade,');
  });
});

describe('French typography of the letters', () => {
  it('keeps : ; and guillemets from wrapping alone onto the next line, in every letter', () => {
    for (const kind of ['first_reminder', 'second_reminder', 'formal_notice'] as const) {
      for (const debtorKind of ['business', 'consumer'] as const) {
        const text = letterPlainText(letter(kind, input({ debtor: { ...input().debtor, kind: debtorKind } })));
        expect(frenchSpacingFaults(text), `${kind}, ${debtorKind}`).toEqual([]);
      }
    }
  });
});
