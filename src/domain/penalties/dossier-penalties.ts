/**
 * Late-payment penalties of a dossier as of a day (L441-10, D441-5; rules in domain/penalties): per overdue
 * invoice and in total, with the rate tables and the debtor's contractual rate from Settings. Disputed
 * invoices are paused (verify the debt before claiming anything on it); invoices not yet due accrue nothing.
 */
import type { DebtorBundle } from '../bundle';
import type { Invoice, RateSettings } from '../entities';
import { formalNotices, noticeDayFor } from '../ladder/ladder';
import { invoicePayments, outstandingCents, paymentsFromActivities, type ReceivedPayment } from '../payments/allocation';
import { latePenalties, type LatePenalty, type PenaltyWarning } from './penalties';

export interface InvoicePenaltyLine {
  invoice: Invoice;
  outstandingCents: number;
  penalty: LatePenalty;
}

export interface DossierPenalties {
  asOf: string;
  lines: InvoicePenaltyLine[];
  interestCents: number;
  indemnityCents: number;
  warnings: PenaltyWarning[];
  /** legal: a consumer's legal interest from the formal notice (Code civil 1231-6), never L441-10. */
  basis: 'statutory' | 'contractual' | 'legal';
  /** The contractual rate in bp when the debtor's terms set one (businesses only). */
  contractualRateBp?: number;
  /** Consumer: the first formal notice of this episode their interest runs from (on the invoices it demanded), if any. */
  formalNoticeDate?: string;
}

/** Open, not disputed, something owed, due before `today`. */
export const isOverdue = (i: Invoice, today: string): boolean => i.status === 'open' && outstandingCents(i) > 0 && i.dueDate < today;

export function dossierPenalties(
  bundle: Pick<DebtorBundle, 'debtor' | 'invoices' | 'activities'>,
  rates: RateSettings,
  today: string,
  only?: readonly string[],
  payments: readonly ReceivedPayment[] = paymentsFromActivities(bundle.activities, bundle.invoices),
): DossierPenalties {
  const consumer = bundle.debtor.kind === 'consumer';
  const contractualRateBp = consumer ? undefined : rates.contractual[bundle.debtor.id];
  const notices = consumer ? formalNotices({ today, invoices: bundle.invoices, activities: bundle.activities }) : [];
  const invoices = bundle.invoices.filter((i) => isOverdue(i, today) && (!only || only.includes(i.id))).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  // A consumer owes interest on an invoice from the first formal notice that demanded it, not from one that did not.
  const noticeDays = invoices.map((i) => noticeDayFor(notices, i));
  const formalNoticeDate = noticeDays.filter((d): d is string => d !== undefined).sort()[0];
  const total = latePenalties(
    invoices.map((i, k) => ({
      amountInclVatCents: i.amountInclVatCents,
      dueDate: i.dueDate,
      payments: invoicePayments(i, payments),
      until: today,
      ...(contractualRateBp !== undefined ? { contractualRateBp } : {}),
      rateTable: rates.ecb,
      legalRateTable: rates.legal,
      debtorKind: bundle.debtor.kind,
      ...(noticeDays[k] ? { formalNoticeDate: noticeDays[k] } : {}),
    })),
  );
  const lines = invoices.map((invoice, k) => ({
    invoice,
    outstandingCents: outstandingCents(invoice),
    penalty: total.perInvoice[k] as LatePenalty,
  }));
  return {
    asOf: today,
    lines,
    interestCents: total.interestCents,
    indemnityCents: total.indemnityCents,
    warnings: total.warnings,
    basis: consumer ? 'legal' : contractualRateBp !== undefined ? 'contractual' : 'statutory',
    ...(contractualRateBp !== undefined ? { contractualRateBp } : {}),
    ...(formalNoticeDate ? { formalNoticeDate } : {}),
  };
}
