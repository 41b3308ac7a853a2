/**
 * What a receivables file says, whatever its format: debtors, their open invoices, the lines left out and
 * the rows refused. The aged-balance reader (./aged-balance.ts) and the FEC reader (./fec.ts) both produce
 * this, and the import plan (./plan.ts) compares it with what Cadence already holds.
 */
import { toSearchKey } from '../text';
import type { DebtorKind } from '../entities';
import { luhnValid } from '../demo/siren';
import type { RowError } from './errors';
import type { PaymentTerms } from './terms';

export interface ImportedDebtor {
  /** The customer code when the file has one, else `name:` + the normalised name. */
  key: string;
  customerCode?: string;
  name: string;
  siren?: string;
  email?: string;
  phone?: string;
  /** Business or consumer, when the file has a column saying so (./debtor-kind.ts). */
  kind?: DebtorKind;
  /** First line of the file that names this debtor. */
  line: number;
}

export interface ImportedInvoice {
  debtorKey: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** `terms` when the due date was computed from the payment terms because the file had none. */
  dueDateFrom: 'file' | 'terms';
  /** The invoice's amount incl. VAT, in cents. */
  totalCents: number;
  /**
   * False when the file only gives what is owed (no invoice amount column): `totalCents` is then the open
   * amount, and an invoice Cadence already knows keeps its own, larger amount (the difference was paid).
   */
  totalKnown: boolean;
  /** What is still owed once part payments and credit notes are taken off; 0 < open ≤ total. */
  openCents: number;
  amountExclVatCents?: number;
  label: string;
  line: number;
}

/** A credit note or a payment the file lists as open (not yet matched with an invoice in the accounts). */
export interface ImportedCredit {
  debtorKey: string;
  kind: 'credit_note' | 'payment';
  /** The document reference; when it names an open invoice, the credit goes to that invoice first. */
  reference: string;
  date: string;
  /** Positive cents. */
  cents: number;
  line: number;
}

export interface SkippedLine {
  line: number;
  kind: 'total' | 'subtotal' | 'group_header' | 'zero_balance' | 'not_customer';
  /** What the line says (e.g. "Total général"), shown as inert text. */
  label: string;
  cents?: number;
}

export interface TermsReport {
  default: PaymentTerms;
  /** Debtors whose override was used, with the terms. */
  overrides: { debtorKey: string; terms: PaymentTerms }[];
  /** Invoices whose due date comes from terms. */
  invoices: number;
}

export interface PreviewRow {
  line: number;
  status: 'invoice' | 'credit' | 'skipped' | 'error';
  debtor?: string;
  invoiceNumber?: string;
  dueDate?: string;
  cents?: number;
  /** Why the row was skipped or refused. */
  skipped?: SkippedLine['kind'] | 'lettered';
  errors?: RowError[];
}

export interface ParsedPortfolio {
  kind: 'aged_balance' | 'fec';
  debtors: ImportedDebtor[];
  invoices: ImportedInvoice[];
  /** Open credits, already taken off the invoices above (see `applyCredits`). */
  credits: ImportedCredit[];
  /** Credit left once every open invoice of the debtor is settled: the debtor is owed money. */
  unappliedCredits: { debtorKey: string; cents: number }[];
  skipped: SkippedLine[];
  errors: RowError[];
  /**
   * Rows refused, with the invoice they name when it could be read: an import of the valid rows only must
   * not close those invoices as paid just because their row was unreadable.
   */
  refused: { line: number; debtorKey?: string; invoiceNumber?: string }[];
  /** Data rows read (header excluded). */
  rowCount: number;
  /** Present when some due date came from payment terms. */
  terms?: TermsReport;
  /** The first rows as read, for the screen before anything is stored. */
  preview: PreviewRow[];
  /** FEC only: the situation date and what the lettering left open. */
  fec?: FecSummary;
}

export interface FecSummary {
  /** Situation date: lines after it are ignored, lettering dated after it does not close a line. */
  cutOff: string;
  /** Lines on 411/416 customer accounts, and on every other account (ignored). */
  customerLines: number;
  otherLines: number;
  /** Lettered groups whose lines do not balance (a part payment lettered with its invoice). */
  partialLetterings: number;
  /** Journal whose debits on customer accounts are the invoices (its credits are credit notes). */
  salesJournal?: string;
}

export const PREVIEW_ROWS = 20;

/** Company names compared without accents, case, punctuation, or the legal form (SAS, SARL …). */
const LEGAL_FORMS = /\b(sas|sasu|sarl|eurl|sa|sci|snc|scop|scp|selarl|gie|ei|eirl|ste|societe|ets|etablissements|the|ltd|limited|inc|llc|gmbh|co|cie)\b/g;
const ASCII = /^[\x00-\x7f]*$/;
/** toSearchKey's Unicode work only when the text needs it: most codes and numbers are plain ASCII. */
const foldCase = (text: string): string => (ASCII.test(text) ? text.toLowerCase() : toSearchKey(text));

export function normalizedName(name: string): string {
  return foldCase(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function debtorKey(customerCode: string | undefined, name: string): string {
  return customerCode ? customerCode : `name:${normalizedName(name)}`;
}

/** Invoice numbers compared without case, spaces or separators ("FA-2026/001" = "fa 2026 001"). */
export function invoiceKey(number: string): string {
  return foldCase(number).replace(/[^a-z0-9]/g, '');
}

/** A SIREN from a SIREN or SIRET cell (spaces allowed); undefined when it is not one (Luhn key included). */
export function parseSiren(raw: string): string | undefined {
  const digits = raw.replace(/[\s\u00a0.]/g, '');
  if (!/^\d{9}(\d{5})?$/.test(digits)) return undefined;
  const siren = digits.slice(0, 9);
  // La Poste's SIREN is the one registered number that fails the key.
  return luhnValid(siren) || siren === '356000000' ? siren : undefined;
}

/**
 * Takes open credits off the open invoices of the same debtor: first the invoice the credit names (a credit
 * note for FA-12 settles FA-12), then the oldest due date first, as a payment without instruction is imputed
 * (Code civil 1342-10). Mutates `invoices`' openCents; returns what no invoice could absorb, per debtor.
 */
export function applyCredits(invoices: ImportedInvoice[], credits: readonly ImportedCredit[]): { debtorKey: string; cents: number }[] {
  const byDebtor = new Map<string, ImportedInvoice[]>();
  for (const inv of invoices) {
    const list = byDebtor.get(inv.debtorKey);
    if (list) list.push(inv);
    else byDebtor.set(inv.debtorKey, [inv]);
  }
  for (const list of byDebtor.values()) list.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1));
  const unapplied = new Map<string, number>();
  for (const credit of credits) {
    const list = byDebtor.get(credit.debtorKey) ?? [];
    let left = credit.cents;
    const named = list.find((i) => credit.reference !== '' && invoiceKey(i.number) === invoiceKey(credit.reference));
    for (const inv of named ? [named, ...list.filter((i) => i !== named)] : list) {
      if (left <= 0) break;
      const take = Math.min(left, inv.openCents);
      inv.openCents -= take;
      left -= take;
    }
    if (left > 0) unapplied.set(credit.debtorKey, (unapplied.get(credit.debtorKey) ?? 0) + left);
  }
  return [...unapplied].map(([key, cents]) => ({ debtorKey: key, cents }));
}
