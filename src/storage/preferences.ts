/**
 * Records kept beside Settings in the `settings` store (out-of-line keys): the late-payment rate tables and
 * the creditor's letterhead. They are separate records rather than Settings fields so Settings' schema, read
 * at every start, stays as it is, and these load only with the screens that use them.
 * Missing or unreadable records fall back to the defaults (the public rates, the demo creditor).
 */
import {
  CREDITOR_SCHEMA_VERSION,
  CreditorProfile as CreditorSchema,
  RATE_SETTINGS_SCHEMA_VERSION,
  RateSettings as RateSettingsSchema,
  type CreditorProfile,
  type RateSettings,
} from '../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES, validateSemesterTable } from '../domain/penalties/rates';
import { readRecord, validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records } from './records';
import { CREDITOR_KEY, RATES_KEY } from './schema';

export const DEFAULT_RATE_SETTINGS: RateSettings = {
  schemaVersion: RATE_SETTINGS_SCHEMA_VERSION,
  ecb: DEFAULT_ECB_SEMESTER_RATES.map((r) => ({ ...r })),
  legal: DEFAULT_LEGAL_RATES.map((r) => ({ ...r })),
  contractual: {},
};

/** The demo company's letterhead (Settings' default company), until the team enters its own. */
export const DEFAULT_CREDITOR: CreditorProfile = {
  schemaVersion: CREDITOR_SCHEMA_VERSION,
  address: { line1: '18 rue des Petites Écuries', postalCode: '75010', city: 'Paris', country: 'FR' },
  email: 'recouvrement@atelier-lumiere.fr',
  phone: '01 84 60 12 34',
  siren: '812345676',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
  creditInsurer: '',
  formalNoticeDays: 8,
};

const copyRates = (r: RateSettings): RateSettings => ({
  ...r,
  ecb: r.ecb.map((x) => ({ ...x })),
  legal: r.legal.map((x) => ({ ...x })),
  contractual: { ...r.contractual },
});

const readSetting = (records: Records, key: string): Promise<unknown> => records.read(['settings'], (tx) => tx.get('settings', key));
const writeSetting = (records: Records, value: RateSettings | CreditorProfile, key: string): Promise<void> =>
  records.write(['settings'], (tx) => tx.put('settings', value, key));

export async function getRateSettings(records: Records, onCorrupt?: CorruptHandler): Promise<RateSettings> {
  const raw = await readSetting(records, RATES_KEY);
  const stored = raw === undefined ? undefined : readRecord<RateSettings>(RateSettingsSchema, 'settings', raw, onCorrupt);
  return copyRates(stored ?? DEFAULT_RATE_SETTINGS);
}

/** Refuses (`invalid`) a table that is not one rate per semester start, sorted or not. */
export async function putRateSettings(records: Records, input: RateSettings): Promise<void> {
  const rates = validateForWrite(RateSettingsSchema, 'settings', input);
  for (const table of ['ecb', 'legal'] as const) {
    const issues = validateSemesterTable(rates[table]);
    if (issues.length > 0) {
      throw new StorageError('invalid', `Rate table ${table} is not a semester table`, {
        store: 'settings',
        key: RATES_KEY,
        issues: issues.map((i) => ({ path: `${table}.${i.index}`, message: i.issue })),
      });
    }
  }
  const sorted = { ...rates, ecb: [...rates.ecb].sort(byFrom), legal: [...rates.legal].sort(byFrom) };
  await writeSetting(records, sorted, RATES_KEY);
}

const byFrom = (a: { from: string }, b: { from: string }): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

export async function getCreditor(records: Records, onCorrupt?: CorruptHandler): Promise<CreditorProfile> {
  const raw = await readSetting(records, CREDITOR_KEY);
  const stored = raw === undefined ? undefined : readRecord<CreditorProfile>(CreditorSchema, 'settings', raw, onCorrupt);
  const found = stored ?? DEFAULT_CREDITOR;
  return { ...found, address: { ...found.address } };
}

export async function putCreditor(records: Records, creditor: CreditorProfile): Promise<void> {
  await writeSetting(records, validateForWrite(CreditorSchema, 'settings', creditor), CREDITOR_KEY);
}
