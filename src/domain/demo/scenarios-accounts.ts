/** Hand-written debtors defined by the kind of account: upcoming invoices, blocking, key account, public body, UK. */
import { DossierBuilder, euros, frDate } from './dossier-builder';
import { landline, ukLandline } from './places';
import { eur, frenchAddress, type Scenario } from './scenario-kit';
import { sirenFrom } from './siren';

/** One invoice slightly late and two not yet due: material for the "anticipation" step of the call. */
export const upcomingInvoices: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Architecture Roussel & Associés SARL',
    siren: sirenFrom(8, 1550734),
    address: frenchAddress('41 quai des Bateliers', '33000', 'Bordeaux'),
    segment: 'small_business',
    creditLimitCents: eur(12000),
    blockingThresholdCents: eur(2000),
    notes: 'Cabinet d’architectes prescripteur : commandes pour le compte de ses clients, refacturées.',
    customerSinceDays: 700,
  });
  b.contact({ first: 'Vincent', last: 'Roussel', role: 'manager', phone: landline('05', 6120) });
  b.contact({ first: 'Marion', last: 'Aubert', role: 'accountant', phone: landline('05', 6124), preferred: true });
  const late = b.invoice({ dueIn: -11, label: "Étude d'éclairage du magasin", exclCents: eur(1850) });
  b.invoice({ dueIn: 9, label: 'Fourniture de luminaires LED — chantier Chartrons', exclCents: eur(4320) });
  b.invoice({ dueIn: 27, label: 'Pose de suspensions en salle de restaurant', exclCents: eur(2760) });
  b.firstReminder(-6, [late]);
  return b.build();
};

/** Outstanding far above the 500 € blocking threshold: deliveries are suspended. */
export const aboveBlockingThreshold: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Garage Lemoine Frères SARL',
    siren: sirenFrom(4, 3308127),
    address: frenchAddress('9 ZI Nord', '51100', 'Reims'),
    segment: 'small_business',
    creditLimitCents: eur(2500),
    blockingThresholdCents: eur(500),
    notes: 'Garage multimarque. Seuil de blocage des livraisons : 500 € d’encours.',
    customerSinceDays: 1100,
  });
  const boss = b.contact({ first: 'Thierry', last: 'Lemoine', role: 'manager', phone: landline('03', 2290), preferred: true });
  const i1 = b.invoice({ dueIn: -45, label: 'Éclairage de la zone atelier', exclCents: eur(1180) });
  const i2 = b.invoice({ dueIn: -31, label: 'Remplacement de projecteurs extérieurs', exclCents: eur(960) });
  const i3 = b.invoice({ dueIn: -16, label: 'Dépannage et remplacement de ballasts', exclCents: eur(415) });
  b.firstReminder(-40, [i1]);
  b.firstReminder(-26, [i1, i2], 'letter');
  b.call(-24, '16:30', 'voicemail', 'Message laissé à M. Lemoine au sujet des deux factures en retard.', undefined, boss);
  b.secondReminder(-16, [i1, i2]);
  b.log('note', -15, '11:00', 'Livraisons suspendues : encours au-dessus du seuil de blocage de 500 €. Commerciaux prévenus.');
  b.firstReminder(-11, [i3]);
  return b.build();
};

/** A key account with a large invoice due in a few days: the pre-due check call is planned for today. */
export const keyAccountPreDue: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Hypermarchés Valmont SA',
    siren: sirenFrom(3, 5092318),
    address: frenchAddress('120 boulevard de la Liberté', '13002', 'Marseille', 'Direction financière'),
    segment: 'key_account',
    creditLimitCents: eur(250000),
    blockingThresholdCents: eur(80000),
    notes: 'Compte clé : 38 magasins dans le Sud-Est. Factures déposées sur le portail fournisseurs ; bon de commande obligatoire.',
    customerSinceDays: 2900,
  });
  b.contact({ first: 'Nathalie', last: 'Boyer', role: 'accounts_payable', phone: landline('04', 8100), preferred: true });
  b.contact({ first: 'Guillaume', last: 'Meyer', role: 'purchasing', phone: landline('04', 8140) });
  b.contact({ first: 'Isabelle', last: 'Roche', role: 'accountant', phone: landline('04', 8102) });
  for (const [dueIn, amount] of [[-120, 31800], [-60, 27450]] as const) {
    const inv = b.invoice({ dueIn, termsDays: 60, label: 'Relamping LED — lot de magasins', exclCents: eur(amount) });
    b.pay(inv, 'all', dueIn + 1);
  }
  const big = b.invoice({ dueIn: 4, termsDays: 60, label: 'Relamping LED — 6 magasins (bon de commande 45-8871)', exclCents: eur(48500) });
  b.log('email', -55, '08:30', `${big.number} déposée sur le portail fournisseurs, accusé de dépôt reçu.`, 'sent', { step: 'invoice_sent' });
  b.task({
    kind: 'call_back',
    dueOffset: 0,
    note: `Appel avant échéance : vérifier que ${big.number} (${euros(big.amountInclVatCents)}) est reçue, validée et programmée au paiement du ${frDate(big.dueDate)}.`,
  });
  b.log('note', -30, '10:00', 'Point trimestriel avec Mme Boyer : règlements toujours à échéance, aucune anomalie signalée.');
  return b.build();
};

