/**
 * One debtor of the load-test portfolio, built with plain object literals and table lookups: the
 * generator makes 50,000 of these in about a second, so nothing here goes through the demo builder.
 */
import type { DebtorBundle } from '../bundle';
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  DEBTOR_SCHEMA_VERSION,
  INVOICE_SCHEMA_VERSION,
  PROMISE_SCHEMA_VERSION,
  TASK_SCHEMA_VERSION,
  type Activity,
  type Invoice,
  type PaymentPromise,
  type Task,
} from '../entities';
import type { DayTable } from './calendar';
import { DEMO_AGENT, euros } from './dossier-builder';
import type { ContactRoleCode, SegmentCode } from './dossier-types';
import { DISPUTE_REASONS, INVOICE_LABELS } from './labels';
import { inclVat } from './money';
import { FIRST_NAMES, LEGAL_FORMS, mailDomain, personEmail, QUALIFIERS, SURNAMES, TRADES } from './names';
import { CITIES, landline, STREETS } from './places';
import { sirenFrom } from './siren';

/** Everything one debtor needs from the generator's shared state. */
export interface LargeContext {
  days: DayTable;
  random: () => number;
  /** Zero-padded width of debtor numbers in ids. */
  width: number;
  seed: number;
  /** Next invoice sequence number, shared across debtors so invoice numbers are unique. */
  nextInvoiceSeq: () => number;
}

const NAME_SPACE = TRADES.length * SURNAMES.length * QUALIFIERS.length;
/** Coprime with NAME_SPACE (2^8 · 5^4), so `i · stride mod NAME_SPACE` visits every name once. */
const NAME_STRIDE = 104_729;
const SEGMENTS: readonly SegmentCode[] = ['small_business', 'small_business', 'small_business', 'mid_market', 'mid_market', 'key_account'];
const ROLES: readonly ContactRoleCode[] = ['accountant', 'accounts_payable', 'manager'];
const FORMS = LEGAL_FORMS.flatMap(([form, weight]) => Array<string>(weight).fill(form));
const AMOUNT_RANGE: Record<SegmentCode, [number, number]> = {
  small_business: [15_000, 350_000],
  mid_market: [100_000, 1_800_000],
  key_account: [800_000, 9_000_000],
  public_sector: [100_000, 2_000_000],
};
const THRESHOLD: Record<SegmentCode, number> = {
  small_business: 50_000,
  mid_market: 500_000,
  key_account: 6_000_000,
  public_sector: 10_000_000,
};

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)] as T;
}

/** Unique for the first NAME_SPACE (160,000) debtors; built from word lists so a search by name finds families. */
export function largeCompanyName(index: number, seed: number, formRoll: number): string {
  const p = (index * NAME_STRIDE + (seed % NAME_SPACE)) % NAME_SPACE;
  const trade = TRADES[p % TRADES.length];
  const surname = SURNAMES[Math.floor(p / TRADES.length) % SURNAMES.length];
  const qualifier = QUALIFIERS[Math.floor(p / (TRADES.length * SURNAMES.length))];
  return `${trade} ${surname} ${qualifier} ${pick(FORMS, formRoll)}`;
}

function at(ctx: LargeContext, offset: number, time: string): string {
  return `${ctx.days.at(offset)}T${time}:00.000Z`;
}

