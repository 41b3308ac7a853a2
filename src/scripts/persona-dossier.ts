/**
 * Turns a persona's dossier spec into a debtor bundle for a simulated call: the same entity shapes as a real
 * dossier (so the call screen, facts and recap work on it unchanged), with ids prefixed `tr-` and fictional
 * `.example` mail domains, so nothing can be mistaken for — or reach — a real customer. Seeded: the same seed
 * and day give the same dossier, which keeps a retry comparable with the first attempt.
 */
import type { DebtorBundle } from '../domain/bundle';
import type { Instalment } from '../domain/call/context';
import { addDays, instant } from '../domain/demo/calendar';
import { mailDomain, personEmail } from '../domain/demo/names';
import { Rng } from '../domain/demo/prng';
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  DEBTOR_SCHEMA_VERSION,
  INVOICE_SCHEMA_VERSION,
  type Activity,
  type Contact,
  type Invoice,
  type PaymentMeans,
} from '../domain/entities';
import type { ResolvedPersona } from './persona-validate';

export interface TrainingDossier {
  bundle: DebtorBundle;
  /** What the debtor commits to when the trainee does it right: the undisputed overdue balance. */
  promise: { amountCents: number; date: string; means: PaymentMeans; invoiceIds: string[] };
  /** The debtor's own first offer, for a persona that asks for a plan. */
  plan: Instalment[] | null;
  disputed: Invoice[];
  /** The person with authority, when the one who answers has none (the gatekeeper). */
  rightContact: Contact | null;
}

export const TRAINING_ID_PREFIX = 'tr-';

function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - base * (parts - 1) : base));
}

export function generatePersonaDossier(persona: ResolvedPersona, options: { seed: number; today: string; formerAgent: string }): TrainingDossier {
  const { today } = options;
  const rng = new Rng(options.seed);
  const spec = persona.dossier;
  const debtorId = `${TRAINING_ID_PREFIX}d-${persona.id}`.slice(0, 64);
  const created = instant(addDays(today, -400), '08:00');
  const domain = mailDomain(spec.company.name);
  const year = today.slice(0, 4);

  const contacts: Contact[] = spec.contacts.map((c, i) => ({
    schemaVersion: CONTACT_SCHEMA_VERSION,
    id: `${TRAINING_ID_PREFIX}c${i + 1}`,
    debtorId,
    name: `${c.first} ${c.last}`,
    role: c.role,
    phone: c.phone,
    email: personEmail(c.first, c.last, domain),
    preferred: i === 0,
  }));

  const invoices: Invoice[] = spec.invoices.map((inv, i) => {
    // The schema guarantees two values; the defaults only satisfy the type checker.
    const [min = 1000, max = min] = inv.amountCents;
    // Round to 10 € so that amounts read like real invoices, never below 10 €.
    const incl = Math.max(1000, Math.round(rng.int(Math.min(min, max), Math.max(min, max)) / 1000) * 1000);
    const dueDate = addDays(today, inv.dueInDays);
    return {
      schemaVersion: INVOICE_SCHEMA_VERSION,
      id: `${TRAINING_ID_PREFIX}i${i + 1}`,
      debtorId,
      number: `FA-${year}-${String(rng.int(100, 9999) * 10 + i).padStart(5, '0')}`,
      issueDate: addDays(dueDate, -30),
      dueDate,
      label: inv.label,
      amountExclVatCents: Math.round(incl / 1.2),
      amountInclVatCents: incl,
      currency: 'EUR',
      // The debtor has not raised the dispute yet: the trainee learns of it during the call.
      status: 'open',
      amountPaidCents: 0,
    };
  });

  const activities: Activity[] = spec.history.map((h, i) => ({
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: `${TRAINING_ID_PREFIX}a${i + 1}`,
    debtorId,
    type: h.type,
    at: instant(addDays(today, -h.daysAgo), '09:30'),
    ...(h.outcome ? { outcome: h.outcome } : {}),
    summary: h.summary,
    agent: options.formerAgent,
  }));

  const disputed = invoices.filter((_, i) => spec.invoices[i]?.disputed === true);
  const payable = invoices.filter((inv, i) => inv.dueDate < today && spec.invoices[i]?.disputed !== true);
  const amountCents = payable.reduce((sum, inv) => sum + inv.amountInclVatCents, 0);
  const plan = spec.plan
    ? splitEvenly(amountCents, spec.plan.instalments).map((cents, i) => ({
        date: addDays(today, spec.plan!.firstInDays + i * spec.plan!.everyDays),
        amountCents: cents,
      }))
    : null;
  const authorityIndex = spec.contacts.findIndex((c, i) => i > 0 && c.authority);
  const rightContact = spec.contacts[0]?.authority === false && authorityIndex > 0 ? (contacts[authorityIndex] ?? null) : null;

  return {
    bundle: {
      debtor: {
        schemaVersion: DEBTOR_SCHEMA_VERSION,
        id: debtorId,
        name: spec.company.name,
        siren: String(rng.int(100_000_000, 999_999_999)),
        address: { line1: spec.company.street, postalCode: spec.company.postalCode, city: spec.company.city, country: 'FR' },
        language: persona.locale,
        segment: spec.company.segment,
        kind: 'business',
        creditLimitCents: 2_000_000,
        blockingThresholdCents: 50_000,
        notes: '',
        createdAt: created,
        updatedAt: created,
      },
      contacts,
      invoices,
      activities,
      promises: [],
      tasks: [],
    },
    promise: { amountCents, date: addDays(today, spec.promise.inDays), means: spec.promise.means, invoiceIds: payable.map((i) => i.id) },
    plan,
    disputed,
    rightContact,
  };
}
