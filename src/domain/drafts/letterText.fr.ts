/**
 * French wording of the reminder letters, after seed 004's model letter. Never "relance n°1": the first
 * letter is a personalised reminder, the second states the sanctions, the third is the mise en demeure.
 */
import type { BusinessBasis, LetterText } from './letterTypes';

/** The rate a business's interest runs at, as the letters name it. */
const RATE_FR: Record<BusinessBasis, string> = {
  statutory: 'au taux de refinancement de la Banque centrale européenne majoré de 10 points',
  contractual: 'au taux prévu par nos conditions générales de vente',
  contractual_floor:
    'au taux prévu par nos conditions générales de vente, porté à trois fois le taux de l’intérêt légal pour les semestres où il lui est inférieur (article L441-10 du Code de commerce)',
};

/** "du 10/06/2025, du 18/06/2025 et du 25/06/2025" */
const duList = (dates: string[]) => {
  const du = dates.map((d) => `du ${d}`);
  return du.length <= 1 ? (du[0] ?? '') : `${du.slice(0, -1).join(', ')} et ${du[du.length - 1] ?? ''}`;
};

export const LETTER_TEXT_FR: LetterText = {
  mentionRegistered: 'Lettre recommandée avec accusé de réception',
  placeAndDate: (city, day) => `${city}, le ${day}`,
  reference: (ref) => `Réf. client\u00a0: ${ref}`,
  attention: (name) => `À l’attention de ${name}`,
  contactLine: { email: (v) => `E-mail\u00a0: ${v}`, phone: (v) => `Tél.\u00a0: ${v}`, siren: (v) => `SIREN ${v}` },
  salutation: () => 'Madame, Monsieur,',
  closing: () => 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
  totals: {
    outstanding: 'Principal restant dû (TTC)',
    interest: 'Pénalités de retard',
    indemnity: 'Indemnité forfaitaire pour frais de recouvrement',
    total: 'Total',
  },
  legalInterestTotal: 'Intérêts au taux légal',
  weekday: (day, weekday) => `${weekday} ${day}`,
  unpaidNotice: 'Si votre règlement nous est parvenu entre-temps, nous vous remercions de ne pas tenir compte de ce courrier.',
  first: {
    title: 'Rappel de factures échues',
    subject: 'Objet\u00a0: factures échues',
    late: (days) =>
      `Nos fichiers indiquent que votre compte présente actuellement un retard de ${days} jour${days > 1 ? 's' : ''}. Nous imaginons qu’il s’agit d’un simple oubli de votre part.`,
    ask: 'Nous vous remercions de bien vouloir régulariser votre situation au plus vite, ou de nous communiquer les raisons qui s’opposent au règlement des factures échues figurant dans le tableau ci-dessous\u00a0:',
    duplicates: (email) =>
      `Si certaines factures ne vous sont pas parvenues, nous vous invitons à nous contacter par e-mail à l’adresse ${email}. Nous vous adressons un duplicata certifié conforme dès réception de votre demande.`,
    terms: (business) =>
      business
        ? 'Conformément à nos conditions générales de vente, tout retard de paiement donne lieu à des pénalités de retard ainsi qu’à une indemnité forfaitaire pour frais de recouvrement de 40 € par facture.'
        : 'Nous vous rappelons qu’une somme restée impayée après mise en demeure porte intérêt au taux de l’intérêt légal (article 1231-6 du Code civil).',
    relationship: (creditor) =>
      `Nous nous attachons à construire une relation durable avec nos clients et vous remercions d’avoir choisi ${creditor}.`,
  },
  second: {
    title: 'Factures impayées\u00a0: sanctions applicables',
    subject: 'Objet\u00a0: factures impayées — règlement par retour',
    despite: (dates, outstanding) =>
      `Malgré ${dates.length ? `${dates.length > 1 ? 'nos courriers' : 'notre courrier'} ${duList(dates)}` : 'nos précédents rappels'}, les factures ci-dessous restent impayées à ce jour, pour un montant de ${outstanding} TTC.`,
    accrued:
      'Nous vous rappelons que les pénalités de retard courent de plein droit dès le lendemain de la date d’échéance de chaque facture, sans qu’aucun rappel soit nécessaire (article L441-10 du Code de commerce). À ce jour, s’ajoutent ainsi au principal\u00a0:',
    interest: (basis, amount, asOf) => `des pénalités de retard ${RATE_FR[basis]}, soit ${amount} au ${asOf}\u202f;`,
    indemnity: (amount) =>
      `une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du Code de commerce), soit ${amount}.`,
    blocking: (threshold) =>
      `Sans règlement de votre part par retour, nous suspendons les prochaines livraisons tant que votre encours dépasse ${threshold}.`,
    consumerInterest: (since) =>
      since
        ? `Depuis notre mise en demeure du ${since.day}, les sommes dues portent intérêt au taux de l’intérêt légal (article 1231-6 du Code civil), soit ${since.amount} au ${since.asOf}.`
        : 'Nous vous informons qu’à défaut de règlement, les sommes dues portent intérêt au taux de l’intérêt légal à compter de la mise en demeure (article 1231-6 du Code civil).',
    compromise:
      'Si une difficulté vous empêche de régler ces factures, nous vous invitons à nous contacter dès réception de ce courrier afin de convenir ensemble d’une solution.',
  },
  notice: {
    title: 'Mise en demeure de payer',
    subject: 'Objet\u00a0: mise en demeure de payer',
    demand: (creditor, debtor, total, dates) =>
      `Par la présente, ${creditor} met en demeure ${debtor} de lui régler la somme de ${total} au titre des factures ci-dessous, restées impayées${dates.length ? ` malgré nos relances ${duList(dates)}` : ' malgré nos relances'}.`,
    deadline: (days, day, moved) =>
      `Nous attendons ce règlement dans un délai de ${days} jours à compter de la date de la présente mise en demeure, soit au plus tard le ${day}${moved ? ' (le délai expirant un samedi, un dimanche ou un jour férié, il est reporté au premier jour ouvré suivant)' : ''}.`,
    howToPay: ({ iban, bic, creditor, address }) =>
      `Règlement par virement${iban ? ` sur le compte IBAN ${iban}${bic ? ` (BIC ${bic})` : ''}` : ''}, en rappelant les numéros de facture, ou par chèque (ordre\u00a0: ${creditor}) adressé au ${address}.`,
    penalties: (basis) =>
      `Ces sommes continuent de porter intérêt jusqu’au complet paiement, ${RATE_FR[basis]}${basis === 'statutory' ? ' (article L441-10 du Code de commerce)' : ''}, et l’indemnité forfaitaire pour frais de recouvrement de 40 € par facture reste due (article D441-5 du Code de commerce).`,
    consumerInterest: (since) =>
      since
        ? `Ces sommes portent intérêt au taux de l’intérêt légal depuis notre mise en demeure du ${since}, jusqu’à leur complet paiement (article 1231-6 du Code civil).`
        : 'À défaut de paiement, ces sommes portent intérêt au taux de l’intérêt légal à compter de la présente mise en demeure, jusqu’à leur complet paiement (article 1231-6 du Code civil).',
    legalAction:
      'À défaut de règlement dans ce délai, nous engageons sans nouvel avis une action en justice afin d’obtenir le paiement de ces sommes.',
    creditInsurer: (name) => `Nous signalons également cet incident de paiement à notre assureur-crédit, ${name}, et aux organismes qui suivent les retards de paiement.`,
  },
};
