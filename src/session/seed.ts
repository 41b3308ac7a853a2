/**
 * Filling and emptying the portfolio. The generators are imported on demand: they are not part of the first load.
 *
 * After "delete all data" the user expects the data to stay deleted, even across a reload, so a flag in
 * localStorage stops the boot from re-seeding the demo; loading the demo again is an explicit action.
 */
import type { CadenceStore } from '../storage/api';

const DEMO_DECLINED_KEY = 'cadence:demo-declined';
export const LARGE_DEBTORS = 50_000;
export const LARGE_INVOICES = 200_000;

export function demoDeclined(): boolean {
  try {
    return localStorage.getItem(DEMO_DECLINED_KEY) === '1';
  } catch {
    return false;
  }
}

function setDemoDeclined(declined: boolean): void {
  try {
    if (declined) localStorage.setItem(DEMO_DECLINED_KEY, '1');
    else localStorage.removeItem(DEMO_DECLINED_KEY);
  } catch {
    // Storage disabled: the only cost is that a reload seeds the demo again.
  }
}

/**
 * Writes the ~40-debtor demo portfolio; returns how many debtors were written. None on a device joined to a
 * team: its writes go to the team's outbox, and made-up debtors must never reach the team's real ones.
 */
export async function seedDemo(store: CadenceStore, today: string): Promise<number> {
  if (await store.sync?.teamLink()) return 0;
  const { generateDemoPortfolio } = await import('../domain/demo');
  const bundles = generateDemoPortfolio({ today });
  await store.putBundles(bundles);
  setDemoDeclined(false);
  return bundles.length;
}

/** Deletes the portfolio but keeps the agent's settings (name, signature, language): those are not "data". */
export async function clearPortfolio(store: CadenceStore): Promise<void> {
  const settings = await store.getSettings();
  await store.clearAll();
  await store.putSettings(settings);
  // Loaded here rather than with the boot: only this rare action and the call screen need it.
  (await import('../storage/call-rescue')).browserCallRescue().clearAll();
  setDemoDeclined(true);
}

export interface SeedProgress {
  debtors: number;
  total: number;
}

/**
 * Writes 50,000 debtors and 200,000 invoices chunk by chunk, one transaction per chunk, yielding between chunks
 * so the page stays responsive and the progress bar moves. `replace` clears the portfolio first.
 */
export async function seedLarge(
  store: CadenceStore,
  today: string,
  onProgress: (p: SeedProgress) => void,
  options: { replace: boolean },
): Promise<number> {
  const { generateLargePortfolio } = await import('../domain/demo');
  if (options.replace) await clearPortfolio(store);
  let debtors = 0;
  onProgress({ debtors, total: LARGE_DEBTORS });
  for (const chunk of generateLargePortfolio({ today, debtors: LARGE_DEBTORS, invoices: LARGE_INVOICES })) {
    await store.putBundles(chunk);
    debtors += chunk.length;
    onProgress({ debtors, total: LARGE_DEBTORS });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  setDemoDeclined(false);
  return debtors;
}
