/**
 * Payment terms, for files that carry no due date (the FEC never does; some aged balances neither).
 * - `net`: due `days` after the invoice date ("30 jours net").
 * - `end_of_month`: `days` after the invoice date, then the end of that month ("30 jours fin de mois", the
 *   reading most French firms and the DGCCRF use). Code de commerce L441-10 caps both at 60 days net or
 *   45 days end of month; longer terms are accepted here because the file describes what was agreed, but the
 *   caller can warn.
 * The import settings hold a default and per-debtor overrides (by customer code); the result of an import
 * says which terms each debtor's invoices used.
 */
import { z } from 'zod/mini';
import { addDays } from '../calendar/isoDate';

export const PaymentTerms = z.object({
  kind: z.enum(['net', 'end_of_month']),
  days: z.int().check(z.minimum(0), z.maximum(365)),
});
export type PaymentTerms = z.infer<typeof PaymentTerms>;

export const ImportTerms = z.object({
  default: PaymentTerms,
  /** By customer code (or, lacking one, the debtor's normalised name as the import keys it). */
  overrides: z.record(z.string(), PaymentTerms),
});
export type ImportTerms = z.infer<typeof ImportTerms>;

export const DEFAULT_IMPORT_TERMS: ImportTerms = { default: { kind: 'net', days: 30 }, overrides: {} };

export function dueDateFromTerms(issueDate: string, terms: PaymentTerms): string {
  const shifted = addDays(issueDate, terms.days);
  if (terms.kind === 'net') return shifted;
  const [y, m] = shifted.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${shifted.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

export function termsFor(debtorKey: string, terms: ImportTerms): PaymentTerms {
  return terms.overrides[debtorKey] ?? terms.default;
}

export const sameTerms = (a: PaymentTerms, b: PaymentTerms): boolean => a.kind === b.kind && a.days === b.days;
