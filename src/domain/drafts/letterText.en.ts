/** English wording of the reminder letters; the formal notice keeps the French legal term in brackets. */
import type { BusinessBasis, LetterText } from './letterTypes';

/** The rate a business's interest runs at, as the letters name it. */
const RATE_EN: Record<BusinessBasis, string> = {
  statutory: 'at the European Central Bank refinancing rate plus 10 points',
  contractual: 'at the rate set in our terms of sale',
  contractual_floor:
    'at the rate set in our terms of sale, raised to three times the French legal interest rate for the half-years in which it is lower (French Commercial Code, art. L441-10)',
};

const dateList = (dates: string[]) =>
  dates.length <= 1 ? (dates[0] ?? '') : `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1] ?? ''}`;

export const LETTER_TEXT_EN: LetterText = {
  mentionRegistered: 'Registered letter with acknowledgement of receipt',
  placeAndDate: (city, day) => `${city}, ${day}`,
  reference: (ref) => `Customer ref.: ${ref}`,
  attention: (name) => `For the attention of ${name}`,
  contactLine: { email: (v) => `Email: ${v}`, phone: (v) => `Tel.: ${v}`, siren: (v) => `SIREN ${v}` },
  salutation: (name) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
  // British usage: a letter to a named person closes "sincerely", to Sir or Madam "faithfully".
  closing: (name) => (name ? 'Yours sincerely,' : 'Yours faithfully,'),
  totals: {
    outstanding: 'Principal outstanding (incl. VAT)',
    interest: 'Late-payment interest',
    indemnity: 'Fixed recovery indemnity',
    total: 'Total',
  },
  legalInterestTotal: 'Interest at the legal rate',
  weekday: (day, weekday) => `${weekday} ${day}`,
  unpaidNotice: 'If your payment has reached us in the meantime, thank you: this letter is then without object.',
  first: {
    title: 'Overdue invoices reminder',
    subject: 'Subject: overdue invoices',
    late: (days) =>
      `Our records show that your account is currently ${days} day${days > 1 ? 's' : ''} overdue. We imagine this is a simple oversight.`,
    ask: 'We would be grateful if you could settle your account as soon as possible, or let us know what prevents the payment of the overdue invoices listed below:',
    duplicates: (email) =>
      `If any of these invoices has not reached you, we invite you to contact us by email at ${email}. We send you a certified duplicate as soon as we receive your request.`,
    terms: (business) =>
      business
        ? 'Under our terms of sale, any late payment gives rise to late-payment interest and to a fixed recovery indemnity of €40 per invoice.'
        : 'We remind you that a sum still unpaid after a formal notice bears interest at the French legal interest rate (French Civil Code, art. 1231-6).',
    relationship: (creditor) => `We value a lasting relationship with our customers and thank you for choosing ${creditor}.`,
  },
  second: {
    title: 'Unpaid invoices: applicable sanctions',
    subject: 'Subject: unpaid invoices — payment by return',
    despite: (dates, outstanding) =>
      `Despite ${dates.length ? `${dates.length > 1 ? 'our letters' : 'our letter'} of ${dateList(dates)}` : 'our previous reminders'}, the invoices below remain unpaid to date, for a total of ${outstanding} incl. VAT.`,
    accrued:
      'We remind you that late-payment interest runs automatically from the day after each invoice’s due date, with no reminder needed (French Commercial Code, art. L441-10). As of today, the following are therefore added to the principal:',
    interest: (basis, amount, asOf) => `late-payment interest ${RATE_EN[basis]}, i.e. ${amount} as of ${asOf};`,
    indemnity: (amount) => `a fixed recovery indemnity of €40 per invoice (French Commercial Code, art. D441-5), i.e. ${amount}.`,
    blocking: (threshold) => `Without payment by return, we suspend further deliveries while your outstanding balance exceeds ${threshold}.`,
    consumerInterest: (since) =>
      since
        ? `Since our formal notice of ${since.day}, the sums due bear interest at the French legal interest rate (French Civil Code, art. 1231-6), i.e. ${since.amount} as of ${since.asOf}.`
        : 'Please note that, failing payment, the sums due bear interest at the French legal interest rate from the formal notice (French Civil Code, art. 1231-6).',
    compromise:
      'If a difficulty prevents you from paying these invoices, we invite you to contact us on receipt of this letter so that we can agree on a solution together.',
  },
  notice: {
    title: 'Formal notice to pay (mise en demeure)',
    subject: 'Subject: formal notice to pay (mise en demeure de payer)',
    demand: (creditor, debtor, total, dates) =>
      `By this letter, ${creditor} gives ${debtor} formal notice (mise en demeure) to pay the sum of ${total} for the invoices below, which remain unpaid${dates.length ? ` despite our reminders of ${dateList(dates)}` : ' despite our reminders'}.`,
    deadline: (days, day, moved) =>
      `We expect this payment within ${days} days of the date of this formal notice, that is by ${day} at the latest${moved ? ' (the period ending on a weekend or public holiday, it runs to the next business day)' : ''}.`,
    howToPay: ({ iban, bic, creditor, address }) =>
      `Payment by bank transfer${iban ? ` to IBAN ${iban}${bic ? ` (BIC ${bic})` : ''}` : ''}, quoting the invoice numbers, or by cheque payable to ${creditor} sent to ${address}.`,
    penalties: (basis) =>
      `These sums continue to bear interest until full payment, ${RATE_EN[basis]}${basis === 'statutory' ? ' (French Commercial Code, art. L441-10)' : ''}, and the fixed recovery indemnity of €40 per invoice remains due (art. D441-5).`,
    consumerInterest: (since) =>
      since
        ? `These sums bear interest at the French legal interest rate (taux de l’intérêt légal) since our formal notice of ${since}, until full payment (French Civil Code, art. 1231-6).`
        : 'Failing payment, these sums bear interest at the French legal interest rate (taux de l’intérêt légal) from the date of this formal notice until full payment (French Civil Code, art. 1231-6).',
    legalAction: 'Failing payment within this period, we take legal action without further notice to recover these sums.',
    creditInsurer: (name) => `We also report this payment incident to our credit insurer, ${name}, and to the bodies that monitor late payments.`,
  },
};
