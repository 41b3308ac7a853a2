/**
 * The records an import plan writes, as entities: what the storage layer stages and then switches in.
 *
 * - A new debtor gets the file's name, SIREN (or none) and customer code; what the file cannot say takes a
 *   neutral default the team completes later: no address, French, `small_business`, a business, no credit
 *   limit or blocking threshold, empty notes. Its e-mail and phone, when the file has them, become its first
 *   contact (preferred). Existing debtors' contacts are never touched.
 * - An updated debtor gets only the plan's `set` (name, SIREN, customer code); its notes stay.
 * - Invoices take the plan's facts; `paid` when nothing is owed any more.
 * - Money the import shows as received (an invoice closed, or more paid than before) becomes one payment
 *   activity per debtor, dated the import day, with its allocations: the promise tracking reads payments from
 *   the timeline, so a promise covered by an invoice the newer file closed is kept, as with a payment typed
 *   by the agent. The storage layer recomputes the debtor's promises and summary in the same switch.
 */
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  DEBTOR_SCHEMA_VERSION,
  INVOICE_SCHEMA_VERSION,
  type Activity,
  type Contact,
  type Debtor,
  type Invoice,
} from '../entities';
import type { PaymentDetails } from '../payments/allocation';
import type { ImportPlan } from './plan';

export interface ImportRecords {
  debtors: Debtor[];
  /** Debtors the plan updates: the fields to set on the stored record. */
  debtorPatches: { id: string; set: Partial<Pick<Debtor, 'name' | 'siren' | 'customerCode' | 'kind'>> }[];
  contacts: Contact[];
  /** New invoices whole; updated and closed ones as the full record after the change. */
  invoices: Invoice[];
  activities: Activity[];
  /** Every debtor whose promises and summary must be recomputed. */
  touchedDebtorIds: string[];
}

export interface RecordsContext {
  /** The invoices the plan updates or closes, as stored (the plan only holds their facts). */
  storedInvoices: ReadonlyMap<string, Invoice>;
  /** Instant of the import. */
  now: string;
  agent: string;
  newId: (kind: 'contact' | 'activity') => string;
  /** Timeline text of the payment activity, in the agent's language. */
  paymentSummary: (debtorId: string, cents: number, invoiceNumbers: string[]) => string;
}

const byNumber = new Intl.Collator('fr', { numeric: true });

export function planRecords(plan: ImportPlan, ctx: RecordsContext): ImportRecords {
  const out: ImportRecords = { debtors: [], debtorPatches: [], contacts: [], invoices: [], activities: [], touchedDebtorIds: [] };
  const touched = new Set<string>();
  for (const change of plan.debtors) {
    if (change.kind === 'new') {
      const d = change.debtor;
      out.debtors.push({
        schemaVersion: DEBTOR_SCHEMA_VERSION,
        id: change.id,
        name: d.name.slice(0, 200),
        siren: d.siren ?? '',
        ...(d.customerCode ? { customerCode: d.customerCode.slice(0, 64) } : {}),
        address: { line1: '', postalCode: '', city: '', country: 'FR' },
        language: 'fr',
        segment: 'small_business',
        kind: d.kind ?? 'business',
        creditLimitCents: 0,
        blockingThresholdCents: 0,
        notes: '',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      if (d.email || d.phone) {
        out.contacts.push({
          schemaVersion: CONTACT_SCHEMA_VERSION,
          id: ctx.newId('contact'),
          debtorId: change.id,
          name: d.name,
          role: 'accounts_payable',
          phone: d.phone ?? '',
          email: d.email ?? '',
          preferred: true,
        });
      }
      touched.add(change.id);
    } else if (change.kind === 'updated') {
      out.debtorPatches.push({ id: change.id, set: change.set });
      touched.add(change.id);
    }
  }

  const received = new Map<string, { cents: number; allocations: { invoiceId: string; cents: number }[]; numbers: string[] }>();
  const receive = (debtorId: string, invoiceId: string, number: string, cents: number) => {
    if (cents <= 0) return;
    const r = received.get(debtorId) ?? { cents: 0, allocations: [], numbers: [] };
    r.cents += cents;
    r.allocations.push({ invoiceId, cents });
    r.numbers.push(number);
    received.set(debtorId, r);
  };
  for (const change of plan.invoices) {
    touched.add(change.debtorId);
    if (change.kind === 'new') {
      const f = change.facts;
      out.invoices.push({
        schemaVersion: INVOICE_SCHEMA_VERSION,
        id: change.id,
        debtorId: change.debtorId,
        ...f,
        status: f.amountPaidCents >= f.amountInclVatCents ? 'paid' : f.status,
        currency: 'EUR',
      });
      continue;
    }
    const stored = ctx.storedInvoices.get(change.id);
    if (!stored) continue;
    if (change.kind === 'updated') {
      const f = change.facts;
      const status = f.amountPaidCents >= f.amountInclVatCents ? 'paid' : f.status;
      out.invoices.push({ ...stored, ...f, status });
      receive(change.debtorId, change.id, f.number, f.amountPaidCents - change.before.amountPaidCents);
    } else {
      out.invoices.push({ ...stored, status: 'paid', amountPaidCents: stored.amountInclVatCents });
      receive(change.debtorId, change.id, change.number, change.settledCents);
    }
  }
  for (const [debtorId, received_] of received) {
    // In invoice-number order: the stored invoices come in the order of their random ids, and the agent reads
    // the numbers in the timeline (the same file imported on two devices also writes the same activity).
    const order = received_.numbers.map((_, i) => i).sort((a, b) => byNumber.compare(received_.numbers[a] as string, received_.numbers[b] as string));
    const r = { cents: received_.cents, allocations: order.map((i) => received_.allocations[i] as { invoiceId: string; cents: number }), numbers: order.map((i) => received_.numbers[i] as string) };
    const details: PaymentDetails = { amountCents: r.cents, invoiceIds: r.allocations.map((a) => a.invoiceId), means: 'other', date: plan.importDate, allocations: r.allocations };
    out.activities.push({
      schemaVersion: ACTIVITY_SCHEMA_VERSION,
      id: ctx.newId('activity'),
      debtorId,
      type: 'payment',
      at: ctx.now,
      outcome: 'imported',
      summary: ctx.paymentSummary(debtorId, r.cents, r.numbers),
      agent: ctx.agent,
      details: { ...details },
    });
  }
  out.touchedDebtorIds = [...touched];
  return out;
}
