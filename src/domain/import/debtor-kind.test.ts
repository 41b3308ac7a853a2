import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/imports.json';
import fr from '../../i18n/locales/fr/imports.json';
import { parseDebtorKind } from './debtor-kind';
import { formatImportError, type ImportError } from './errors';
import { autoMap } from './fields';
import { planImport } from './plan';
import { planRecords } from './plan-records';
import { readImportFile } from './read-file';

const csv = (text: string) => new TextEncoder().encode(text);

function portfolioOf(text: string) {
  const reading = readImportFile(csv(text));
  if (reading.outcome.kind !== 'portfolio') throw new Error(`portfolio expected, got ${reading.outcome.kind}`);
  return { reading, portfolio: reading.outcome.portfolio };
}

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { imports: fr }, en: { imports: en } }, interpolation: { escapeValue: false } });
  return (key: string, values?: Record<string, string | number>) => i18n.t(key, values);
}

describe('parseDebtorKind', () => {
  it('reads consumer and business words, whatever the case, accents or punctuation', () => {
    for (const v of ['Particulier', 'CONSOMMATEUR', 'b2c', 'Personne physique', 'B2C ']) expect(parseDebtorKind(v), v).toBe('consumer');
    for (const v of ['Professionnel', 'entreprise', 'B2B', 'Société', 'SOCIETE', 'pro']) expect(parseDebtorKind(v), v).toBe('business');
    for (const v of ['Client', 'oui', 'B2G', '']) expect(parseDebtorKind(v), v).toBeUndefined();
  });
});

describe('the customer-type column of an aged balance', () => {
  it('is recognised under its usual headers, and only as a whole header', () => {
    for (const header of ['Type client', 'Particulier/Professionnel', 'B2C/B2B', 'Nature', 'Customer type']) {
      expect(autoMap(['Client', 'Facture', 'Échéance', 'Montant', header], 'aged_balance').debtorKind, header).toBe(4);
    }
    // "Nature pièce" is the kind of entry, not the customer's.
    expect(autoMap(['Client', 'Facture', 'Échéance', 'Montant', 'Nature pièce'], 'aged_balance').debtorKind).toBeUndefined();
  });

  it('gives each debtor its kind, and a new debtor is stored as a consumer', () => {
    const { portfolio } = portfolioOf('Client;Facture;Échéance;Montant;Type client\nDupont Marie;F1;02/02/2026;100,00;Particulier\nACME SAS;F2;03/03/2026;200,00;Société\nSans type;F3;03/03/2026;50,00;\n');
    expect(portfolio.errors).toEqual([]);
    expect(portfolio.debtors.map((d) => [d.name, d.kind])).toEqual([
      ['Dupont Marie', 'consumer'],
      ['ACME SAS', 'business'],
      ['Sans type', undefined],
    ]);
    let n = 0;
    const result = planImport(portfolio, { debtors: [], invoices: [] }, { importDate: '2026-03-10', newId: (k) => `${k}-${++n}` });
    if (!result.ok) throw new Error('plan expected');
    const records = planRecords(result.plan, { storedInvoices: new Map(), now: '2026-03-10T09:00:00.000+01:00', agent: 'Agent', newId: (k) => `${k}-${++n}`, paymentSummary: () => '' });
    expect(records.debtors.map((d) => [d.name, d.kind])).toEqual([
      ['Dupont Marie', 'consumer'],
      ['ACME SAS', 'business'],
      ['Sans type', 'business'],
    ]);
  });

  it('updates the kind of a known debtor when the file says otherwise, and leaves it when the file says nothing', () => {
    const { portfolio } = portfolioOf('Code client;Client;Facture;Échéance;Montant;B2C/B2B\nC1;Dupont Marie;F1;02/02/2026;100,00;B2C\nC2;ACME SAS;F2;03/03/2026;200,00;\n');
    const existing = {
      debtors: [
        { id: 'd1', name: 'Dupont Marie', customerCode: 'C1', kind: 'business' as const },
        { id: 'd2', name: 'ACME SAS', customerCode: 'C2', kind: 'consumer' as const },
      ],
      invoices: [],
    };
    const result = planImport(portfolio, existing, { importDate: '2026-03-10', newId: (k) => `${k}-new` });
    if (!result.ok) throw new Error('plan expected');
    expect(result.plan.debtors.find((c) => c.id === 'd1')).toMatchObject({ kind: 'updated', set: { kind: 'consumer' } });
    expect(result.plan.debtors.find((c) => c.id === 'd2')?.kind).toBe('unchanged');
  });

  it('refuses an unknown value with its line and column, in French and in English', async () => {
    const { portfolio } = portfolioOf('Client;Facture;Échéance;Montant;Nature\nACME SAS;F1;02/02/2026;100,00;Professionnel\nBidule;F2;03/03/2026;200,00;Grossiste\n');
    expect(portfolio.errors).toHaveLength(1);
    const [error] = portfolio.errors as ImportError[];
    expect(error).toMatchObject({ kind: 'invalid_debtor_kind', value: 'Grossiste', line: 3, column: { index: 5, header: 'Nature' } });
    expect(formatImportError(error!, await translator('fr'))).toBe(
      'Ligne 3, colonne «\u00a0Nature\u00a0» (5)\u00a0: type de client «\u00a0Grossiste\u00a0» inconnu (attendu professionnel, entreprise, société, B2B ou particulier, consommateur, personne physique, B2C).',
    );
    expect(formatImportError(error!, await translator('en'))).toMatch(/^Line 3, column “Nature” \(5\): unknown customer type “Grossiste”/);
  });
});
