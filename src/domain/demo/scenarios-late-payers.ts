/** Hand-written debtors around lateness itself: forgotten, short of cash, disputing, promising and not paying. */
import { DossierBuilder, euros, frDate } from './dossier-builder';
import { landline, mobile } from './places';
import { eur, frenchAddress, type Scenario } from './scenario-kit';
import { sirenFrom } from './siren';

/** Pays like clockwork; one invoice slipped through, 6 days late. */
export const forgetfulGoodPayer: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Boulangerie Moreau & Fils SARL',
    siren: sirenFrom(4, 1283746),
    address: frenchAddress('14 rue Victor Hugo', '49000', 'Angers'),
    segment: 'small_business',
    creditLimitCents: eur(5000),
    blockingThresholdCents: eur(500),
    notes: 'Client fidèle depuis plus de six ans. Paie toujours à échéance ; un simple rappel suffit en cas d’oubli.',
    customerSinceDays: 2400,
  });
  b.contact({ first: 'Sophie', last: 'Moreau', role: 'manager', phone: landline('02', 2418), preferred: true });
  for (const [dueIn, amount] of [[-186, 620], [-155, 412.5], [-125, 890], [-96, 540], [-66, 318], [-36, 760]] as const) {
    const inv = b.invoice({ dueIn, label: 'Maintenance annuelle de l’éclairage du magasin', exclCents: eur(amount) });
    b.pay(inv, 'all', dueIn - 2);
  }
  const late = b.invoice({ dueIn: -6, label: 'Remplacement des néons du fournil', exclCents: eur(845) });
  b.firstReminder(-1, [late]);
  return b.build();
};

/** Several invoices behind, a partial payment against a promise, and a payment plan under review. */
export const cashStrapped: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Transports Girard Atlantique SAS',
    siren: sirenFrom(5, 4410982),
    address: frenchAddress('7 ZA des Landes', '44000', 'Nantes'),
    segment: 'mid_market',
    creditLimitCents: eur(15000),
    blockingThresholdCents: eur(3000),
    notes: 'Transporteur régional, 35 salariés. Son principal client est en redressement judiciaire depuis l’été.',
    customerSinceDays: 1300,
  });
  const boss = b.contact({ first: 'Marc', last: 'Girard', role: 'executive', phone: mobile(4471), preferred: true });
  b.contact({ first: 'Nadia', last: 'Benali', role: 'accountant', phone: landline('02', 3120) });
  const i1 = b.invoice({ dueIn: -98, label: 'Livraison de palettes', exclCents: eur(3150) });
  const i2 = b.invoice({ dueIn: -67, label: 'Éclairage LED des quais de chargement', exclCents: eur(4480) });
  const i3 = b.invoice({ dueIn: -37, label: 'Relamping entrepôt — tranche 2', exclCents: eur(2960) });
  const i4 = b.invoice({ dueIn: -14, label: 'Contrat de maintenance — trimestre', exclCents: eur(1240) });
  b.firstReminder(-93, [i1]);
  b.firstReminder(-62, [i1, i2]);
  b.call(-58, '08:40', 'no_answer', 'Pas de réponse sur la ligne de M. Girard.', undefined, boss);
  b.call(
    -55,
    '13:10',
    'promise',
    `M. Girard reconnaît des tensions de trésorerie. Promet ${euros(i1.amountInclVatCents)} par virement pour ${i1.number} sous 10 jours.`,
    'cash_flow',
    boss,
  );
  b.promise({ contact: boss, createdOffset: -55, createdTime: '13:10', dueOffset: -45, amountCents: i1.amountInclVatCents, invoices: [i1], status: 'partial', paidCents: eur(1500) });
  b.pay(i1, eur(1500), -44);
  b.secondReminder(-30, [i1, i2, i3]);
  b.call(
    -21,
    '09:20',
    'payment_plan_requested',
    'Trésorerie tendue : M. Girard propose un échéancier en 4 mensualités à partir du 5 du mois prochain. Proposition à faire valider par la responsable.',
    'cash_flow',
    boss,
  );
  b.log('note', -20, '16:05', 'Demande d’échéancier transmise à la responsable recouvrement pour validation (4 mensualités, premier versement le 5).');
  b.firstReminder(-9, [i4]);
  b.task({ kind: 'call_back', dueOffset: 3, dueTime: '11:00', note: 'Rappeler M. Girard avec la réponse sur l’échéancier.' });
  return b.build();
};

