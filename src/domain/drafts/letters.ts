/**
 * The three letters of the reminder ladder (seed 004) as structured documents, filled from the dossier:
 * first reminder (J+5, personalised, table of overdue invoices, offer of duplicates), second reminder
 * (J+15 after the first, stating the sanctions), formal notice (mise en demeure: date, both parties,
 * amounts and invoice references, deadline of 8 or 15 days printed as a date, how to pay, penalties and the
 * 40 € indemnity, legal action, report to the credit insurer when one is named). The print view lays them out
 * on A4.
 *
 * A consumer is outside L441-10 and D441-5: their letters never cite the ECB + 10 points, the 40 € indemnity
 * or a credit insurer; the only interest they mention is the legal interest rate from the formal notice
 * (Code civil 1231-6). A business's second reminder says that penalties already run since the day after the
 * due date, without any reminder (L441-10), and keeps "without payment by return" for what is still to come.
 */
import { addDays, daysBetween } from '../calendar/isoDate';
import { formalNoticeDeadline } from '../ladder/ladder';
import { RECOVERY_INDEMNITY_CENTS } from '../penalties/penalties';
import { addressBlock, date, invoiceTable, money, outstandingOf, sumCents, weekday, type DraftLocale } from './common';
import { LETTER_TEXT_EN } from './letterText.en';
import { LETTER_TEXT_FR } from './letterText.fr';
import type { BusinessBasis, LetterBlock, LetterDocument, LetterInput, LetterKind, LetterText, LetterTotal } from './letterTypes';

export const LETTER_TEXT: Record<DraftLocale, LetterText> = { fr: LETTER_TEXT_FR, en: LETTER_TEXT_EN };
export const DEFAULT_FORMAL_NOTICE_DAYS = 8;

const p = (text: string): LetterBlock => ({ kind: 'paragraph', text });

export function letter(kind: LetterKind, input: LetterInput): LetterDocument {
  switch (kind) {
    case 'first_reminder':
      return firstReminder(input);
    case 'second_reminder':
      return secondReminder(input);
    case 'formal_notice':
      return formalNotice(input);
  }
}

function frame(input: LetterInput, kind: LetterKind, t: LetterText, registered: boolean) {
  const { creditor, debtor, locale } = input;
  const totals = letterTotals(input, t);
  const contact = [
    t.contactLine.email(creditor.email),
    ...(creditor.phone ? [t.contactLine.phone(creditor.phone)] : []),
    ...(creditor.siren ? [t.contactLine.siren(creditor.siren)] : []),
  ];
  return {
    kind,
    locale,
    sender: { ...addressBlock(creditor.name, creditor.address), contact },
    recipient: addressBlock(
      debtor.name,
      debtor.address,
      creditor.address.country,
      debtor.contactName ? t.attention(debtor.contactName) : undefined,
    ),
    mentions: registered ? [t.mentionRegistered] : [],
    placeAndDate: t.placeAndDate(creditor.address.city, date(input.date, locale)),
    ...(debtor.accountRef ? { reference: t.reference(debtor.accountRef) } : {}),
    salutation: t.salutation(debtor.contactName),
    invoiceTable: invoiceTable(input.invoices, locale, { withDueAndOutstanding: true }),
    totals,
    closing: t.closing(debtor.contactName),
    signature: creditor.signature.split('\n').map((l) => l.trim()).filter(Boolean),
  };
}

/** Principal still owed, then accrued interest and indemnity when known (never an indemnity for a consumer). */
export function letterTotals(input: LetterInput, t: LetterText = LETTER_TEXT[input.locale]): LetterTotal[] {
  const m = (c: number) => money(c, input.locale);
  const outstanding = sumCents(input.invoices, outstandingOf);
  const interest = input.penalties?.interestCents ?? 0;
  const business = input.debtor.kind === 'business';
  const indemnity = business ? (input.penalties?.indemnityCents ?? 0) : 0;
  const rows: LetterTotal[] = [{ code: 'outstanding', label: t.totals.outstanding, amountCents: outstanding, text: m(outstanding) }];
  const interestLabel = business ? t.totals.interest : t.legalInterestTotal;
  if (interest > 0) rows.push({ code: 'interest', label: interestLabel, amountCents: interest, text: m(interest) });
  if (indemnity > 0) rows.push({ code: 'indemnity', label: t.totals.indemnity, amountCents: indemnity, text: m(indemnity) });
  const total = outstanding + interest + indemnity;
  if (rows.length > 1) rows.push({ code: 'total', label: t.totals.total, amountCents: total, text: m(total) });
  return rows;
}

