/**
 * Fills a reminder letter (domain/drafts/letters.ts) from the dossier: the creditor from Settings, the debtor
 * and the contact to address, the overdue invoices the ladder names, earlier reminders of this episode, and
 * penalties as of the letter's date. The first reminder states no amounts of penalties (it is a courteous
 * reminder; its terms paragraph mentions them in general); the second reminder and the formal notice do.
 */
import type { DebtorBundle } from '../../domain/bundle';
import { toWallTime } from '../../domain/calendar/zonedTime';
import type { DraftInvoice } from '../../domain/drafts/common';
import type { LetterInput, LetterKind } from '../../domain/drafts/letterTypes';
import { DEFAULT_FORMAL_NOTICE_DAYS } from '../../domain/drafts/letters';
import type { CreditorProfile, RateSettings, Settings } from '../../domain/entities';
import { dossierRung } from '../../domain/ladder/dossier-rung';
import { ladderStepOf } from '../../domain/ladder/ladder';
import { outstandingCents } from '../../domain/payments/allocation';
import { promiseView } from '../../domain/payments/promise-view';
import { dossierPenalties, isOverdue } from '../../domain/penalties/dossier-penalties';

export interface LetterContext {
  bundle: DebtorBundle;
  settings: Settings;
  creditor: CreditorProfile;
  rates: RateSettings;
  today: string;
}

/** Dates of the written reminders already sent in the current overdue episode, oldest first. */
export function previousReminders(bundle: DebtorBundle, today: string): string[] {
  const overdue = bundle.invoices.filter((i) => isOverdue(i, today)).map((i) => i.dueDate).sort();
  const start = overdue[0];
  if (!start) return [];
  return bundle.activities
    .filter((a) => {
      const step = ladderStepOf(a);
      return step === 'first_reminder' || step === 'second_reminder';
    })
    .map((a) => toWallTime(a.at).date)
    .filter((d) => d > start)
    .sort();
}

export interface FilledLetter {
  input: LetterInput;
  invoiceIds: string[];
  /** Principal + penalties claimed, for the timeline. */
  totalCents: number;
}

/**
 * The invoices a letter lists: the ladder's when it is at this rung, else every overdue one. Only those overdue
 * on the letter's date: the ladder names the invoices due by its rung's date, which can be later (a letter
 * drafted early, or while a promise holds the rung back), and a letter dated today demands nothing not yet due.
 */
function letterInvoices(kind: LetterKind, ctx: LetterContext): string[] {
  const overdue = ctx.bundle.invoices.filter((i) => isOverdue(i, ctx.today)).map((i) => i.id);
  const step = dossierRung(ctx.bundle, ctx.today);
  const named = step && step.rung === kind ? step.invoiceIds.filter((id) => overdue.includes(id)) : [];
  return named.length > 0 ? named : overdue;
}

export function fillLetter(kind: LetterKind, ctx: LetterContext): FilledLetter {
  const { bundle, creditor, settings, today } = ctx;
  const ids = letterInvoices(kind, ctx);
  const chosen = bundle.invoices.filter((i) => ids.includes(i.id)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const invoices: DraftInvoice[] = chosen.map((i) => ({
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    label: i.label,
    amountExclVatCents: i.amountExclVatCents,
    amountInclVatCents: i.amountInclVatCents,
    outstandingCents: outstandingCents(i),
  }));
  const contact = [...bundle.contacts].sort((a, b) => Number(b.preferred) - Number(a.preferred))[0];
  const penalties = kind === 'first_reminder' ? undefined : dossierPenalties(bundle, ctx.rates, today, ids);
  const input: LetterInput = {
    locale: bundle.debtor.language,
    date: today,
    creditor: {
      name: settings.company,
      address: creditor.address,
      email: creditor.email,
      signature: settings.signature,
      ...(creditor.phone ? { phone: creditor.phone } : {}),
      ...(creditor.siren ? { siren: creditor.siren } : {}),
      ...(creditor.iban ? { iban: creditor.iban } : {}),
      ...(creditor.bic ? { bic: creditor.bic } : {}),
      ...(creditor.creditInsurer ? { creditInsurer: creditor.creditInsurer } : {}),
    },
    debtor: {
      name: bundle.debtor.name,
      address: bundle.debtor.address,
      kind: bundle.debtor.kind,
      ...(contact ? { contactName: contact.name } : {}),
    },
    invoices,
    ...(penalties
      ? {
          penalties: {
            interestCents: penalties.interestCents,
            indemnityCents: penalties.indemnityCents,
            asOf: today,
            basis: penalties.basis,
            ...(penalties.formalNoticeDate ? { since: penalties.formalNoticeDate } : {}),
            ...(penalties.warnings.some((w) => w.code === 'contractual_below_floor') ? { raisedToFloor: true } : {}),
          },
        }
      : {}),
    blockingThresholdCents: bundle.debtor.blockingThresholdCents,
    previousReminders: previousReminders(bundle, today),
    ...(kind === 'formal_notice' ? { deadlineDays: creditor.formalNoticeDays ?? DEFAULT_FORMAL_NOTICE_DAYS } : {}),
  };
  const principal = invoices.reduce((s, i) => s + (i.outstandingCents ?? 0), 0);
  const indemnity = bundle.debtor.kind === 'business' ? (penalties?.indemnityCents ?? 0) : 0;
  return { input, invoiceIds: chosen.map((i) => i.id), totalCents: principal + (penalties?.interestCents ?? 0) + indemnity };
}
