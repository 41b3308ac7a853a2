/**
 * The recap email sent after a call (seed 001: "envoi d'un courrier ou email rappelant les engagements
 * pris par téléphone"). The seeds' tone: present tense, courteous, positive wording, never "vous devez";
 * the reason for the delay is phrased neutrally, and "bad faith" never reaches the debtor.
 */
import type { DelayReasonCode } from '../call/reasons';
import { commitmentBalance } from '../payments/balance';
import { date, invoiceTable, money, outstandingOf, renderTextTable, type DraftInvoice, type DraftLocale } from './common';

export type RecapMeans = 'transfer' | 'cheque' | 'card' | 'direct_debit' | 'other';

export interface RecapCommitment {
  amountCents: number;
  date: string;
  means: RecapMeans;
}

export type RecapNextStep =
  | { kind: 'check_payment'; date: string }
  | { kind: 'call_back'; date: string; time?: string }
  | { kind: 'plan_answer'; date: string }
  | { kind: 'send_duplicate' }
  | { kind: 'dispute_review' };

export interface RecapEmailInput {
  locale: DraftLocale;
  contact: { name: string };
  /** The agent's signature from Settings, as typed (several lines). */
  signature: string;
  callDate: string;
  reason?: { code: DelayReasonCode; text?: string };
  commitments: readonly RecapCommitment[];
  invoices: readonly DraftInvoice[];
  nextSteps: readonly RecapNextStep[];
  /** Shown when the debtor mentioned bank details (IBAN, BIC). */
  bankDetails?: string;
}

export interface EmailDraft {
  subject: string;
  text: string;
}

type Fmt = { d: (iso: string) => string; m: (cents: number) => string };

const TEXT = {
  fr: {
    subject: (day: string, refs: string) => `Récapitulatif de notre échange du ${day}${refs ? ` — factures ${refs}` : ''}`,
    greeting: (name: string) => `Bonjour ${name},`,
    thanks: (day: string) => `Je vous remercie pour notre échange téléphonique du ${day}. Je vous confirme ci-dessous les points convenus ensemble.`,
    reasons: {
      forgotten: 'Vous m’indiquez que le règlement n’est pas encore programmé.',
      invoice_not_received: 'Vous m’indiquez que la facture ne vous est pas parvenue.',
      dispute: 'Vous me signalez un point à vérifier sur la facture ou la livraison\u202f; je le transmets à nos services.',
      signatory_absent: 'Vous m’indiquez que la personne habilitée à signer les règlements est absente en ce moment.',
      bank_details: 'Vous m’indiquez une question sur nos coordonnées bancaires.',
      approval_workflow: 'Vous m’indiquez que la facture est en cours de validation dans votre circuit interne.',
      cash_flow: 'Vous m’indiquez un décalage de trésorerie passager.',
      other: '',
    } satisfies Record<Exclude<DelayReasonCode, 'bad_faith'>, string>,
    reasonDetail: (text: string) => `Précision notée\u00a0: ${text}`,
    bankDetails: (text: string) => `Nos coordonnées bancaires\u00a0: ${text}`,
    means: { transfer: 'par virement', cheque: 'par chèque', card: 'par carte bancaire', direct_debit: 'par prélèvement', other: '' },
    oneCommitment: (c: string) => `Comme convenu, vous procédez au règlement de ${c}.`,
    manyCommitments: 'Comme convenu, vous procédez aux règlements suivants\u00a0:',
    commitment: (f: Fmt, c: RecapCommitment, means: string) => `${f.m(c.amountCents)} le ${f.d(c.date)}${means ? ` ${means}` : ''}`,
    invoicesIntro: (many: boolean) => `${many ? 'Ces règlements concernent' : 'Ce règlement concerne'} les factures suivantes\u00a0:`,
    invoicesIntroNoPayment: 'Voici les factures concernées et ce qui reste dû\u00a0:',
    total: 'Total restant dû',
    settles: (many: boolean) => `${many ? 'Ces règlements soldent' : 'Ce règlement solde'} ces factures.`,
    remains: (many: boolean, left: string) => `Après ${many ? 'ces règlements' : 'ce règlement'}, il reste ${left} à régler sur ces factures.`,
    nextIntro: 'La suite\u00a0:',
    next: (f: Fmt, s: RecapNextStep): string => {
      switch (s.kind) {
        case 'check_payment':
          return `je vérifie la bonne réception de votre règlement le ${f.d(s.date)}.`;
        case 'call_back':
          return `je vous rappelle le ${f.d(s.date)}${s.time ? ` à ${s.time.replace(':', ' h ')}` : ''}, comme convenu.`;
        case 'plan_answer':
          return `je reviens vers vous le ${f.d(s.date)} avec notre réponse à votre proposition d’échéancier.`;
        case 'send_duplicate':
          return 'je vous adresse un duplicata certifié conforme de la facture.';
        case 'dispute_review':
          return 'je transmets votre remarque à nos services et reviens vers vous dès leur retour.';
      }
    },
    close: 'Je reste à votre disposition pour toute question et vous remercie de votre confiance.',
    regards: 'Bien cordialement,',
  },
  en: {
    subject: (day: string, refs: string) => `Summary of our call on ${day}${refs ? ` — invoices ${refs}` : ''}`,
    greeting: (name: string) => `Dear ${name},`,
    thanks: (day: string) => `Thank you for our telephone conversation on ${day}. Here is a summary of what we agreed.`,
    reasons: {
      forgotten: 'You let me know that the payment is not scheduled yet.',
      invoice_not_received: 'You let me know that the invoice has not reached you.',
      dispute: 'You point out an item to check on the invoice or the delivery; I am passing it on to our team.',
      signatory_absent: 'You let me know that the person who signs payments is away at the moment.',
      bank_details: 'You raise a question about our bank details.',
      approval_workflow: 'You let me know that the invoice is going through your internal approval process.',
      cash_flow: 'You let me know about a temporary cash-flow gap.',
      other: '',
    } satisfies Record<Exclude<DelayReasonCode, 'bad_faith'>, string>,
    reasonDetail: (text: string) => `Noted: ${text}`,
    bankDetails: (text: string) => `Our bank details: ${text}`,
    means: { transfer: 'by bank transfer', cheque: 'by cheque', card: 'by card', direct_debit: 'by direct debit', other: '' },
    oneCommitment: (c: string) => `As agreed, you are paying ${c}.`,
    manyCommitments: 'As agreed, you are making the following payments:',
    commitment: (f: Fmt, c: RecapCommitment, means: string) => `${f.m(c.amountCents)} on ${f.d(c.date)}${means ? ` ${means}` : ''}`,
    invoicesIntro: (many: boolean) => `${many ? 'These payments cover' : 'This payment covers'} the following invoices:`,
    invoicesIntroNoPayment: 'Here are the invoices concerned and what remains outstanding:',
    total: 'Total outstanding',
    settles: (many: boolean) => `${many ? 'These payments settle' : 'This payment settles'} these invoices.`,
    remains: (many: boolean, left: string) => `After ${many ? 'these payments' : 'this payment'}, ${left} remains to be paid on these invoices.`,
    nextIntro: 'Next:',
    next: (f: Fmt, s: RecapNextStep): string => {
      switch (s.kind) {
        case 'check_payment':
          return `I check on ${f.d(s.date)} that your payment has arrived.`;
        case 'call_back':
          return `I call you back on ${f.d(s.date)}${s.time ? ` at ${s.time}` : ''}, as agreed.`;
        case 'plan_answer':
          return `I come back to you on ${f.d(s.date)} with our answer to your proposed payment plan.`;
        case 'send_duplicate':
          return 'I am sending you a certified duplicate of the invoice.';
        case 'dispute_review':
          return 'I am passing your remark on to our team and come back to you as soon as I hear from them.';
      }
    },
    close: 'I remain at your disposal for any question, and thank you for your trust.',
    regards: 'Kind regards,',
  },
};

