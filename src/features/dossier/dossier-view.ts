/**
 * The dossier as the agent reads it: invoices sorted into the four groups of the screen, totals, the blocking
 * threshold check and the timeline order. Pure, so the rules are tested without a DOM.
 * Days late follow the worklist rule (src/domain/worklist.ts): due today is not late, due yesterday is 1 day.
 */
import type { Activity, Debtor, Invoice, PaymentPromise, Task } from '../../domain/entities';
import { daysBetween } from '../../domain/worklist';

export interface InvoiceLine {
  invoice: Invoice;
  /** Incl. VAT minus paid, never negative. */
  outstandingCents: number;
  /** Days past the due date: > 0 late, 0 due today, < 0 days still to go. */
  daysLate: number;
}

export interface InvoiceGroups {
  overdue: InvoiceLine[];
  upcoming: InvoiceLine[];
  disputed: InvoiceLine[];
  paid: InvoiceLine[];
}

export interface DossierTotals {
  overdueCents: number;
  notYetDueCents: number;
  disputedCents: number;
  /** Everything still owed, disputed included: what the delivery-blocking threshold is compared with. */
  outstandingCents: number;
}

export const INVOICE_GROUPS = ['overdue', 'upcoming', 'disputed', 'paid'] as const;
export type InvoiceGroupName = (typeof INVOICE_GROUPS)[number];

const byDue = (a: InvoiceLine, b: InvoiceLine) => a.invoice.dueDate.localeCompare(b.invoice.dueDate);

export function groupInvoices(invoices: readonly Invoice[], today: string): InvoiceGroups {
  const groups: InvoiceGroups = { overdue: [], upcoming: [], disputed: [], paid: [] };
  for (const invoice of invoices) {
    const outstandingCents = Math.max(0, invoice.amountInclVatCents - invoice.amountPaidCents);
    const line: InvoiceLine = { invoice, outstandingCents, daysLate: daysBetween(invoice.dueDate, today) };
    if (invoice.status === 'paid' || outstandingCents === 0) groups.paid.push(line);
    else if (invoice.status === 'disputed') groups.disputed.push(line);
    else if (line.daysLate > 0) groups.overdue.push(line);
    else groups.upcoming.push(line);
  }
  groups.overdue.sort(byDue);
  groups.upcoming.sort(byDue);
  groups.disputed.sort(byDue);
  groups.paid.sort((a, b) => byDue(b, a));
  return groups;
}

const sum = (lines: readonly InvoiceLine[]) => lines.reduce((total, l) => total + l.outstandingCents, 0);

export function dossierTotals(groups: InvoiceGroups): DossierTotals {
  const overdueCents = sum(groups.overdue);
  const notYetDueCents = sum(groups.upcoming);
  const disputedCents = sum(groups.disputed);
  return { overdueCents, notYetDueCents, disputedCents, outstandingCents: overdueCents + notYetDueCents + disputedCents };
}

/** A threshold of 0 means "no blocking rule for this account". */
export function aboveBlockingThreshold(debtor: Pick<Debtor, 'blockingThresholdCents'>, totals: DossierTotals): boolean {
  return debtor.blockingThresholdCents > 0 && totals.outstandingCents > debtor.blockingThresholdCents;
}

/** Newest first, compared as instants: ISO strings with different offsets do not sort as text. */
export function timelineOrder(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
}

/** Pending first (soonest due), then the settled ones, most recent first. */
export function promiseOrder(promises: readonly PaymentPromise[]): PaymentPromise[] {
  const pending = promises.filter((p) => p.status === 'pending').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const settled = promises.filter((p) => p.status !== 'pending').sort((a, b) => b.dueDate.localeCompare(a.dueDate));
  return [...pending, ...settled];
}

export function openTasks(tasks: readonly Task[]): Task[] {
  return tasks
    .filter((task) => !task.done)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.dueTime ?? '').localeCompare(b.dueTime ?? ''));
}

/** `123456789` → `123 456 789`, the way a SIREN is printed on French documents. */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

