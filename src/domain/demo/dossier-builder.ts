/**
 * Assembles one debtor's bundle with consistent cross-references: a payment updates its invoice and
 * writes the timeline entry, ids follow the debtor's number, every date is an offset from `today`.
 */
import type { DebtorBundle } from '../bundle';
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  DEBTOR_SCHEMA_VERSION,
  DEFAULT_SETTINGS,
  INVOICE_SCHEMA_VERSION,
  PROMISE_SCHEMA_VERSION,
  TASK_SCHEMA_VERSION,
  type Activity,
  type Contact,
  type Debtor,
  type Invoice,
  type PaymentPromise,
  type Task,
} from '../entities';
import { formatDate, formatMoney } from '../format';
import { addDays, instant } from './calendar';
import type {
  ActivityTypeCode,
  ContactSpec,
  DebtorSpec,
  DemoBook,
  DemoOutcome,
  DemoReason,
  InvoiceSpec,
  PaymentMeansCode,
  PromiseSpec,
  TaskSpec,
} from './dossier-types';
import { inclVat } from './money';
import { mailDomain, personEmail } from './names';

/** The agent of the demo settings works the portfolio; older entries were written by a predecessor. */
export const DEMO_AGENT = DEFAULT_SETTINGS.agentName;
export const FORMER_AGENT = 'Julien Roux';
const HANDOVER_OFFSET = -200;

const MEANS_FR: Record<PaymentMeansCode, string> = {
  transfer: 'Virement',
  cheque: 'Chèque',
  card: 'Paiement par carte',
  direct_debit: 'Prélèvement',
  other: 'Règlement',
};

export function euros(cents: number): string {
  return formatMoney(cents, 'fr-FR');
}

/** `2026-10-26` as `26/10/2026`, the way an agent writes a date in a note. */
export function frDate(isoDate: string): string {
  return formatDate(isoDate, 'fr-FR');
}

function seq(n: number): string {
  return String(n).padStart(2, '0');
}

export class DossierBuilder {
  readonly debtorId: string;
  readonly domain: string;
  private readonly key: string;
  private readonly contacts: Contact[] = [];
  private readonly invoices: Invoice[] = [];
  private readonly activities: Omit<Activity, 'id'>[] = [];
  private readonly promises: PaymentPromise[] = [];
  private readonly tasks: Task[] = [];

  constructor(
    private readonly book: DemoBook,
    index: number,
    private readonly spec: DebtorSpec,
  ) {
    this.key = String(index).padStart(4, '0');
    this.debtorId = `d-${this.key}`;
    this.domain = mailDomain(spec.name);
  }

  day(offset: number): string {
    return addDays(this.book.today, offset);
  }

  contact(c: ContactSpec): Contact {
    const contact: Contact = {
      schemaVersion: CONTACT_SCHEMA_VERSION,
      id: `c-${this.key}-${seq(this.contacts.length + 1)}`,
      debtorId: this.debtorId,
      name: `${c.first} ${c.last}`,
      role: c.role,
      phone: c.phone,
      email: c.email ?? personEmail(c.first, c.last, this.domain),
      preferred: c.preferred ?? false,
    };
    this.contacts.push(contact);
    return contact;
  }

  invoice(i: InvoiceSpec): Invoice {
    const issueDate = this.day(i.dueIn - (i.termsDays ?? 30));
    const invoice: Invoice = {
      schemaVersion: INVOICE_SCHEMA_VERSION,
      id: `inv-${this.key}-${seq(this.invoices.length + 1)}`,
      debtorId: this.debtorId,
      number: this.book.numbering.next(issueDate),
      issueDate,
      dueDate: this.day(i.dueIn),
      label: i.label,
      amountExclVatCents: i.exclCents,
      amountInclVatCents: inclVat(i.exclCents),
      currency: 'EUR',
      status: i.disputeReason ? 'disputed' : 'open',
      amountPaidCents: 0,
      ...(i.disputeReason ? { disputeReason: i.disputeReason } : {}),
    };
    this.invoices.push(invoice);
    return invoice;
  }

  /** Records a payment on an invoice (capped at what is left) and its timeline entry; returns the cents applied. */
  pay(invoice: Invoice, cents: number | 'all', offset: number, means: PaymentMeansCode = 'transfer'): number {
    const remaining = invoice.amountInclVatCents - invoice.amountPaidCents;
    const applied = cents === 'all' ? remaining : Math.min(cents, remaining);
    if (applied <= 0) return 0;
    invoice.amountPaidCents += applied;
    if (invoice.amountPaidCents === invoice.amountInclVatCents) invoice.status = 'paid';
    const partial = invoice.status === 'paid' ? '' : ' (paiement partiel)';
    this.log('payment', offset, '08:15', `${MEANS_FR[means]} reçu : ${euros(applied)} sur ${invoice.number}${partial}.`, 'received', {
      amountCents: applied,
      invoiceIds: [invoice.id],
      means,
    });
    return applied;
  }

