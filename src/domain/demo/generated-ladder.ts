/**
 * The reminder ladder (DESIGN.md) played forward for one overdue invoice of a generated debtor:
 * J+5 reminder, a call, maybe a promise, J+20 second reminder, another call, formal notice.
 * Nothing is written on or after today: the timeline only holds what already happened.
 */
import type { Contact, Invoice } from '../entities';
import { DossierBuilder, euros, frDate } from './dossier-builder';
import type { DemoOutcome } from './dossier-types';
import { CALL_NOTES } from './labels';
import type { Rng } from './prng';

const LAST_PAST_DAY = -1;

export function playLadder(b: DossierBuilder, rng: Rng, inv: Invoice, dueIn: number, contact: Contact): void {
  let cursor = dueIn + 5;
  if (cursor > LAST_PAST_DAY) return;
  b.firstReminder(cursor, [inv], rng.chance(0.7) ? 'email' : 'letter');

  cursor = dueIn + rng.int(8, 12);
  if (cursor > LAST_PAST_DAY) return;
  const outcome = rng.weighted<DemoOutcome>([
    ['no_answer', 2],
    ['voicemail', 3],
    ['callback_requested', 2],
    ['promise', 4],
    ['invoice_not_received', 1],
  ]);
  const time = `${String(rng.int(7, 15)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`;

  if (outcome === 'promise') {
    const promiseDue = cursor + rng.int(5, 15);
    const remaining = inv.amountInclVatCents - inv.amountPaidCents;
    const note = `${rng.pick(CALL_NOTES.promise)} ${euros(remaining)} pour le ${frDate(b.day(promiseDue))} (${inv.number}).`;
    b.call(cursor, time, 'promise', note, 'forgotten', contact);
    if (promiseDue > LAST_PAST_DAY) {
      b.promise({ contact, createdOffset: cursor, createdTime: time, dueOffset: promiseDue, amountCents: remaining, invoices: [inv], status: 'pending' });
      b.task({ kind: 'check_promise', dueOffset: promiseDue, note: `Vérifier le virement promis pour ${inv.number}.` });
      return;
    }
    const status = rng.weighted([['kept', 5], ['partial', 2], ['broken', 3]] as const);
    const paid = status === 'kept' ? b.pay(inv, 'all', promiseDue) : status === 'partial' ? b.pay(inv, Math.floor(remaining / 2), promiseDue) : 0;
    b.promise({ contact, createdOffset: cursor, createdTime: time, dueOffset: promiseDue, amountCents: remaining, invoices: [inv], status, paidCents: paid });
    if (status === 'kept') return;
    if (status === 'broken' && promiseDue + 1 <= LAST_PAST_DAY) {
      b.log('note', promiseDue + 1, '15:00', `Promesse non tenue : aucun virement reçu pour ${inv.number}.`);
    }
    cursor = promiseDue + 3;
  } else if (outcome === 'callback_requested') {
    b.call(cursor, time, outcome, rng.pick(CALL_NOTES.callback_requested), undefined, contact);
    const callBack = cursor + 2;
    if (callBack > LAST_PAST_DAY) {
      b.task({ kind: 'call_back', dueOffset: callBack, dueTime: '10:00', note: `Rappeler ${contact.name} au sujet de ${inv.number}.` });
      return;
    }
    b.call(callBack, '08:00', 'voicemail', rng.pick(CALL_NOTES.voicemail), undefined, contact);
    cursor = callBack;
  } else if (outcome === 'invoice_not_received') {
    b.call(cursor, time, outcome, rng.pick(CALL_NOTES.invoice_not_received), 'invoice_not_received', contact);
    b.log('email', cursor, time, `Duplicata de ${inv.number} envoyé à ${contact.email}.`, 'sent', { step: 'invoice_copy' });
  } else {
    b.call(cursor, time, outcome, rng.pick(CALL_NOTES[outcome as 'no_answer' | 'voicemail']), undefined, contact);
  }

  cursor = Math.max(cursor + 3, dueIn + 20);
  if (cursor > LAST_PAST_DAY) return;
  b.secondReminder(cursor, [inv]);

  cursor += rng.int(10, 20);
  if (cursor > LAST_PAST_DAY) return;
  const late = rng.weighted([['no_answer', 1], ['voicemail', 2], ['refused', 1]] as const);
  const summary = late === 'refused' ? 'Le gérant refuse de s’engager sur une date de paiement.' : rng.pick(CALL_NOTES[late]);
  b.call(cursor, '13:30', late, summary, late === 'refused' ? 'bad_faith' : undefined, contact);

  cursor += 15;
  if (dueIn > -70 || cursor > LAST_PAST_DAY || !rng.chance(0.5)) return;
  b.log('letter', cursor, '07:30', `Mise en demeure envoyée en recommandé avec AR pour ${inv.number}.`, 'sent', {
    step: 'formal_notice',
    invoiceIds: [inv.id],
  });
}
