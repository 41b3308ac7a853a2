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
  /** The credit insurer, from Settings: the formal notice to a business announces the report to it only when one is named. */
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
  /**
   * statutory: ECB + 10 points (L441-10); contractual: the rate of the terms of sale (both businesses only);
   * legal: a consumer's legal interest, running from the formal notice (Code civil 1231-6).
   */
  basis: 'statutory' | 'contractual' | 'legal';
  /** legal: the date of the formal notice the interest runs from, when one was sent. */
  since?: string;
  /** contractual: the terms' rate was under three times the legal rate in some semester, so that floor applied. */
  raisedToFloor?: boolean;
}

/** How a business's interest rate is named: `contractual_floor` is the terms' rate, raised where under the floor. */
export type BusinessBasis = Exclude<LetterPenalties['basis'], 'legal'> | 'contractual_floor';

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
  /** Formal notice: 8 or 15 days from the letter's date (Settings), moved to the next business day. */
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
  /** The interest row of a consumer's letter: legal interest, not late-payment penalties. */
  legalInterestTotal: string;
  /** A date with its weekday, for deadlines: "jeudi 24/07/2025". */
  weekday: (day: string, weekday: string) => string;
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
    /** Businesses: penalties already run from the day after the due date, no reminder needed (L441-10). */
    accrued: string;
    interest: (basis: BusinessBasis, amount: string, asOf: string) => string;
    indemnity: (amount: string) => string;
    /** What follows without payment: the only sanction still to come. */
    blocking: (threshold: string) => string;
    /** Consumers: legal interest once a formal notice is sent, or since the one sent. */
    consumerInterest: (since?: { day: string; amount: string; asOf: string }) => string;
    compromise: string;
  };
  notice: {
    title: string;
    subject: string;
    demand: (creditor: string, debtor: string, total: string, dates: string[]) => string;
    /** `moved`: the period ended on a weekend or holiday and runs to the next business day. */
    deadline: (days: number, day: string, moved: boolean) => string;
    howToPay: (p: { iban?: string; bic?: string; creditor: string; address: string }) => string;
    penalties: (basis: BusinessBasis) => string;
    /** Consumers: legal interest from this notice, or from an earlier one (Code civil 1231-6). */
    consumerInterest: (since?: string) => string;
    legalAction: string;
    creditInsurer: (name: string) => string;
  };
}
