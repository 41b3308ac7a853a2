/**
 * The business/consumer column of an aged balance: ERPs write it as words (« Particulier », « Société »), as
 * B2C/B2B, or as a French legal category (« personne physique »). Compared without case, accents or
 * punctuation; anything else is a row error, so a consumer is never silently imported as a business.
 */
import type { DebtorKind } from '../entities';
import { headerKey } from './fields';

const CONSUMER = new Set(['particulier', 'particuliers', 'consommateur', 'consumer', 'b2c', 'personnephysique', 'individual', 'private', 'privateindividual', 'pp']);
const BUSINESS = new Set(['professionnel', 'professionnels', 'pro', 'entreprise', 'b2b', 'societe', 'personnemorale', 'business', 'company', 'pm']);

/** The kind a cell names, or undefined when it names none (the caller reports the row). */
export function parseDebtorKind(value: string): DebtorKind | undefined {
  const key = headerKey(value);
  if (CONSUMER.has(key)) return 'consumer';
  if (BUSINESS.has(key)) return 'business';
  return undefined;
}
