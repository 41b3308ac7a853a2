/** Shapes of the reminder letters: what the dossier gives, what the print view renders. */
import type { AddressBlock, DraftInvoice, DraftLocale, PostalAddress, TextTable } from './common';

export const LETTER_KINDS = ['first_reminder', 'second_reminder', 'formal_notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export interface LetterCreditor {
  name: string;
  address: PostalAddress;
  email: string;
  phone?: string;
  siren?: string;
  iban?: string;
  bic?: string;
  /** Agent's signature from Settings, several lines. */
  signature: string;
  /** Named in the formal notice when known. */
  creditInsurer?: string;
}

export interface LetterDebtor {
  name: string;
  address: PostalAddress;
  kind: 'business' | 'consumer';
  /** "À l'attention de …" line of the address block. */
  contactName?: string;
  /** Customer account reference, shown as "Réf." */
  accountRef?: string;
}

export interface LetterPenalties {
  interestCents: number;
  indemnityCents: number;
  /** Date the interest was computed to. */
  asOf: string;
  /** statutory: ECB + 10 points (L441-10); contractual: the rate of the terms of sale. */
  basis: 'statutory' | 'contractual';
}

export interface LetterInput {
  locale: DraftLocale;
  /** Date of the letter. */
  date: string;
  creditor: LetterCreditor;
  debtor: LetterDebtor;
  invoices: readonly DraftInvoice[];
  penalties?: LetterPenalties;
  /** Second reminder: deliveries stop above this outstanding (seed 004: e.g. 500 €). */
  blockingThresholdCents?: number;
  /** Dates of the earlier reminders, quoted by the second reminder and the formal notice. */
  previousReminders?: readonly string[];
  /** Formal notice: 8 or 15 days from the letter's date. */
  deadlineDays?: 8 | 15;
}

export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'invoices' }
  | { kind: 'totals' };

export interface LetterTotal {
  code: 'outstanding' | 'interest' | 'indemnity' | 'total';
  label: string;
  amountCents: number;
  text: string;
}

export interface LetterDocument {
  kind: LetterKind;
  locale: DraftLocale;
  /** Top-left: the sender. */
  sender: AddressBlock & { contact: string[] };
  /** Placed in the window of a DL envelope by the print stylesheet. */
  recipient: AddressBlock;
  /** e.g. "Lettre recommandée avec accusé de réception". */
  mentions: string[];
  placeAndDate: string;
  reference?: string;
  /** The "Objet :" line. */
  subject: string;
  /** Short heading, e.g. for the file name and the timeline. */
  title: string;
  salutation: string;
  /** In reading order; `invoices` and `totals` mark where the table and the totals go. */
  blocks: LetterBlock[];
  invoiceTable: TextTable;
  totals: LetterTotal[];
  /** Formal notice: last day to pay, ISO. */
  deadline?: string;
  closing: string;
  signature: string[];
}

/** The words of one language; each letter builder picks what it needs. */
export interface LetterText {
  mentionRegistered: string;
  placeAndDate: (city: string, day: string) => string;
  reference: (ref: string) => string;
  attention: (name: string) => string;
  contactLine: { email: (v: string) => string; phone: (v: string) => string; siren: (v: string) => string };
  salutation: (contactName?: string) => string;
  closing: (contactName?: string) => string;
  totals: Record<LetterTotal['code'], string>;
  unpaidNotice: string;
  first: {
    title: string;
    subject: string;
    late: (days: number) => string;
    ask: string;
    duplicates: (email: string) => string;
    terms: (business: boolean) => string;
    relationship: (creditor: string) => string;
  };
  second: {
    title: string;
    subject: string;
    despite: (dates: string[], outstanding: string) => string;
    sanctionsIntro: string;
    interest: (basis: LetterPenalties['basis'], amount: string, asOf: string) => string;
    indemnity: (amount: string) => string;
    blocking: (threshold: string) => string;
    compromise: string;
  };
  notice: {
    title: string;
    subject: string;
    demand: (creditor: string, debtor: string, total: string, dates: string[]) => string;
    deadline: (days: number, day: string) => string;
    howToPay: (p: { iban?: string; bic?: string; creditor: string; address: string }) => string;
    penalties: (basis: LetterPenalties['basis'], business: boolean) => string;
    legalAction: string;
    creditInsurer: (name?: string) => string;
  };
}
