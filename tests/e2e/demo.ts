/**
 * The demo portfolio the app seeds on first run, generated here for the same day, so journeys can name a
 * real debtor or invoice instead of guessing from screen text.
 */
import { todayIso } from '../../src/session/today';
import type { DebtorBundle } from '../../src/domain/bundle';
import { generateDemoPortfolio } from '../../src/domain/demo';

let cached: DebtorBundle[] | undefined;

export function demoPortfolio(): DebtorBundle[] {
  cached ??= generateDemoPortfolio({ today: todayIso() });
  return cached;
}

/** The demo bundle behind a dossier path such as `/debtors/<id>`. */
export function bundleForPath(path: string): DebtorBundle {
  const id = decodeURIComponent(path.split('/').filter(Boolean)[1] ?? '');
  const bundle = demoPortfolio().find((b) => b.debtor.id === id);
  if (!bundle) throw new Error(`no demo debtor with id "${id}" (path ${path})`);
  return bundle;
}

/** Debtors whose every invoice is paid: they owe nothing and must never appear in the worklist. */
export function allPaidDebtors(): DebtorBundle[] {
  return demoPortfolio().filter((b) => b.invoices.length > 0 && b.invoices.every((i) => i.status === 'paid'));
}