function claimed(totals: LetterTotal[]): number {
  return (totals.find((r) => r.code === 'total') ?? totals[0])?.amountCents ?? 0;
}

function firstReminder(input: LetterInput): LetterDocument {
  const t = LETTER_TEXT[input.locale];
  const oldestDue = input.invoices.map((i) => i.dueDate).sort()[0] ?? input.date;
  const blocks: LetterBlock[] = [
    p(t.first.late(Math.max(0, daysBetween(oldestDue, input.date)))),
    p(t.first.ask),
    { kind: 'invoices' },
    { kind: 'totals' },
    p(t.first.duplicates(input.creditor.email)),
    p(t.first.terms(input.debtor.kind === 'business')),
    p(t.unpaidNotice),
    p(t.first.relationship(input.creditor.name)),
  ];
  return { ...frame(input, 'first_reminder', t, false), title: t.first.title, subject: t.first.subject, blocks };
}

/** The basis of a business's penalties; a consumer's letters never use one of these. */
const businessBasis = (input: LetterInput): BusinessBasis =>
  input.penalties?.basis === 'contractual' ? (input.penalties.raisedToFloor ? 'contractual_floor' : 'contractual') : 'statutory';

function secondReminder(input: LetterInput): LetterDocument {
  const { locale } = input;
  const t = LETTER_TEXT[locale];
  const base = frame(input, 'second_reminder', t, false);
  const outstanding = money(sumCents(input.invoices, outstandingOf), locale);
  const pen = input.penalties;
  const blocks: LetterBlock[] = [p(t.second.despite((input.previousReminders ?? []).map((d) => date(d, locale)), outstanding)), { kind: 'invoices' }, { kind: 'totals' }];
  if (input.debtor.kind === 'business') {
    // Already due by law since the day after each due date: stated as a fact, not as a threat for later.
    const accrued: string[] = [];
    if (pen) accrued.push(t.second.interest(businessBasis(input), money(pen.interestCents, locale), date(pen.asOf, locale)));
    accrued.push(t.second.indemnity(money(pen?.indemnityCents ?? RECOVERY_INDEMNITY_CENTS * input.invoices.length, locale)));
    blocks.push(p(t.second.accrued), { kind: 'list', items: accrued });
  } else {
    const since = pen?.basis === 'legal' && pen.since && pen.interestCents > 0 ? { day: date(pen.since, locale), amount: money(pen.interestCents, locale), asOf: date(pen.asOf, locale) } : undefined;
    blocks.push(p(t.second.consumerInterest(since)));
  }
  if (input.blockingThresholdCents && input.blockingThresholdCents > 0) blocks.push(p(t.second.blocking(money(input.blockingThresholdCents, locale))));
  blocks.push(p(t.second.compromise), p(t.unpaidNotice));
  return { ...base, title: t.second.title, subject: t.second.subject, blocks };
}

function formalNotice(input: LetterInput): LetterDocument {
  const { locale, creditor, debtor } = input;
  const t = LETTER_TEXT[locale];
  const base = frame(input, 'formal_notice', t, true);
  const days = input.deadlineDays ?? DEFAULT_FORMAL_NOTICE_DAYS;
  const deadline = formalNoticeDeadline(input.date, days);
  const moved = deadline !== addDays(input.date, days);
  const a = creditor.address;
  const creditorAddress = [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ');
  const business = debtor.kind === 'business';
  const insurer = creditor.creditInsurer?.trim();
  const since = input.penalties?.basis === 'legal' && input.penalties.since && input.penalties.since < input.date ? date(input.penalties.since, locale) : undefined;
  const blocks: LetterBlock[] = [
    p(t.notice.demand(creditor.name, debtor.name, money(claimed(base.totals), locale), (input.previousReminders ?? []).map((d) => date(d, locale)))),
    { kind: 'invoices' },
    { kind: 'totals' },
    p(t.notice.deadline(days, t.weekday(date(deadline, locale), weekday(deadline, locale)), moved)),
    p(t.notice.howToPay({ creditor: creditor.name, address: creditorAddress, ...(creditor.iban ? { iban: creditor.iban } : {}), ...(creditor.bic ? { bic: creditor.bic } : {}) })),
    p(business ? t.notice.penalties(businessBasis(input)) : t.notice.consumerInterest(since)),
    p(t.notice.legalAction),
    // No empty threat: only a business, and only when Settings names the insurer.
    ...(business && insurer ? [p(t.notice.creditInsurer(insurer))] : []),
    p(t.unpaidNotice),
  ];
  return { ...base, title: t.notice.title, subject: t.notice.subject, blocks, deadline };
}
