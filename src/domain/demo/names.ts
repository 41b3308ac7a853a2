import type { Rng } from './prng';

/** Word lists for fictional French people and companies. Any resemblance to a real firm is accidental. */
export const FIRST_NAMES = [
  'Camille', 'Nicolas', 'Sophie', 'Julien', 'Nathalie', 'Thomas', 'Isabelle', 'Laurent', 'Céline', 'Stéphane',
  'Aurélie', 'Sébastien', 'Émilie', 'Christophe', 'Sandrine', 'Frédéric', 'Valérie', 'Olivier', 'Delphine',
  'Mathieu', 'Claire', 'Antoine', 'Élodie', 'Guillaume', 'Virginie', 'Pierre', 'Hélène', 'Vincent', 'Karine',
  'Maxime', 'Audrey', 'Romain', 'Lucie', 'Benoît', 'Manon', 'Hugo', 'Chloé', 'Alexandre', 'Pauline', 'David',
  'Marion', 'Jérôme', 'Anaïs', 'Fabrice', 'Léa', 'Arnaud', 'Caroline', 'Yannick', 'Margaux', 'Patrick',
] as const;

export const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier',
  'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Perez', 'Marchand',
  'Dufour', 'Blanchard', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Fernandez',
  'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois',
  'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier',
] as const;

/** Trades of the customers of a lighting supplier (the demo creditor, Atelier Lumière SAS). */
export const TRADES = [
  'Électricité', 'Menuiserie', 'Boulangerie', 'Hôtel', 'Restaurant', 'Transports', 'Garage', 'Imprimerie',
  'Pharmacie', 'Librairie', 'Fromagerie', 'Charpente', 'Plomberie', 'Carrosserie', 'Boucherie', 'Quincaillerie',
  'Architecture', 'Bâtiment', 'Paysages', 'Agencement', 'Cave', 'Brasserie', 'Ébénisterie', 'Serrurerie',
  'Maçonnerie', 'Peinture', 'Optique', 'Fleurs', 'Domaine', 'Laboratoire', 'Cabinet', 'Studio', 'Atelier',
  'Scènes', 'Événements', 'Logistique', 'Négoce', 'Distribution', 'Froid', 'Chauffage',
] as const;

/** Second halves of company names; several read as a region, which is how many SMEs name themselves. */
export const QUALIFIERS = [
  'du Vercors', 'de Provence', 'Atlantique', 'des Alpes', 'du Littoral', "de l'Ouest", 'du Rhône',
  'de la Loire', 'Frères', '& Fils', '& Associés', 'du Centre', 'de Bourgogne', 'du Jura', 'des Flandres',
  "d'Armor", 'du Lac', 'de la Vallée', 'Méditerranée', 'des Vosges', 'du Quercy', 'Océane', 'du Midi',
  'de Champagne', 'des Cévennes', 'du Morvan', 'de Sologne', 'Normandie', 'Bretagne', "d'Alsace",
  'du Périgord', 'des Landes', 'du Berry', 'de Gascogne', 'Pyrénées', 'Sud', 'Nord', 'Est', 'Services',
  'Conseil',
] as const;

export const LEGAL_FORMS = [
  ['SAS', 40],
  ['SARL', 30],
  ['SA', 8],
  ['SASU', 10],
  ['EURL', 8],
  ['SNC', 2],
  ['SCOP', 2],
] as const satisfies readonly (readonly [string, number])[];

/** Lower-case ASCII slug, used to build fictional e-mail domains. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Fictional mail domain for a company. `.example` is reserved (RFC 2606), so no demo e-mail can ever
 * reach a real mailbox, even if an agent clicks "send".
 */
export function mailDomain(companyName: string): string {
  const words = slugify(companyName).split('-').filter((w) => !['sas', 'sarl', 'sa', 'sasu', 'eurl', 'snc', 'scop'].includes(w));
  return `${words.slice(0, 4).join('-')}.example`;
}

export function personEmail(first: string, last: string, domain: string): string {
  return `${slugify(first)}.${slugify(last)}@${domain}`;
}

const FAMILY_QUALIFIERS = ['& Fils', 'Frères', '& Associés'] as const;

/** A company name in one of the shapes French SMEs use: trade + family name, trade + region, family firm. */
export function companyName(rng: Rng): string {
  const form = rng.weighted(LEGAL_FORMS);
  const shape = rng.weighted([['trade-family', 5], ['trade-region', 3], ['family', 2]] as const);
  if (shape === 'trade-family') return `${rng.pick(TRADES)} ${rng.pick(SURNAMES)} ${form}`;
  if (shape === 'trade-region') return `${rng.pick(TRADES)} ${rng.pick(QUALIFIERS)} ${form}`;
  return `${rng.pick(SURNAMES)} ${rng.pick(FAMILY_QUALIFIERS)} ${form}`;
}
