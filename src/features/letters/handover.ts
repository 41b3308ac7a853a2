/**
 * The hand-over of a dossier to a collection agency or a lawyer (seed 004, last rung): the whole traced
 * dossier as one JSON document, versioned and checked by zod on the way out and on the way back in, so an
 * agency tool (or a later Cadence) can rely on its shape. Amounts in cents, dates ISO, as stored.
 */
import { z } from 'zod/mini';
import type { DebtorBundle } from '../../domain/bundle';
import {
  Activity,
  Address,
  Contact,
  Debtor,
  Invoice,
  IsoDate,
  IsoDateTime,
  NonNegCents,
  PaymentPlan,
  PaymentPromise,
  Task,
  type CreditorProfile,
  type PaymentPlan as Plan,
  type RateSettings,
  type Settings,
} from '../../domain/entities';
import { outstandingCents } from '../../domain/payments/allocation';
import { promiseView } from '../../domain/payments/promise-view';
import { dossierPenalties, isOverdue } from '../../domain/penalties/dossier-penalties';

export const HANDOVER_FORMAT = 'cadence.agency-handover';
export const HANDOVER_VERSION = 1;

export const Handover = z.object({
  format: z.literal(HANDOVER_FORMAT),
  version: z.literal(HANDOVER_VERSION),
  exportedAt: IsoDateTime,
  /** Day the balance and penalties were computed to. */
  asOf: IsoDate,
  creditor: z.object({
    name: z.string(),
    address: Address,
    email: z.string(),
    phone: z.string(),
    siren: z.string(),
    iban: z.string(),
    bic: z.string(),
    agent: z.string(),
  }),
  debtor: Debtor,
  contacts: z.array(Contact),
  invoices: z.array(Invoice),
  /** The full history, oldest first: calls, emails, letters, notes, payments. */
  activities: z.array(Activity),
  /** With their status as of `asOf`. */
  promises: z.array(PaymentPromise),
  promisesBroken: z.int().check(z.minimum(0)),
  tasks: z.array(Task),
  plans: z.array(PaymentPlan),
  balance: z.object({ overdueCents: NonNegCents, notYetDueCents: NonNegCents, disputedCents: NonNegCents }),
  penalties: z.object({
    /** legal: a consumer's legal interest from the formal notice (Code civil 1231-6). */
    basis: z.enum(['statutory', 'contractual', 'legal']),
    contractualRateBp: z.optional(z.int()),
    formalNoticeDate: z.optional(z.iso.date()),
    interestCents: NonNegCents,
    indemnityCents: NonNegCents,
    perInvoice: z.array(z.object({ invoiceId: z.string(), days: z.int(), interestCents: NonNegCents, indemnityCents: NonNegCents })),
  }),
  totalClaimedCents: NonNegCents,
});
export type Handover = z.infer<typeof Handover>;

export interface HandoverInput {
  bundle: DebtorBundle;
  plans: readonly Plan[];
  settings: Settings;
  creditor: CreditorProfile;
  rates: RateSettings;
  today: string;
  now: string;
}

export function buildHandover(input: HandoverInput): Handover {
  const { bundle, today } = input;
  const view = promiseView(bundle, today);
  const penalties = dossierPenalties(bundle, input.rates, today, undefined, view.payments);
  const sum = (pick: (i: DebtorBundle['invoices'][number]) => boolean) => bundle.invoices.filter(pick).reduce((s, i) => s + outstandingCents(i), 0);
  const overdueCents = sum((i) => isOverdue(i, today));
  const doc: Handover = {
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    exportedAt: input.now,
    asOf: today,
    creditor: {
      name: input.settings.company,
      address: input.creditor.address,
      email: input.creditor.email,
      phone: input.creditor.phone,
      siren: input.creditor.siren,
      iban: input.creditor.iban,
      bic: input.creditor.bic,
      agent: input.settings.agentName,
    },
    debtor: bundle.debtor,
    contacts: bundle.contacts,
    invoices: bundle.invoices,
    activities: [...bundle.activities].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    promises: view.promises,
    promisesBroken: view.broken,
    tasks: bundle.tasks,
    plans: [...input.plans],
    balance: {
      overdueCents,
      notYetDueCents: sum((i) => i.status === 'open' && i.dueDate >= today),
      disputedCents: sum((i) => i.status === 'disputed'),
    },
    penalties: {
      basis: penalties.basis,
      ...(penalties.contractualRateBp !== undefined ? { contractualRateBp: penalties.contractualRateBp } : {}),
      ...(penalties.formalNoticeDate ? { formalNoticeDate: penalties.formalNoticeDate } : {}),
      interestCents: penalties.interestCents,
      indemnityCents: penalties.indemnityCents,
      perInvoice: penalties.lines.map((l) => ({
        invoiceId: l.invoice.id,
        days: l.penalty.days,
        interestCents: l.penalty.interestCents,
        indemnityCents: l.penalty.indemnityCents,
      })),
    },
    totalClaimedCents: overdueCents + penalties.interestCents + penalties.indemnityCents,
  };
  // Checked on the way out: a file handed to a third party must match its published shape.
  return Handover.parse(doc);
}

export function handoverJson(doc: Handover): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type HandoverReadError = 'not_json' | 'not_handover' | 'newer_version' | 'invalid';

/** Reads a hand-over file back: refuses what is not one, a newer format, or a damaged one. */
export function readHandover(text: string): { ok: true; doc: Handover } | { ok: false; error: HandoverReadError } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not_json' };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== HANDOVER_FORMAT) return { ok: false, error: 'not_handover' };
  if (typeof head.version === 'number' && head.version > HANDOVER_VERSION) return { ok: false, error: 'newer_version' };
  const parsed = Handover.safeParse(raw);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, error: 'invalid' };
}

/** `dossier-boulangerie-dupont-2026-11-23.json`: readable, safe on every file system. */
export function handoverFileName(debtorName: string, today: string, ext = 'json'): string {
  const slug = debtorName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `dossier-${slug || 'debiteur'}-${today}.${ext}`;
}