export function largeDebtor(ctx: LargeContext, index: number, invoiceCount: number): DebtorBundle {
  const r = ctx.random;
  const key = String(index).padStart(ctx.width, '0');
  const debtorId = `d-${key}`;
  const name = largeCompanyName(index - 1, ctx.seed, r());
  const segment = pick(SEGMENTS, r());
  const city = pick(CITIES, r());
  const first = pick(FIRST_NAMES, r());
  const last = pick(SURNAMES, r());
  const createdAt = at(ctx, -450 - Math.floor(r() * 2000), '08:00');

  const [minAmount, maxAmount] = AMOUNT_RANGE[segment];
  const invoices: Invoice[] = [];
  let oldestOverdue: Invoice | undefined;
  let oldestDueIn = 0;
  for (let k = 1; k <= invoiceCount; k++) {
    const kind = r();
    // 35 % paid history, 45 % overdue, 5 % disputed, 15 % not yet due (issued within the last 30 days).
    const dueIn = kind < 0.35 ? -30 - Math.floor(r() * 370) : kind < 0.85 ? -1 - Math.floor(r() * 120) : 1 + Math.floor(r() * 29);
    const issueDate = ctx.days.at(dueIn - 30);
    const excl = minAmount + Math.floor(r() * (maxAmount - minAmount));
    const incl = inclVat(excl);
    const status = kind < 0.35 ? 'paid' : kind >= 0.8 && kind < 0.85 ? 'disputed' : 'open';
    const paid = status === 'paid' ? incl : status === 'open' && dueIn < 0 && r() < 0.1 ? Math.floor(incl / 3) : 0;
    const invoice: Invoice = {
      schemaVersion: INVOICE_SCHEMA_VERSION,
      id: `inv-${key}-${String(k).padStart(2, '0')}`,
      debtorId,
      number: `FA-${issueDate.slice(0, 4)}-${String(ctx.nextInvoiceSeq()).padStart(6, '0')}`,
      issueDate,
      dueDate: ctx.days.at(dueIn),
      label: pick(INVOICE_LABELS, r()),
      amountExclVatCents: excl,
      amountInclVatCents: incl,
      currency: 'EUR',
      status,
      amountPaidCents: paid,
      ...(status === 'disputed' ? { disputeReason: pick(DISPUTE_REASONS, r()) } : {}),
    };
    invoices.push(invoice);
    if (status === 'open' && dueIn < oldestDueIn) {
      oldestDueIn = dueIn;
      oldestOverdue = invoice;
    }
  }

  const activities: Activity[] = [];
  const promises: PaymentPromise[] = [];
  const tasks: Task[] = [];
  if (oldestOverdue && oldestDueIn <= -6) {
    const due = oldestOverdue.amountInclVatCents - oldestOverdue.amountPaidCents;
    activities.push({
      schemaVersion: ACTIVITY_SCHEMA_VERSION,
      id: `act-${key}-001`,
      debtorId,
      type: 'email',
      at: at(ctx, oldestDueIn + 5, '07:30'),
      outcome: 'sent',
      summary: `Première relance envoyée par e-mail : ${oldestOverdue.number} (${euros(due)} TTC).`,
      agent: DEMO_AGENT,
    });
    const roll = r();
    if (roll < 0.08 && oldestDueIn <= -12) {
      const promiseDue = oldestDueIn + 10 + Math.floor(r() * 20);
      promises.push({
        schemaVersion: PROMISE_SCHEMA_VERSION,
        id: `pr-${key}-01`,
        debtorId,
        contactId: `c-${key}-01`,
        createdAt: at(ctx, oldestDueIn + 9, '10:00'),
        amountCents: due,
        dueDate: ctx.days.at(promiseDue),
        means: 'transfer',
        invoiceIds: [oldestOverdue.id],
        status: promiseDue < 0 ? 'broken' : 'pending',
        paidCents: 0,
      });
      activities.push({
        schemaVersion: ACTIVITY_SCHEMA_VERSION,
        id: `act-${key}-002`,
        debtorId,
        type: 'call',
        at: at(ctx, oldestDueIn + 9, '10:00'),
        outcome: 'promise',
        summary: `Virement de ${euros(due)} promis pour ${oldestOverdue.number}.`,
        agent: DEMO_AGENT,
      });
    } else if (roll < 0.11) {
      tasks.push({
        schemaVersion: TASK_SCHEMA_VERSION,
        id: `t-${key}-01`,
        debtorId,
        kind: 'call_back',
        dueDate: ctx.days.at(Math.floor(r() * 4)),
        dueTime: '10:00',
        note: `Rappeler ${first} ${last} au sujet de ${oldestOverdue.number}.`,
        done: false,
      });
    }
  }

  const domain = mailDomain(name);
  return {
    debtor: {
      schemaVersion: DEBTOR_SCHEMA_VERSION,
      id: debtorId,
      name,
      siren: sirenFrom(3 + (index % 7), Math.floor(r() * 10_000_000)),
      address: { line1: `${1 + Math.floor(r() * 150)} ${pick(STREETS, r())}`, postalCode: city.postalCode, city: city.name, country: 'FR' },
      language: 'fr',
      segment,
      kind: 'business',
      creditLimitCents: THRESHOLD[segment] * 4,
      blockingThresholdCents: THRESHOLD[segment],
      notes: '',
      createdAt,
      updatedAt: activities.reduce((latest, a) => (a.at > latest ? a.at : latest), createdAt),
    },
    contacts: [
      {
        schemaVersion: CONTACT_SCHEMA_VERSION,
        id: `c-${key}-01`,
        debtorId,
        name: `${first} ${last}`,
        role: pick(ROLES, r()),
        phone: landline(city.zone, Math.floor(r() * 10_000)),
        email: personEmail(first, last, domain),
        preferred: true,
      },
    ],
    invoices,
    activities,
    promises,
    tasks,
  };
}