/** One invoice disputed (incomplete delivery): collection paused on it while logistics checks. */
export const disputedDelivery: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Hôtel des Cévennes SARL',
    siren: sirenFrom(7, 2094451),
    address: frenchAddress('3 place du Marché', '34000', 'Montpellier'),
    segment: 'small_business',
    creditLimitCents: eur(20000),
    blockingThresholdCents: eur(1500),
    notes: 'Hôtel 3 étoiles en rénovation complète (42 chambres). Livraisons par palettes sur le chantier.',
    customerSinceDays: 420,
  });
  const manager = b.contact({ first: 'Claire', last: 'Vidal', role: 'manager', phone: landline('04', 5502), preferred: true });
  b.contact({ first: 'Romain', last: 'Fabre', role: 'purchasing', phone: landline('04', 5509) });
  const disputed = b.invoice({
    dueIn: -24,
    label: 'Livraison de palettes — luminaires des chambres',
    exclCents: eur(12400),
    disputeReason: 'Livraison incomplète : 2 palettes sur 10 manquantes (BL n° 4471 signé avec réserves)',
  });
  const open = b.invoice({ dueIn: -10, label: 'Fourniture de câbles et connectique', exclCents: eur(640) });
  b.firstReminder(-19, [disputed]);
  b.call(
    -15,
    '10:05',
    'dispute',
    `Mme Vidal conteste ${disputed.number} : 2 palettes manquantes à la livraison, réserves notées sur le BL. Relance suspendue sur cette facture le temps de la vérification.`,
    'dispute',
    manager,
  );
  b.log('note', -14, '14:30', 'Service logistique interrogé : contrôle du BL 4471 et du stock expédié en cours.');
  b.firstReminder(-5, [open]);
  return b.build();
};

/** Promised a transfer by a date last month; nothing arrived. */
export const brokenPromise: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Imprimerie Leclerc SARL',
    siren: sirenFrom(4, 7731205),
    address: frenchAddress('22 rue Nationale', '59000', 'Lille'),
    segment: 'small_business',
    creditLimitCents: eur(8000),
    blockingThresholdCents: eur(500),
    notes: 'Imprimerie offset et numérique. Paiements irréguliers depuis le début de l’année.',
    customerSinceDays: 900,
  });
  const accountant = b.contact({ first: 'Julie', last: 'Caron', role: 'accountant', phone: landline('03', 1877), preferred: true });
  b.contact({ first: 'Patrick', last: 'Leclerc', role: 'manager', phone: mobile(1204) });
  const i1 = b.invoice({ dueIn: -52, label: "Installation de l'éclairage de l'atelier", exclCents: eur(2380) });
  const i2 = b.invoice({ dueIn: -22, label: 'Fourniture de réglettes étanches', exclCents: eur(910) });
  b.firstReminder(-47, [i1]);
  b.call(
    -38,
    '10:15',
    'promise',
    `Mme Caron confirme la réception de ${i1.number}. Promesse de virement de ${euros(i1.amountInclVatCents)} au plus tard le ${frDate(b.day(-28))}.`,
    'forgotten',
    accountant,
  );
  b.promise({ contact: accountant, createdOffset: -38, createdTime: '10:15', dueOffset: -28, amountCents: i1.amountInclVatCents, invoices: [i1], status: 'broken' });
  b.log('email', -38, '10:40', `Récapitulatif de l’appel envoyé à Mme Caron : virement de ${euros(i1.amountInclVatCents)} le ${frDate(b.day(-28))}.`, 'sent', { step: 'recap' });
  b.task({ kind: 'check_promise', dueOffset: -28, note: `Vérifier le virement promis pour ${i1.number}.`, doneOffset: -27 });
  b.log('note', -27, '15:00', 'Promesse non tenue : aucun virement reçu à la date convenue.');
  b.firstReminder(-17, [i1, i2]);
  b.call(-12, '09:45', 'voicemail', 'Message laissé à Mme Caron : promesse non tenue, demande de rappel.', undefined, accountant);
  return b.build();
};

/** Four roles at the customer; accounts payable is the one who actually pays. */
export const manyContacts: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Fontaine Distribution Île-de-France SA',
    siren: sirenFrom(3, 8826610),
    address: frenchAddress('18 avenue de la Gare', '92000', 'Nanterre', 'Bâtiment B — 3e étage'),
    segment: 'mid_market',
    creditLimitCents: eur(40000),
    blockingThresholdCents: eur(10000),
    notes: 'Réseau de 12 magasins. Factures à adresser à la comptabilité fournisseurs, jamais aux magasins.',
    customerSinceDays: 1600,
  });
  const buyer = b.contact({ first: 'Antoine', last: 'Girard', role: 'purchasing', phone: landline('01', 4410) });
  b.contact({ first: 'Hélène', last: 'Fontaine', role: 'manager', phone: landline('01', 4400) });
  b.contact({ first: 'Karine', last: 'Masson', role: 'accountant', phone: landline('01', 4425) });
  const ap = b.contact({ first: 'Laure', last: 'Perrin', role: 'accounts_payable', phone: landline('01', 4431), preferred: true });
  const paid = b.invoice({ dueIn: -75, label: 'Éclairage de vitrine', exclCents: eur(5200) });
  b.pay(paid, 'all', -71);
  const late = b.invoice({ dueIn: -19, label: 'Fourniture de luminaires LED', exclCents: eur(6200), termsDays: 45 });
  b.invoice({ dueIn: 16, label: 'Éclairage de vitrine — magasin de Créteil', exclCents: eur(3480), termsDays: 45 });
  b.firstReminder(-14, [late]);
  b.call(
    -9,
    '14:20',
    'wrong_contact',
    'Le service achats confirme la réception ; les règlements passent par la comptabilité fournisseurs (Mme Perrin), désormais contact privilégié.',
    undefined,
    buyer,
  );
  b.call(-8, '09:10', 'callback_requested', 'Mme Perrin vérifie le bon de commande et rappelle.', 'approval_workflow', ap);
  return b.build();
};
