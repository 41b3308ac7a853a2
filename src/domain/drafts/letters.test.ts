import { describe, expect, it } from 'vitest';
import { letterPlainText } from './letterPlainText';
import type { LetterInput } from './letterTypes';
import { letter, letterTotals } from './letters';

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
      expect.stringContaining('majoré de 10 points (article L441-10 du Code de commerce), soit 23,45 € au 09/07/2025'),
      expect.stringContaining('40 € par facture (article D441-5 du Code de commerce), soit 80,00 €'),
      'la suspension des prochaines livraisons tant que votre encours dépasse 500,00 €.',
    ]);
    expect(plain(letterPlainText(doc))).toContain('Malgré notre courrier du 10/06/2025');
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
    expect(text).toContain('au plus tard le 24/07/2025');
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