/** A public body: invoices through Chorus Pro, then "service fait", mandate and the public accountant. */
export const publicSectorWorkflow: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: "Communauté d'agglomération du Val de Brévanne",
    siren: sirenFrom(2, 4860117),
    address: frenchAddress('2 place de la Mairie', '86000', 'Poitiers', 'Direction des finances'),
    segment: 'public_sector',
    creditLimitCents: eur(100000),
    blockingThresholdCents: eur(100000),
    notes:
      'Factures à déposer sur Chorus Pro. Délai légal de paiement : 30 jours. Circuit : certification du service fait, mandatement, paiement par le comptable public.',
    customerSinceDays: 1500,
  });
  const finance = b.contact({ first: 'Delphine', last: 'Arnaud', role: 'accounts_payable', phone: landline('05', 7301), preferred: true });
  b.contact({ first: 'Yannick', last: 'Brunet', role: 'other', phone: landline('05', 7350) });
  const old = b.invoice({ dueIn: -140, label: 'Mise en conformité éclairage de sécurité — médiathèque', exclCents: eur(9800) });
  b.pay(old, 'all', -96);
  const i1 = b.invoice({ dueIn: -64, label: 'Relamping du gymnase intercommunal', exclCents: eur(18600) });
  const i2 = b.invoice({ dueIn: -34, label: 'Éclairage de sécurité — piscine', exclCents: eur(7450) });
  b.log('email', -58, '08:00', `Relance envoyée au service financier, avec le numéro de dépôt Chorus Pro de ${i1.number}.`, 'sent', { step: 'first_reminder', invoiceIds: [i1.id] });
  b.call(
    -45,
    '09:30',
    'approval_pending',
    `Service financier : ${i1.number} attend la certification du service fait par les services techniques, puis le mandatement. Délai annoncé : 3 à 4 semaines.`,
    'approval_workflow',
    finance,
  );
  b.firstReminder(-29, [i2]);
  b.call(
    -18,
    '10:45',
    'approval_pending',
    `Service fait certifié pour ${i1.number} ; mandat transmis au comptable public. ${i2.number} est en cours de certification.`,
    'approval_workflow',
    finance,
  );
  b.task({ kind: 'call_back', dueOffset: 6, note: 'Rappeler le service financier : vérifier la mise en paiement par le comptable public.' });
  return b.build();
};

/** The UK subsidiary of a customer group: the agent writes and calls in English. */
export const ukSubsidiary: Scenario = (book, index) => {
  const b = new DossierBuilder(book, index, {
    name: 'Kestrel Retail UK Ltd',
    siren: sirenFrom(8, 3927640),
    address: { line1: '18 Wharf Road', line2: 'Accounts Payable', postalCode: 'N1 7GR', city: 'London', country: 'GB' },
    language: 'en',
    segment: 'mid_market',
    creditLimitCents: eur(30000),
    blockingThresholdCents: eur(8000),
    notes: 'Filiale britannique du groupe Kestrel (succursale immatriculée en France). Interlocuteurs anglophones : relances et récapitulatifs en anglais.',
    customerSinceDays: 800,
  });
  const ap = b.contact({ first: 'Oliver', last: 'Bennett', role: 'accounts_payable', phone: ukLandline(412), preferred: true });
  b.contact({ first: 'Emma', last: 'Clarke', role: 'accountant', phone: ukLandline(418) });
  const late = b.invoice({ dueIn: -17, label: 'Fourniture de luminaires LED — London flagship', exclCents: eur(8900) });
  b.invoice({ dueIn: 12, label: 'Éclairage de vitrine — Manchester', exclCents: eur(3150) });
  b.firstReminder(-12, [late]);
  b.call(-5, '14:00', 'voicemail', `Message laissé en anglais à Oliver Bennett au sujet de ${late.number}.`, undefined, ap);
  return b.build();
};
