/**
 * French wording of the reminder letters, after seed 004's model letter. Never "relance n°1": the first
 * letter is a personalised reminder, the second states the sanctions, the third is the mise en demeure.
 */
import type { LetterText } from './letterTypes';

/** "du 10/06/2025, du 18/06/2025 et du 25/06/2025" */
const duList = (dates: string[]) => {
  const du = dates.map((d) => `du ${d}`);
  return du.length <= 1 ? (du[0] ?? '') : `${du.slice(0, -1).join(', ')} et ${du[du.length - 1] ?? ''}`;
};

export const LETTER_TEXT_FR: LetterText = {
  mentionRegistered: 'Lettre recommandée avec accusé de réception',
  placeAndDate: (city, day) => `${city}, le ${day}`,
  reference: (ref) => `Réf. client : ${ref}`,
  attention: (name) => `À l’attention de ${name}`,
  contactLine: { email: (v) => `E-mail : ${v}`, phone: (v) => `Tél. : ${v}`, siren: (v) => `SIREN ${v}` },
  salutation: () => 'Madame, Monsieur,',
  closing: () => 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
  totals: {
    outstanding: 'Principal restant dû (TTC)',
    interest: 'Pénalités de retard',
    indemnity: 'Indemnité forfaitaire pour frais de recouvrement',
    total: 'Total',
  },
  unpaidNotice: 'Si votre règlement nous est parvenu entre-temps, nous vous remercions de ne pas tenir compte de ce courrier.',
  first: {
    title: 'Rappel de factures échues',
    subject: 'Objet : factures échues',
    late: (days) =>
      `Nos fichiers indiquent que votre compte présente actuellement un retard de ${days} jour${days > 1 ? 's' : ''}. Nous imaginons qu’il s’agit d’un simple oubli de votre part.`,
    ask: 'Nous vous remercions de bien vouloir régulariser votre situation au plus vite, ou de nous communiquer les raisons qui s’opposent au règlement des factures échues figurant dans le tableau ci-dessous :',
    duplicates: (email) =>
      `Si certaines factures ne vous sont pas parvenues, nous vous invitons à nous contacter par e-mail à l’adresse ${email}. Nous vous adressons un duplicata certifié conforme dès réception de votre demande.`,
    terms: (business) =>
      business
        ? 'Conformément à nos conditions générales de vente, tout retard de paiement donne lieu à des pénalités de retard ainsi qu’à une indemnité forfaitaire pour frais de recouvrement de 40 € par facture.'
        : 'Conformément à nos conditions générales de vente, tout retard de paiement peut donner lieu à des pénalités de retard.',
    relationship: (creditor) =>
      `Nous nous attachons à construire une relation durable avec nos clients et vous remercions d’avoir choisi ${creditor}.`,
  },
  second: {
    title: 'Factures impayées : sanctions applicables',
    subject: 'Objet : factures impayées — règlement par retour',
    despite: (dates, outstanding) =>
      `Malgré ${dates.length ? `${dates.length > 1 ? 'nos courriers' : 'notre courrier'} ${duList(dates)}` : 'nos précédents rappels'}, les factures ci-dessous restent impayées à ce jour, pour un montant de ${outstanding} TTC.`,
    sanctionsIntro:
      'Sans règlement de votre part par retour, les sanctions prévues par nos conditions générales de vente et par la loi s’appliquent :',
    interest: (basis, amount, asOf) =>
      basis === 'statutory'
        ? `des pénalités de retard au taux de refinancement de la Banque centrale européenne majoré de 10 points (article L441-10 du Code de commerce), soit ${amount} au ${asOf} ;`
        : `des pénalités de retard au taux prévu par nos conditions générales de vente, soit ${amount} au ${asOf} ;`,
    indemnity: (amount) =>
      `une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du Code de commerce), soit ${amount} ;`,
    blocking: (threshold) => `la suspension des prochaines livraisons tant que votre encours dépasse ${threshold}.`,
    compromise:
      'Si une difficulté vous empêche de régler ces factures, nous vous invitons à nous contacter dès réception de ce courrier afin de convenir ensemble d’une solution.',
  },
  notice: {
    title: 'Mise en demeure de payer',
    subject: 'Objet : mise en demeure de payer',
    demand: (creditor, debtor, total, dates) =>
      `Par la présente, ${creditor} met en demeure ${debtor} de lui régler la somme de ${total} au titre des factures ci-dessous, restées impayées${dates.length ? ` malgré nos relances ${duList(dates)}` : ' malgré nos relances'}.`,
    deadline: (days, day) =>
      `Nous attendons ce règlement dans un délai de ${days} jours à compter de la date de la présente mise en demeure, soit au plus tard le ${day}.`,
    howToPay: ({ iban, bic, creditor, address }) =>
      `Règlement par virement${iban ? ` sur le compte IBAN ${iban}${bic ? ` (BIC ${bic})` : ''}` : ''}, en rappelant les numéros de facture, ou par chèque (ordre : ${creditor}) adressé au ${address}.`,
    penalties: (basis, business) =>
      `Ces sommes continuent de porter intérêt jusqu’au complet paiement, ${
        basis === 'statutory'
          ? 'au taux de refinancement de la Banque centrale européenne majoré de 10 points (article L441-10 du Code de commerce)'
          : 'au taux prévu par nos conditions générales de vente'
      }${business ? ', et l’indemnité forfaitaire pour frais de recouvrement de 40 € par facture reste due (article D441-5 du Code de commerce)' : ''}.`,
    legalAction:
      'À défaut de règlement dans ce délai, nous engageons sans nouvel avis une action en justice afin d’obtenir le paiement de ces sommes.',
    creditInsurer: (name) =>
      `Nous signalons également cet incident de paiement à notre assureur-crédit${name ? `, ${name},` : ''} et aux organismes qui suivent les retards de paiement.`,
  },
};
