/**
 * Calls left mid-way (tab closed, browser killed) that the agent can resume: on a dossier, that debtor's;
 * elsewhere (the worklist), every one, with the debtor's name since the page does not say whose call it is.
 * Light on purpose: it reads the call records only, the call screen does the restoring.
 */
import type { CadenceStore } from '../storage/api';

export interface ResumableCall {
  debtorId: string;
  updatedAt: string;
  /** Set when the list is not about one debtor. */
  name?: string | undefined;
}

/**
 * `alongside` is fetched with the debtors' names once there is a call to resume (the banner's code): at once
 * rather than one after the other. The banner's words are in the first screen's namespace (common).
 */
export async function resumableCalls(store: CadenceStore, debtorId?: string, alongside?: () => Promise<unknown>): Promise<ResumableCall[]> {
  // A banner must never break the page it sits on: no calls readable, no banner.
  const calls = await Promise.resolve()
    .then(() => store.activeCalls(debtorId))
    .catch(() => []);
  if (calls.length === 0) return [];
  const [found] = await Promise.all([
    Promise.all(
      calls.map(async (call) => ({
        debtorId: call.debtorId,
        updatedAt: call.updatedAt,
        name: debtorId === undefined ? await store.getSummary(call.debtorId).then((s) => s?.name, () => undefined) : undefined,
      })),
    ),
    alongside?.(),
  ]);
  return found;
}
