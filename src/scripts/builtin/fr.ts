/**
 * The built-in French script, in the seeds' tone (001 "La relance amiable", 000 "Astuces"): present
 * tense, short sentences, facts on screen, positive words; never "vous devez". Tested by
 * ../builtin.test.ts against `validateScript` and the 4 C wording checker.
 */
import type { CallScript } from '../schema';

export const FR_SCRIPT: CallScript = {
  schemaVersion: 1,
  id: 'builtin.fr',
  name: 'Relance amiable par téléphone',
  locale: 'fr',
  version: 1,
  roles: {
    accountant: 'comptable',
    manager: 'gérant',
    purchasing: 'responsable des achats',
    accounts_payable: 'comptabilité fournisseurs',
    executive: 'direction',
    other: 'interlocuteur',
  },
  steps: [
    {
      id: 'presentation',
      title: 'Présentation',
      say: 'Bonjour, {agent.name}, du service comptabilité clients de {agent.company}.',
      captures: [],
      tips: ['Voix posée, rythme calme : le sourire s’entend au téléphone.', 'Un endroit calme, loin des bruits de l’open space.'],
      fourC: [
        { c: 'clarity', text: 'Votre nom, votre société, votre rôle : rien de plus.' },
        { c: 'courtesy', text: 'Un ton neutre et positif, quel que soit l’historique du dossier.' },
      ],
    },
    {
      id: 'identification',
      title: 'Identification de l’interlocuteur',
      say: 'Je suis bien chez {company.name} ? Je souhaite parler à {contact.name}, {contact.role}. C’est bien vous ?',
      captures: [{ id: 'interlocutor', type: 'contact', label: 'Personne au bout du fil', required: false }],
      tips: [
        'Le bon interlocuteur : le gérant d’une PME, le comptable fournisseurs, ou la personne qui traite les anomalies de factures.',
        'Ce n’est pas la bonne personne ? Le bon contact et un rappel se notent avec « Mauvais interlocuteur ».',
      ],
      fourC: [{ c: 'clarity', text: 'L’entreprise, la personne et son poste sont confirmés avant d’aller plus loin.' }],
    },
    {
      id: 'explanation',
      title: 'Explication de l’appel',
      say:
        'J’appelle au sujet du règlement de {total.overdue} : {invoices.overdue}. La première échéance date du {oldest.dueDate}. ' +
        'Un point bloque-t-il le paiement ? Quelle date de règlement est prévue de votre côté ?',
      captures: [
        {
          id: 'invoices_received',
          type: 'choice',
          label: 'Factures bien reçues',
          required: false,
          options: [
            { value: 'yes', label: 'Oui, toutes' },
            { value: 'partly', label: 'En partie' },
            { value: 'no', label: 'Non' },
          ],
        },
        { id: 'announced_date', type: 'date', label: 'Date de paiement annoncée', required: false },
      ],
      tips: ['Les chiffres sont à l’écran : numéro, montant, échéance.', 'Pas d’historique de la relation : l’objet de l’appel, puis une question.'],
      fourC: [
        { c: 'concrete', text: 'Numéros de facture et montants, tels qu’affichés.' },
        { c: 'concision', text: 'Une phrase pour l’objet, une question pour la suite.' },
      ],
    },
    {
      id: 'listening',
      title: 'Écoute',
      say: 'Je vous écoute. Je prends note de chaque point pour le transmettre au bon service.',
      captures: [{ id: 'key_points', type: 'text', label: 'Points clés', required: false }],
      tips: [
        'Les notes restent ouvertes à chaque étape et s’enregistrent seules.',
        'Toute explication est légitime et crédible : pas d’a priori, le dialogue reste ouvert.',
      ],
      fourC: [
        { c: 'courtesy', text: 'Laisser parler, sans couper.' },
        { c: 'concision', text: 'Reformuler en une phrase ce qui vient d’être dit.' },
      ],
    },
    {
      id: 'delay_reason',
      title: 'Raison du retard',
      say: 'Pour être sûr de bien comprendre : qu’est-ce qui retarde le règlement aujourd’hui ?',
      captures: [{ id: 'reason_detail', type: 'text', label: 'Précisions sur la raison', required: false }],
      tips: [
        'Un litige sur une facture met sa relance en pause : la créance se vérifie avant d’être réclamée.',
        'La cause réelle reste parfois tue (trésorerie, circuit de validation) : une question ouverte aide.',
      ],
      fourC: [{ c: 'clarity', text: 'Une raison précise, notée dans les mots du client.' }],
    },
    {
      id: 'commitments',
      title: 'Validation des engagements',
      say:
        'Quel montant et quelle date de règlement retenez-vous ? ' +
        'Je reformule : vous réglez {promise.amount} le {promise.date}. C’est bien cela ?',
      captures: [],
      tips: [
        'Pour un échéancier, le client fait la première offre : montants et dates.',
        'Une proposition d’échéancier se prend le temps d’être examinée, avec le responsable.',
        'La promesse est relue au client avant d’être enregistrée.',
      ],
      fourC: [
        { c: 'concrete', text: 'Un montant, une date, un moyen de paiement.' },
        { c: 'clarity', text: 'La reformulation reprend les chiffres exacts.' },
      ],
    },
    {
      id: 'anticipation',
      title: 'Anticipation',
      say: 'Pour les prochaines échéances, {total.upcoming} au total : {invoices.upcoming}. Tout est en ordre de votre côté pour celles-ci ?',
      captures: [
        {
          id: 'upcoming_status',
          type: 'choice',
          label: 'Factures à venir',
          required: false,
          options: [
            { value: 'ok', label: 'En ordre' },
            { value: 'issue', label: 'Un point à régler' },
          ],
        },
        { id: 'upcoming_issue', type: 'text', label: 'Point à régler', required: false },
      ],
      tips: ['Un problème levé maintenant sur une facture à venir évite le prochain retard.'],
      fourC: [{ c: 'concrete', text: 'Les factures à venir sont à l’écran, avec leur échéance.' }],
    },
    {
      id: 'contact_details',
      title: 'Confirmation des coordonnées',
      say: 'Pour vous envoyer le récapitulatif, je confirme vos coordonnées : quelle adresse e-mail et quel numéro direct retenez-vous ?',
      captures: [],
      tips: ['Les coordonnées sont celles de la personne qui s’engage.'],
      fourC: [{ c: 'clarity', text: 'Adresse e-mail et téléphone relus lettre à lettre.' }],
    },
    {
      id: 'conclusion',
      title: 'Conclusion',
      say: 'Merci pour votre temps, {contact.name}. Je vous envoie le récapitulatif de notre échange dès aujourd’hui. Bonne journée !',
      captures: [],
      tips: ['La fin de l’appel compte autant que le début : le lien avec le client reste bon.'],
      fourC: [{ c: 'courtesy', text: 'Un merci sincère, un au revoir chaleureux.' }],
    },
    {
      id: 'formalisation',
      title: 'Formalisation',
      say: 'Le récapitulatif reprend la raison du retard et l’engagement pris ; il part au client dès la fin de l’appel.',
      captures: [
        {
          id: 'recap_channel',
          type: 'choice',
          label: 'Envoi du récapitulatif',
          required: true,
          options: [
            { value: 'email', label: 'Par e-mail' },
            { value: 'letter', label: 'Par courrier' },
            { value: 'none', label: 'Aucun envoi' },
          ],
        },
      ],
      tips: [
        'Chaque appel reste dans l’historique : le prochain s’appuie sur les engagements pris.',
        'Engagement à 15 jours ou à un mois : le courriel récapitulatif part juste après l’appel.',
      ],
      fourC: [{ c: 'concrete', text: 'Raison, montant, date, moyen : tout figure par écrit.' }],
    },
  ],
  objections: [
    {
      id: 'invoice_not_received',
      objection: 'Je n’ai pas reçu la facture.',
      answers: ['Je vous la renvoie aujourd’hui même par e-mail. À quelle adresse ?', 'Je note votre remarque, et je la fais remonter dans nos services.'],
      reason: 'invoice_not_received',
    },
    {
      id: 'signatory_absent',
      objection: 'Le signataire est absent.',
      answers: ['Quelle est sa date de retour ? Je note ce jour pour le règlement.', 'Qui signe les règlements en son absence ?'],
      reason: 'signatory_absent',
    },
    {
      id: 'cash_flow',
      objection: 'Nous avons un problème de trésorerie.',
      answers: [
        'Merci de me le dire. Quel montant est possible dès maintenant, et à quelle date pour le solde ?',
        'Quelle proposition d’échéancier faites-vous ? Je la soumets à mon responsable.',
      ],
      reason: 'cash_flow',
    },
    {
      id: 'incomplete_delivery',
      objection: 'La livraison était incomplète.',
      answers: [
        'Je note votre remarque, et je la fais remonter dans nos services.',
        'Quelle facture est concernée, et que manque-t-il ? Je mets cette facture de côté le temps de vérifier.',
      ],
      reason: 'dispute',
    },
    {
      id: 'call_later',
      objection: 'Rappelez plus tard.',
      answers: ['Bien sûr. Quel jour et à quelle heure est-il possible de vous joindre ?', 'Je note un rappel à ce moment-là.'],
    },
    {
      id: 'not_in_charge',
      objection: 'Ce n’est pas moi qui m’en occupe.',
      answers: ['Merci. Qui s’en occupe, et quel est son numéro direct ?', 'Je note ce contact et je l’appelle directement.'],
    },
    {
      id: 'approval_pending',
      objection: 'La facture est en cours de validation.',
      answers: ['Où en est-elle dans le circuit de validation ? Quelle date de paiement est prévue ensuite ?'],
      reason: 'approval_workflow',
    },
    {
      id: 'wrong_bank_details',
      objection: 'Vos coordonnées bancaires ne sont pas les bonnes.',
      answers: ['Je vous envoie notre RIB aujourd’hui par e-mail. Quelle date de virement retenez-vous ?'],
      reason: 'bank_details',
    },
    {
      id: 'already_paid',
      objection: 'Nous avons déjà payé.',
      answers: ['Merci. À quelle date, et par quel moyen ? Je vérifie de mon côté et je reviens vers vous.'],
    },
    {
      id: 'forgotten',
      objection: 'C’est un oubli.',
      answers: ['Cela arrive. Quelle date de règlement retenez-vous ?'],
      reason: 'forgotten',
    },
  ],
};
