/**
 * Invoice labels of the demo creditor, Atelier Lumière SAS, a lighting supplier and installer.
 * French content: it is data shown as entered, not UI text.
 */
export const INVOICE_LABELS = [
  'Maintenance annuelle',
  'Livraison de palettes',
  'Fourniture de luminaires LED',
  "Installation de l'éclairage de l'atelier",
  'Contrat de maintenance — trimestre',
  'Remplacement de projecteurs extérieurs',
  "Étude d'éclairage du magasin",
  'Location de matériel scénique',
  'Dépannage et remplacement de ballasts',
  'Mise en conformité éclairage de sécurité',
  'Fourniture de réglettes étanches',
  'Éclairage de vitrine',
  "Pose de suspensions en salle de restaurant",
  'Relamping parking souterrain',
  'Fourniture de câbles et connectique',
] as const;

export const DISPUTE_REASONS = [
  'Livraison incomplète : 2 palettes sur 10 manquantes (BL signé avec réserves)',
  'Prix unitaire différent du devis accepté',
  'Luminaires livrés défectueux, retour en cours',
  'Facture en double avec une facture déjà réglée',
  'Prestation non terminée selon le client',
] as const;

/** What the agent writes after a call, by outcome, for the generated debtors. */
export const CALL_NOTES = {
  no_answer: ["Pas de réponse au standard.", "Ça sonne dans le vide, aucun répondeur."],
  voicemail: [
    'Message laissé sur le répondeur de la comptabilité avec le numéro de facture.',
    'Répondeur : message laissé, demande de rappel.',
  ],
  callback_requested: [
    "L'assistante demande de rappeler : la comptable est en rendez-vous.",
    'Interlocuteur absent, rappel convenu en fin de semaine.',
  ],
  promise: [
    'Oubli reconnu, virement promis.',
    'Facture retrouvée dans le circuit de validation, paiement promis.',
  ],
  invoice_not_received: [
    "Facture non reçue d'après le client : renvoyée par e-mail pendant l'appel.",
  ],
} as const;

/** Account notes for the generated debtors: what an agent jots down about how a customer pays. */
export const ACCOUNT_NOTES = [
  'Paie par virement en fin de mois.',
  'Factures à envoyer en PDF à la comptabilité, jamais au magasin.',
  'Bon de commande obligatoire sur chaque facture.',
  'Fermeture annuelle en août : anticiper les relances de juillet.',
  'Comptabilité joignable le matin uniquement.',
  'Règle par chèque : prévoir le délai postal.',
  'Gérant très disponible, préfère le téléphone aux e-mails.',
  'Comptabilité externalisée chez un cabinet d’expertise comptable.',
] as const;
