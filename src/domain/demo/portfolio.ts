/**
 * The demo portfolio seeded on first run: about forty French business customers of Atelier Lumière SAS,
 * every date relative to `today` so the worklist always looks current. Pure and deterministic.
 */
import type { DebtorBundle } from '../bundle';
import { parseIsoDate } from './calendar';
import type { DemoBook } from './dossier-types';
import { generatedDebtor } from './generated-debtor';
import { InvoiceNumbering } from './invoice-numbering';
import { deriveSeed, Rng } from './prng';
import type { Scenario } from './scenario-kit';
import { aboveBlockingThreshold, keyAccountPreDue, publicSectorWorkflow, ukSubsidiary, upcomingInvoices } from './scenarios-accounts';
import { allPaid, callBackTomorrow, followUpDueToday, formalNotice } from './scenarios-follow-ups';
import { brokenPromise, cashStrapped, disputedDelivery, forgetfulGoodPayer, manyContacts } from './scenarios-late-payers';

export const DEMO_DEBTOR_COUNT = 40;
export const DEFAULT_DEMO_SEED = 20261123;

/** The hand-written situations, first in the list so they get the lowest, stable ids (`d-0001` …). */
const SCENARIOS: readonly Scenario[] = [
  forgetfulGoodPayer,
  cashStrapped,
  disputedDelivery,
  brokenPromise,
  manyContacts,
  upcomingInvoices,
  aboveBlockingThreshold,
  keyAccountPreDue,
  publicSectorWorkflow,
  ukSubsidiary,
  allPaid,
  followUpDueToday,
  callBackTomorrow,
  formalNotice,
];

export function generateDemoPortfolio(options: { today: string; seed?: number }): DebtorBundle[] {
  parseIsoDate(options.today);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const book: DemoBook = { today: options.today, numbering: new InvoiceNumbering() };
  const bundles = SCENARIOS.map((scenario, i) => scenario(book, i + 1));
  const usedNames = new Set(bundles.map((b) => b.debtor.name));
  for (let index = bundles.length + 1; index <= DEMO_DEBTOR_COUNT; index++) {
    // One stream per debtor: editing one generated debtor's logic leaves the others unchanged.
    bundles.push(generatedDebtor(book, index, new Rng(deriveSeed(seed, index)), usedNames));
  }
  return bundles;
}