const MAX_REFS_IN_SUBJECT = 3;

export function recapEmail(input: RecapEmailInput): EmailDraft {
  const { locale } = input;
  const t = TEXT[locale];
  const f: Fmt = { d: (iso) => date(iso, locale), m: (c) => money(c, locale) };
  const refs = input.invoices.map((i) => i.number);
  const refText = refs.slice(0, MAX_REFS_IN_SUBJECT).join(', ') + (refs.length > MAX_REFS_IN_SUBJECT ? '…' : '');
  const blocks: string[] = [t.greeting(input.contact.name), t.thanks(f.d(input.callDate))];

  const reason = input.reason;
  // Bad faith is the agent's private judgement: it stays in the dossier, neither code nor note is sent.
  if (reason && reason.code !== 'bad_faith') {
    const lines = [t.reasons[reason.code], reason.text?.trim() ? t.reasonDetail(reason.text.trim()) : ''].filter(Boolean);
    if (lines.length) blocks.push(lines.join('\n'));
  }
  if (input.bankDetails?.trim()) blocks.push(t.bankDetails(input.bankDetails.trim()));

  const commitments = input.commitments.map((c) => t.commitment(f, c, t.means[c.means]));
  if (commitments.length === 1) blocks.push(t.oneCommitment(commitments[0] ?? ''));
  else if (commitments.length > 1) blocks.push([t.manyCommitments, ...commitments.map((c) => `- ${c}`)].join('\n'));

  if (input.invoices.length > 0) {
    // What is still owed, never the invoices' full amounts as if nothing had been paid.
    const table = invoiceTable(input.invoices, locale, { labelMaxLength: 30, withOutstanding: true });
    const committed = input.commitments.reduce((s, c) => s + c.amountCents, 0);
    const balance = commitmentBalance(
      input.invoices.map((i) => ({ id: i.number, number: i.number, outstandingCents: outstandingOf(i) })),
      committed,
    );
    table.rows.push(['', '', '', t.total, f.m(balance.owedCents)]);
    const paying = input.commitments.length > 0;
    const many = input.commitments.length > 1;
    const lines = [`${paying ? t.invoicesIntro(many) : t.invoicesIntroNoPayment}\n\n${renderTextTable(table)}`];
    if (paying) lines.push(balance.settles ? t.settles(many) : t.remains(many, f.m(balance.remainingAfterCents)));
    blocks.push(lines.join('\n\n'));
  }

  if (input.nextSteps.length === 1) blocks.push(capitalise(t.next(f, input.nextSteps[0] as RecapNextStep)));
  else if (input.nextSteps.length > 1) blocks.push([t.nextIntro, ...input.nextSteps.map((s) => `- ${t.next(f, s)}`)].join('\n'));

  blocks.push(t.close, `${t.regards}\n${input.signature.trim()}`);
  return { subject: t.subject(f.d(input.callDate), refText), text: `${blocks.join('\n\n')}\n` };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
