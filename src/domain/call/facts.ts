/**
 * The facts a call script speaks from, gathered once from the dossier. They are raw data (cents, ISO
 * dates, role codes), not text: the same facts fill a French or an English script, and a language switch
 * mid-call only re-renders (see ./variables.ts).
 */
import type { DebtorBundle } from '../bundle';
import { daysBetween } from '../calendar/isoDate';
import type { CONTACT_ROLES, Contact, Invoice, Settings } from '../entities';

export type ContactRoleCode = (typeof CONTACT_ROLES)[number];

export interface InvoiceFact {
  invoiceId: string;
  number: string;
  dueDate: string;
  /** Incl. VAT minus what was paid, in cents, > 0. */
  outstandingCents: number;
  /** Days past the due date: > 0 when overdue, ≤ 0 when not yet due (−3 = due in three days). */
  daysLate: number;
}

export interface CallFacts {
  today: string;
  agent: { name: string; company: string };
  company: { name: string };
  contact: { id: string; name: string; role: ContactRoleCode } | null;
  /** Oldest first: the seed's 4 C asks for the facts, the oldest debt leads. */
  overdue: InvoiceFact[];
  totalOverdueCents: number;
  oldestDueDate: string | null;
  /** Not yet due (step 7, anticipation), soonest first. */
  upcoming: InvoiceFact[];
  totalUpcomingCents: number;
  /** Filled once the debtor commits (see `withPromise`). */
  promise: { amountCents: number; date: string } | null;
}

function outstanding(invoice: Invoice): number {
  return invoice.amountInclVatCents - invoice.amountPaidCents;
}

/** The preferred contact, else the first one: the person the agent is about to call. */
export function callContact(contacts: readonly Contact[]): Contact | undefined {
  return contacts.find((c) => c.preferred) ?? contacts[0];
}

/**
 * Disputed and paid invoices are left out: a dispute pauses chasing until it is resolved (DESIGN.md), so
 * the script never asks for money the debtor contests.
 */
export function buildCallFacts(bundle: DebtorBundle, settings: Pick<Settings, 'agentName' | 'company'>, today: string): CallFacts {
  const open: InvoiceFact[] = bundle.invoices
    .filter((inv) => inv.status === 'open' && outstanding(inv) > 0)
    .map((inv) => ({
      invoiceId: inv.id,
      number: inv.number,
      dueDate: inv.dueDate,
      outstandingCents: outstanding(inv),
      daysLate: daysBetween(inv.dueDate, today),
    }))
    .sort((a, b) => (a.dueDate === b.dueDate ? a.number.localeCompare(b.number) : a.dueDate < b.dueDate ? -1 : 1));
  const overdue = open.filter((f) => f.daysLate > 0);
  const upcoming = open.filter((f) => f.daysLate <= 0);
  const contact = callContact(bundle.contacts);
  return {
    today,
    agent: { name: settings.agentName, company: settings.company },
    company: { name: bundle.debtor.name },
    contact: contact ? { id: contact.id, name: contact.name, role: contact.role } : null,
    overdue,
    totalOverdueCents: overdue.reduce((sum, f) => sum + f.outstandingCents, 0),
    oldestDueDate: overdue[0]?.dueDate ?? null,
    upcoming,
    totalUpcomingCents: upcoming.reduce((sum, f) => sum + f.outstandingCents, 0),
    promise: null,
  };
}

export function withPromise(facts: CallFacts, promise: { amountCents: number; date: string } | null): CallFacts {
  return { ...facts, promise: promise ? { amountCents: promise.amountCents, date: promise.date } : null };
}
