/**
 * The "add 50,000 debtors" job lives outside the page, so leaving Settings does not lose its progress and
 * coming back shows where it is. It adds to the portfolio rather than replacing it: nothing the user typed
 * is destroyed without the "delete all data" confirmation.
 */
import { createSignal } from 'solid-js';
import { LARGE_DEBTORS, seedLarge, type SeedProgress } from '../../session/seed';
import type { AppServices } from '../../session/store-context';
import { todayIso } from '../../session/today';

export type LargeSeedJob =
  | { state: 'idle' }
  | { state: 'running'; progress: SeedProgress }
  | { state: 'done'; added: number }
  | { state: 'failed'; error: unknown };

const [largeSeedJob, setJob] = createSignal<LargeSeedJob>({ state: 'idle' });
export { largeSeedJob };

export async function startLargeSeed(services: AppServices): Promise<void> {
  if (largeSeedJob().state === 'running') return;
  setJob({ state: 'running', progress: { debtors: 0, total: LARGE_DEBTORS } });
  try {
    const added = await seedLarge(services.store, todayIso(), (progress) => setJob({ state: 'running', progress }), {
      replace: false,
    });
    setJob({ state: 'done', added });
  } catch (error) {
    setJob({ state: 'failed', error });
  } finally {
    services.dataChanged();
  }
}
