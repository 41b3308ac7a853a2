import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../i18n/locales/en/imports.json';
import fr from '../../i18n/locales/fr/imports.json';
import { formatImportError, type ImportError } from './errors';
import { IMPORT_FIELDS } from './fields';
import { fixture } from './fixtures.testing';
import { readImportFile } from './read-file';

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { imports: fr }, en: { imports: en } }, interpolation: { escapeValue: false } });
  return (key: string, values?: Record<string, string | number>) => i18n.t(key, values);
}

const EVERY_ERROR: ImportError[] = [
  { kind: 'invalid_date', value: 'x', line: 2, column: { index: 1, header: 'h' } },
  { kind: 'invalid_amount', value: 'x', line: 2 },
  { kind: 'missing_value', field: 'invoiceNumber', line: 2 },
  { kind: 'invalid_siren', value: '1', line: 2 },
  { kind: 'invalid_debtor_kind', value: 'Grossiste', line: 2 },
  { kind: 'invalid_sens', value: 'X', line: 2 },
  { kind: 'future_payment_date', value: '2026-12-31', line: 3 },
  { kind: 'field_count', expected: 18, found: 3, line: 2 },
  { kind: 'empty_file' },
  { kind: 'no_data' },
  { kind: 'unknown_kind' },
  { kind: 'missing_column', field: 'dueDate' },
  { kind: 'fec_header', column: 1, expected: 'JournalCode', found: 'Client' },
  { kind: 'too_many_rows', limit: 500000 },
];

describe('formatImportError', () => {
  it('shows a future payment date as the interface shows dates (dd/mm/yyyy), not as ISO', async () => {
    const error: ImportError = { kind: 'future_payment_date', value: '2026-12-05', line: 4, column: { index: 1, header: 'Date de règlement' } };
    const text = formatImportError(error, await translator('fr'));
    expect(text).toContain('«\u00a005/12/2026\u00a0»');
    expect(text).not.toContain('2026-12-05');
    expect(formatImportError(error, await translator('en'), (iso) => `[${iso}]`)).toContain('[2026-12-05]');
  });

  it('names the line and the column of the 31/02 row, in French and in English', async () => {
    const reading = readImportFile(fixture('aged-balance-bad-date-row37.csv'));
    if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
    const [error] = reading.outcome.portfolio.errors;
    expect(formatImportError(error as ImportError, await translator('fr'))).toBe(
      'Ligne 38, colonne «\u00a0Échéance\u00a0» (3)\u00a0: date impossible ou illisible «\u00a031/02/2026\u00a0» (attendu jj/mm/aaaa, aaaa-mm-jj ou AAAAMMJJ).',
    );
    expect(formatImportError(error as ImportError, await translator('en'))).toBe(
      'Line 38, column “Échéance” (3): impossible or unreadable date “31/02/2026” (expected dd/mm/yyyy, yyyy-mm-dd or YYYYMMDD).',
    );
  });

  it('has a sentence for every error and every field in both languages, with every value filled', async () => {
    for (const lng of ['fr', 'en'] as const) {
      const t = await translator(lng);
      for (const error of EVERY_ERROR) {
        const text = formatImportError(error, t);
        expect(text, `${lng} ${error.kind}`).not.toMatch(/imports:|{{|}}/);
      }
      for (const field of IMPORT_FIELDS) expect(t(`imports:field.${field}`)).not.toMatch(/imports:/);
    }
  });

  it('keeps a cell that looks like markup or a translation key as plain text', async () => {
    const t = await translator('fr');
    const text = formatImportError({ kind: 'invalid_amount', value: '$t(imports:error.empty_file) <b>', line: 4 }, t);
    expect(text).toContain('«\u00a0$t(imports:error.empty_file) <b>\u00a0»');
  });
});
