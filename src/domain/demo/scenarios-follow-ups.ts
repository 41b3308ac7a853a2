/** Hand-written debtors around follow-up: fully paid, a check due today, a call-back tomorrow, a formal notice. */
import { DossierBuilder, euros, frDate } from './dossier-builder';
import { landline, mobile } from './places';
import { eur, frenchAddress, type Scenario } from './scenario-kit';
import { sirenFrom } from './siren';

/** Everything paid, including the invoice that was late: nothing left to chase. */
export const allPaid: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Pharmacie Dumas SARL',
    siren: sirenFrom(5, 6605193),
    address: frenchAddress('5 rue Pasteur', '63000', 'Clermont-Ferrand'),
    segment: 'small_business',
    creditLimitCents: eur(6000),
    blockingThresholdCents: eur(500),
    notes: 'Officine de centre-ville. Règle par virement en fin de mois.',
    customerSinceDays: 1800,
  });
  const owner = b.contact({ first: 'Anaïs', last: 'Dumas', role: 'manager', phone: landline('04', 3318), preferred: true });
  for (const [dueIn, amount] of [[-150, 480], [-90, 1260], [-60, 355]] as const) {
    const inv = b.invoice({ dueIn, label: 'Éclairage de vitrine', exclCents: eur(amount) });
    b.pay(inv, 'all', dueIn);
  }
  const late = b.invoice({ dueIn: -33, label: 'Mise en conformité éclairage de sécurité', exclCents: eur(1740) });
  b.firstReminder(-28, [late]);
  b.call(-20, '11:15', 'promise', `Oubli reconnu par Mme Dumas : virement de ${euros(late.amountInclVatCents)} promis pour le ${frDate(b.day(-12))}.`, 'forgotten', owner);
  b.promise({ contact: owner, createdOffset: -20, createdTime: '11:15', dueOffset: -12, amountCents: late.amountInclVatCents, invoices: [late], status: 'kept', paidCents: late.amountInclVatCents });
  b.pay(late, 'all', -13);
  b.task({ kind: 'check_promise', dueOffset: -12, note: `Vérifier le virement promis pour ${late.number}.`, doneOffset: -12 });
  return b.build();
};

/** A promise due today: the follow-up check is on today's list. */
export const followUpDueToday: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Menuiserie Perrin du Jura SARL',
    siren: sirenFrom(4, 9017742),
    address: frenchAddress('31 chemin des Vignes', '25000', 'Besançon'),
    segment: 'small_business',
    creditLimitCents: eur(10000),
    blockingThresholdCents: eur(1000),
    notes: 'Menuiserie agencement de magasins. Le gérant signe seul les virements, souvent absent en chantier.',
    customerSinceDays: 1000,
  });
  const boss = b.contact({ first: 'Benoît', last: 'Perrin', role: 'manager', phone: mobile(3391), preferred: true });
  b.contact({ first: 'Lucie', last: 'Perrin', role: 'accountant', phone: landline('03', 6604) });
  const inv = b.invoice({ dueIn: -33, label: 'Fourniture de réglettes étanches', exclCents: eur(4200) });
  b.firstReminder(-28, [inv]);
  b.call(-8, '17:05', 'promise', `M. Perrin, signataire absent jusqu’ici, promet le virement de ${euros(inv.amountInclVatCents)} pour le ${frDate(b.day(0))}.`, 'signatory_absent', boss);
  b.promise({ contact: boss, createdOffset: -8, createdTime: '17:05', dueOffset: 0, amountCents: inv.amountInclVatCents, invoices: [inv], status: 'pending' });
  b.log('email', -8, '17:30', `Récapitulatif envoyé à M. Perrin : virement de ${euros(inv.amountInclVatCents)} le ${frDate(b.day(0))}.`, 'sent', { step: 'recap' });
  b.task({ kind: 'check_promise', dueOffset: 0, note: `Vérifier la réception du virement promis par M. Perrin (${inv.number}).` });
  return b.build();
};

/** The accountant asked to be called back tomorrow at an agreed hour. */
export const callBackTomorrow: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Électricité Bonnet Midi SAS',
    siren: sirenFrom(7, 1148826),
    address: frenchAddress('12 allée des Tilleuls', '31000', 'Toulouse'),
    segment: 'mid_market',
    creditLimitCents: eur(25000),
    blockingThresholdCents: eur(5000),
    notes: 'Installateur électricien, gros volume de fournitures. Clôture comptable les premiers jours du mois.',
    customerSinceDays: 1400,
  });
  b.contact({ first: 'Frédéric', last: 'Bonnet', role: 'executive', phone: landline('05', 1288) });
  const accountant = b.contact({ first: 'Valérie', last: 'Bonnet', role: 'accountant', phone: landline('05', 1290), preferred: true });
  const i1 = b.invoice({ dueIn: -27, label: 'Fourniture de câbles et connectique', exclCents: eur(5630) });
  const i2 = b.invoice({ dueIn: -9, label: 'Fourniture de luminaires LED', exclCents: eur(2210) });
  b.firstReminder(-22, [i1]);
  b.firstReminder(-4, [i2]);
  b.call(-1, '08:50', 'callback_requested', 'Mme Bonnet est en clôture mensuelle : rappel demandé demain à 10 h 30, elle aura le relevé des paiements.', undefined, accountant);
  b.task({ kind: 'call_back', dueOffset: 1, dueTime: '10:30', note: `Rappeler Mme Bonnet à 10 h 30 pour ${i1.number} et ${i2.number}.` });
  return b.build();
};

/** Every rung of the ladder climbed with no answer: the formal notice is out, hand-over is next. */
export const formalNotice: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Agencement Rolland SASU',
    siren: sirenFrom(8, 7263359),
    address: frenchAddress('4 impasse des Érables', '13002', 'Marseille'),
    segment: 'small_business',
    creditLimitCents: eur(5000),
    blockingThresholdCents: eur(500),
    notes: 'Aucun contact obtenu depuis l’été. Dossier à transmettre au cabinet de recouvrement si la mise en demeure reste sans effet.',
    customerSinceDays: 500,
  });
  const boss = b.contact({ first: 'Fabrice', last: 'Rolland', role: 'executive', phone: mobile(8820), preferred: true });
  const inv = b.invoice({ dueIn: -118, label: "Pose de suspensions en salle de restaurant", exclCents: eur(6940) });
  b.firstReminder(-113, [inv]);
  b.call(-105, '09:00', 'no_answer', 'Pas de réponse.', undefined, boss);
  b.call(-98, '15:40', 'voicemail', 'Message laissé à M. Rolland.', undefined, boss);
  b.secondReminder(-90, [inv]);
  b.call(-75, '10:20', 'refused', 'M. Rolland raccroche en indiquant qu’il « paiera quand il pourra ».', 'bad_faith', boss);
  b.log(
    'letter',
    -60,
    '07:30',
    `Mise en demeure envoyée en recommandé avec AR pour ${inv.number} : règlement sous 8 jours, à défaut transmission au contentieux et déclaration à l’assureur-crédit.`,
    'sent',
    { step: 'formal_notice', invoiceIds: [inv.id] },
  );
  b.log('note', -45, '11:30', 'Mise en demeure restée sans réponse. Préparer la transmission du dossier au cabinet de recouvrement.');
  return b.build();
};
