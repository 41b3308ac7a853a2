/**
 * Debtors of the demo beyond the hand-written ones: random but coherent (history, open items, ladder),
 * so the worklist looks like a real portfolio with a spread of ages and amounts.
 */
import type { DebtorBundle } from '../bundle';
import { addDays } from './calendar';
import { DossierBuilder } from './dossier-builder';
import type { ContactRoleCode, DemoBook, SegmentCode } from './dossier-types';
import { playLadder } from './generated-ladder';
import { ACCOUNT_NOTES, DISPUTE_REASONS, INVOICE_LABELS } from './labels';
import { companyName, FIRST_NAMES, SURNAMES } from './names';
import { CITIES, landline, mobile, streetLine } from './places';
import type { Rng } from './prng';
import { eur, frenchAddress } from './scenario-kit';
import { sirenFrom } from './siren';

type Profile = 'current' | 'slightly_late' | 'late' | 'very_late';

const PROFILES: Record<Profile, { overdue: [number, number]; age: [number, number] }> = {
  current: { overdue: [0, 0], age: [0, 0] },
  slightly_late: { overdue: [1, 2], age: [3, 20] },
  late: { overdue: [1, 3], age: [15, 60] },
  very_late: { overdue: [1, 3], age: [45, 120] },
};

/** Excl.-VAT invoice amounts in euros, and the account limits, by segment. */
type CompanySegment = Exclude<SegmentCode, 'public_sector'>;

const SEGMENT_TERMS: Record<CompanySegment, { amount: [number, number]; limit: number; threshold: number }> = {
  small_business: { amount: [180, 3200], limit: 8000, threshold: 500 },
  mid_market: { amount: [1200, 16000], limit: 40000, threshold: 5000 },
  key_account: { amount: [9000, 85000], limit: 250000, threshold: 60000 },
};

const ROLES: readonly ContactRoleCode[] = ['accountant', 'manager', 'accounts_payable', 'purchasing', 'executive'];

function amountCents(rng: Rng, [min, max]: [number, number]): number {
  return eur(rng.int(min, max)) + rng.pick([0, 0, 0, 25, 50, 90]);
}

export function generatedDebtor(book: DemoBook, index: number, rng: Rng, usedNames: Set<string>): DebtorBundle {
  let name = companyName(rng);
  while (usedNames.has(name)) name = companyName(rng);
  usedNames.add(name);
  const segment = rng.weighted<CompanySegment>([
    ['small_business', 50],
    ['mid_market', 42],
    ['key_account', 8],
  ]);
  const terms = SEGMENT_TERMS[segment];
  const city = rng.pick(CITIES);
  const customerSinceDays = rng.int(420, 3000);
  const b = new DossierBuilder(book, index, {
    name,
    siren: sirenFrom(rng.int(3, 9), rng.int(0, 9_999_999)),
    address: frenchAddress(streetLine(rng), city.postalCode, city.name),
    segment,
    creditLimitCents: eur(terms.limit),
    blockingThresholdCents: eur(terms.threshold),
    notes: `Client depuis ${addDays(book.today, -customerSinceDays).slice(0, 4)}. ${rng.pick(ACCOUNT_NOTES)}`,
    customerSinceDays,
  });

  const roles = rng.shuffle(ROLES).slice(0, rng.int(1, 3));
  const preferredAt = rng.int(0, roles.length - 1);
  const contacts = roles.map((role, i) =>
    b.contact({
      first: rng.pick(FIRST_NAMES),
      last: rng.pick(SURNAMES),
      role,
      phone: role === 'manager' || role === 'executive' ? mobile(rng.int(0, 9999)) : landline(city.zone, rng.int(0, 9999)),
      preferred: i === preferredAt,
    }),
  );
  const preferred = contacts[preferredAt] ?? contacts[0];
  if (!preferred) throw new Error('a generated debtor always has a contact');

  const termsDays = segment === 'key_account' ? 60 : rng.pick([30, 30, 45]);
  for (let k = rng.int(0, 4); k > 0; k--) {
    const dueIn = -rng.int(40, 330);
    const inv = b.invoice({ dueIn, termsDays, label: rng.pick(INVOICE_LABELS), exclCents: amountCents(rng, terms.amount) });
    b.pay(inv, 'all', Math.min(dueIn + rng.int(-5, 12), -1), rng.weighted([['transfer', 8], ['cheque', 1], ['direct_debit', 1]] as const));
  }

  const profile = rng.weighted<Profile>([['current', 2], ['slightly_late', 4], ['late', 4], ['very_late', 2]]);
  const { overdue, age } = PROFILES[profile];
  for (let k = rng.int(overdue[0], overdue[1]); k > 0; k--) {
    const dueIn = -rng.int(age[0], age[1]);
    const disputed = rng.chance(0.06);
    const inv = b.invoice({
      dueIn,
      termsDays,
      label: rng.pick(INVOICE_LABELS),
      exclCents: amountCents(rng, terms.amount),
      ...(disputed ? { disputeReason: rng.pick(DISPUTE_REASONS) } : {}),
    });
    if (disputed) {
      if (dueIn + 5 <= -1) b.firstReminder(dueIn + 5, [inv]);
      if (dueIn + 8 <= -1) b.call(dueIn + 8, '10:00', 'dispute', `Facture ${inv.number} contestée (${inv.disputeReason ?? ''}). Relance suspendue sur cette facture.`, 'dispute', preferred);
    } else {
      playLadder(b, rng, inv, dueIn, preferred);
    }
  }

  const upcoming = rng.int(profile === 'current' ? 1 : 0, 2);
  for (let k = 0; k < upcoming; k++) {
    b.invoice({ dueIn: rng.int(1, termsDays - 1), termsDays, label: rng.pick(INVOICE_LABELS), exclCents: amountCents(rng, terms.amount) });
  }
  return b.build();
}
