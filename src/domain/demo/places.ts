import type { Rng } from './prng';

export interface City {
  name: string;
  postalCode: string;
  /** First two digits of French landline numbers for the area (01 Île-de-France … 05 South-West). */
  zone: '01' | '02' | '03' | '04' | '05';
}

export const CITIES: readonly City[] = [
  { name: 'Paris', postalCode: '75011', zone: '01' },
  { name: 'Paris', postalCode: '75015', zone: '01' },
  { name: 'Montreuil', postalCode: '93100', zone: '01' },
  { name: 'Nanterre', postalCode: '92000', zone: '01' },
  { name: 'Versailles', postalCode: '78000', zone: '01' },
  { name: 'Créteil', postalCode: '94000', zone: '01' },
  { name: 'Évry-Courcouronnes', postalCode: '91000', zone: '01' },
  { name: 'Meaux', postalCode: '77100', zone: '01' },
  { name: 'Rennes', postalCode: '35000', zone: '02' },
  { name: 'Nantes', postalCode: '44000', zone: '02' },
  { name: 'Angers', postalCode: '49000', zone: '02' },
  { name: 'Caen', postalCode: '14000', zone: '02' },
  { name: 'Rouen', postalCode: '76000', zone: '02' },
  { name: 'Tours', postalCode: '37000', zone: '02' },
  { name: 'Orléans', postalCode: '45000', zone: '02' },
  { name: 'Brest', postalCode: '29200', zone: '02' },
  { name: 'Le Mans', postalCode: '72000', zone: '02' },
  { name: 'Lille', postalCode: '59000', zone: '03' },
  { name: 'Strasbourg', postalCode: '67000', zone: '03' },
  { name: 'Reims', postalCode: '51100', zone: '03' },
  { name: 'Metz', postalCode: '57000', zone: '03' },
  { name: 'Nancy', postalCode: '54000', zone: '03' },
  { name: 'Dijon', postalCode: '21000', zone: '03' },
  { name: 'Besançon', postalCode: '25000', zone: '03' },
  { name: 'Amiens', postalCode: '80000', zone: '03' },
  { name: 'Mulhouse', postalCode: '68100', zone: '03' },
  { name: 'Lyon', postalCode: '69003', zone: '04' },
  { name: 'Lyon', postalCode: '69007', zone: '04' },
  { name: 'Grenoble', postalCode: '38000', zone: '04' },
  { name: 'Marseille', postalCode: '13002', zone: '04' },
  { name: 'Nice', postalCode: '06000', zone: '04' },
  { name: 'Montpellier', postalCode: '34000', zone: '04' },
  { name: 'Saint-Étienne', postalCode: '42000', zone: '04' },
  { name: 'Annecy', postalCode: '74000', zone: '04' },
  { name: 'Clermont-Ferrand', postalCode: '63000', zone: '04' },
  { name: 'Avignon', postalCode: '84000', zone: '04' },
  { name: 'Toulouse', postalCode: '31000', zone: '05' },
  { name: 'Bordeaux', postalCode: '33000', zone: '05' },
  { name: 'Pau', postalCode: '64000', zone: '05' },
  { name: 'Limoges', postalCode: '87000', zone: '05' },
  { name: 'Poitiers', postalCode: '86000', zone: '05' },
  { name: 'La Rochelle', postalCode: '17000', zone: '05' },
  { name: 'Bayonne', postalCode: '64100', zone: '05' },
  { name: 'Perpignan', postalCode: '66000', zone: '05' },
];

export const STREETS = [
  'rue de la République', 'avenue Jean Jaurès', 'boulevard Gambetta', 'rue Victor Hugo', 'rue Pasteur',
  'rue du Général Leclerc', 'avenue de la Gare', 'place du Marché', 'rue des Artisans', 'allée des Tilleuls',
  'chemin des Vignes', 'rue du Moulin', 'quai des Bateliers', 'rue Nationale', 'avenue Foch',
  'rue de la Paix', 'boulevard de la Liberté', 'rue Émile Zola', 'impasse des Érables', 'rue Jules Ferry',
] as const;

/** Business parks: many B2B customers sit in a ZA / ZI rather than on a named street. */
export const BUSINESS_PARKS = [
  'ZA des Landes', 'ZI de la Plaine', "Parc d'activités du Moulin", 'ZAC des Portes', 'ZI Nord',
  "Parc d'affaires de la Croix", 'ZA du Pré Long', 'Technopôle Sud',
] as const;

/**
 * Landline blocks ARCEP reserves for fiction (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49): numbers
 * that look local to the debtor yet can never ring a real person.
 */
const FICTION_BLOCKS: Record<City['zone'], string> = {
  '01': '01 99 00',
  '02': '02 61 91',
  '03': '03 53 01',
  '04': '04 65 71',
  '05': '05 36 49',
};
const FICTION_MOBILE = '06 39 98';

function lastFour(n: number): string {
  const s = String(Math.abs(Math.trunc(n)) % 10_000).padStart(4, '0');
  return `${s.slice(0, 2)} ${s.slice(2)}`;
}

export function landline(zone: City['zone'], n: number): string {
  return `${FICTION_BLOCKS[zone]} ${lastFour(n)}`;
}

export function mobile(n: number): string {
  return `${FICTION_MOBILE} ${lastFour(n)}`;
}

/** Ofcom's London drama range (020 7946 0000–0999), written in international form for a UK contact. */
export function ukLandline(n: number): string {
  return `+44 20 7946 0${String(Math.abs(Math.trunc(n)) % 1000).padStart(3, '0')}`;
}

export function streetLine(rng: Rng): string {
  if (rng.chance(0.3)) return `${rng.int(1, 40)} ${rng.pick(BUSINESS_PARKS)}`;
  const bis = rng.chance(0.08) ? ' bis' : '';
  return `${rng.int(1, 180)}${bis} ${rng.pick(STREETS)}`;
}
