/**
 * The three letters of the reminder ladder (seed 004) as structured documents, filled from the dossier:
 * first reminder (J+5, personalised, table of overdue invoices, offer of duplicates), second reminder
 * (J+15 after the first, stating the sanctions), formal notice (mise en demeure: date, both parties,
 * amounts and invoice references, deadline of 8 or 15 days, how to pay, penalties and the 40 € indemnity,
 * legal action, report to the credit insurer). The print view lays them out on A4.
 */
import { addDays, daysBetween } from '../calendar/isoDate';
import { RECOVERY_INDEMNITY_CENTS } from '../penalties/penalties';
import { addressBlock, date, invoiceTable, money, outstandingOf, sumCents, type DraftLocale } from './common';
import { LETTER_TEXT_EN } from './letterText.en';
import { LETTER_TEXT_FR } from './letterText.fr';
import type { LetterBlock, LetterDocument, LetterInput, LetterKind, LetterText, LetterTotal } from './letterTypes';

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
  const indemnity = input.debtor.kind === 'business' ? (input.penalties?.indemnityCents ?? 0) : 0;
  const rows: LetterTotal[] = [{ code: 'outstanding', label: t.totals.outstanding, amountCents: outstanding, text: m(outstanding) }];
  if (interest > 0) rows.push({ code: 'interest', label: t.totals.interest, amountCents: interest, text: m(interest) });
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

function secondReminder(input: LetterInput): LetterDocument {
  const { locale } = input;
  const t = LETTER_TEXT[locale];
  const base = frame(input, 'second_reminder', t, false);
  const outstanding = money(sumCents(input.invoices, outstandingOf), locale);
  const sanctions: string[] = [];
  const pen = input.penalties;
  if (pen) sanctions.push(t.second.interest(pen.basis, money(pen.interestCents, locale), date(pen.asOf, locale)));
  if (input.debtor.kind === 'business') {
    sanctions.push(t.second.indemnity(money(input.penalties?.indemnityCents ?? RECOVERY_INDEMNITY_CENTS * input.invoices.length, locale)));
  }
  if (input.blockingThresholdCents && input.blockingThresholdCents > 0) {
    sanctions.push(t.second.blocking(money(input.blockingThresholdCents, locale)));
  }
  const blocks: LetterBlock[] = [
    p(t.second.despite((input.previousReminders ?? []).map((d) => date(d, locale)), outstanding)),
    { kind: 'invoices' },
    { kind: 'totals' },
    ...(sanctions.length ? [p(t.second.sanctionsIntro), { kind: 'list', items: sanctions } as LetterBlock] : []),
    p(t.second.compromise),
    p(t.unpaidNotice),
  ];
  return { ...base, title: t.second.title, subject: t.second.subject, blocks };
}

function formalNotice(input: LetterInput): LetterDocument {
  const { locale, creditor, debtor } = input;
  const t = LETTER_TEXT[locale];
  const base = frame(input, 'formal_notice', t, true);
  const days = input.deadlineDays ?? DEFAULT_FORMAL_NOTICE_DAYS;
  const deadline = addDays(input.date, days);
  const a = creditor.address;
  const creditorAddress = [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ');
  const blocks: LetterBlock[] = [
    p(t.notice.demand(creditor.name, debtor.name, money(claimed(base.totals), locale), (input.previousReminders ?? []).map((d) => date(d, locale)))),
    { kind: 'invoices' },
    { kind: 'totals' },
    p(t.notice.deadline(days, date(deadline, locale))),
    p(t.notice.howToPay({ creditor: creditor.name, address: creditorAddress, ...(creditor.iban ? { iban: creditor.iban } : {}), ...(creditor.bic ? { bic: creditor.bic } : {}) })),
    p(t.notice.penalties(input.penalties?.basis ?? 'statutory', debtor.kind === 'business')),
    p(t.notice.legalAction),
    p(t.notice.creditInsurer(creditor.creditInsurer)),
    p(t.unpaidNotice),
  ];
  return { ...base, title: t.notice.title, subject: t.notice.subject, blocks, deadline };
}
