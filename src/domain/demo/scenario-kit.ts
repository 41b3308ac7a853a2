import type { DebtorBundle } from '../bundle';
import type { Address } from '../entities';
import type { DemoBook } from './dossier-types';

/** A hand-written demo situation: builds debtor number `index` against the shared book. */
export type Scenario = (book: DemoBook, index: number) => DebtorBundle;

export function frenchAddress(line1: string, postalCode: string, city: string, line2?: string): Address {
  return { line1, ...(line2 ? { line2 } : {}), postalCode, city, country: 'FR' };
}

/** Euros to cents, for readable amounts in the scenarios (`eur(3150)` is 3 150,00 €). */
export function eur(amount: number): number {
  return Math.round(amount * 100);
}