  log(
    type: ActivityTypeCode,
    offset: number,
    time: string,
    summary: string,
    outcome?: DemoOutcome,
    details?: Record<string, unknown>,
  ): void {
    this.activities.push({
      schemaVersion: ACTIVITY_SCHEMA_VERSION,
      debtorId: this.debtorId,
      type,
      at: instant(this.day(offset), time),
      ...(outcome ? { outcome } : {}),
      summary,
      agent: offset < HANDOVER_OFFSET ? FORMER_AGENT : DEMO_AGENT,
      ...(details ? { details } : {}),
    });
  }

  call(offset: number, time: string, outcome: DemoOutcome, summary: string, reason?: DemoReason, contact?: Contact): void {
    const details: Record<string, unknown> = {};
    if (reason) details.reason = reason;
    if (contact) details.contactId = contact.id;
    this.log('call', offset, time, summary, outcome, Object.keys(details).length ? details : undefined);
  }

  /** The J+5 reminder: personalised, never labelled "relance n°1", with the table of overdue invoices. */
  firstReminder(offset: number, invoices: Invoice[], channel: 'email' | 'letter' = 'email'): void {
    const total = invoices.reduce((s, i) => s + i.amountInclVatCents - i.amountPaidCents, 0);
    const list = invoices.map((i) => i.number).join(', ');
    const by = channel === 'email' ? 'par e-mail' : 'par courrier';
    this.log(channel, offset, '07:30', `Première relance envoyée ${by} : ${list} (${euros(total)} TTC).`, 'sent', {
      step: 'first_reminder',
      invoiceIds: invoices.map((i) => i.id),
    });
  }

  /** The J+15 reminder that states the sanctions (penalties, 40 € indemnity, blocking of deliveries). */
  secondReminder(offset: number, invoices: Invoice[]): void {
    const list = invoices.map((i) => i.number).join(', ');
    this.log(
      'letter',
      offset,
      '07:30',
      `Deuxième relance envoyée : ${list}, avec rappel des pénalités de retard, de l'indemnité forfaitaire de 40 € et du blocage des livraisons.`,
      'sent',
      { step: 'second_reminder', invoiceIds: invoices.map((i) => i.id) },
    );
  }

  promise(p: PromiseSpec): PaymentPromise {
    const promise: PaymentPromise = {
      schemaVersion: PROMISE_SCHEMA_VERSION,
      id: `pr-${this.key}-${seq(this.promises.length + 1)}`,
      debtorId: this.debtorId,
      ...(p.contact ? { contactId: p.contact.id } : {}),
      createdAt: instant(this.day(p.createdOffset), p.createdTime ?? '09:00'),
      amountCents: p.amountCents,
      dueDate: this.day(p.dueOffset),
      means: p.means ?? 'transfer',
      invoiceIds: p.invoices.map((i) => i.id),
      status: p.status,
      paidCents: p.paidCents ?? 0,
    };
    this.promises.push(promise);
    return promise;
  }

  task(t: TaskSpec): Task {
    const done = t.doneOffset !== undefined;
    const task: Task = {
      schemaVersion: TASK_SCHEMA_VERSION,
      id: `t-${this.key}-${seq(this.tasks.length + 1)}`,
      debtorId: this.debtorId,
      kind: t.kind,
      dueDate: this.day(t.dueOffset),
      ...(t.dueTime ? { dueTime: t.dueTime } : {}),
      note: t.note,
      done,
      ...(done ? { doneAt: instant(this.day(t.doneOffset ?? 0), '15:00') } : {}),
    };
    this.tasks.push(task);
    return task;
  }

  build(): DebtorBundle {
    const createdAt = instant(this.day(-this.spec.customerSinceDays), '08:00');
    const activities: Activity[] = [...this.activities]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((a, i) => ({ id: `act-${this.key}-${String(i + 1).padStart(3, '0')}`, ...a }));
    const last = activities[activities.length - 1];
    const debtor: Debtor = {
      schemaVersion: DEBTOR_SCHEMA_VERSION,
      id: this.debtorId,
      name: this.spec.name,
      siren: this.spec.siren,
      address: this.spec.address,
      language: this.spec.language ?? 'fr',
      segment: this.spec.segment,
      kind: 'business',
      creditLimitCents: this.spec.creditLimitCents,
      blockingThresholdCents: this.spec.blockingThresholdCents,
      notes: this.spec.notes,
      createdAt,
      updatedAt: last && last.at > createdAt ? last.at : createdAt,
    };
    return {
      debtor,
      contacts: [...this.contacts],
      invoices: [...this.invoices],
      activities,
      promises: [...this.promises],
      tasks: [...this.tasks],
    };
  }
}
