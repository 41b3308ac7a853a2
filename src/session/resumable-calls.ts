/**
 * Calls left mid-way (tab closed, browser killed) that the agent can resume: on a dossier, that debtor's;
 * elsewhere (the worklist), every one, with the debtor's name since the page does not say whose call it is.
 * Light on purpose: it reads the call records only, the call screen does the restoring.
 */
import { loadNamespaces } from '../i18n';
import type { CadenceStore } from '../storage/api';

export interface ResumableCall {
  debtorId: string;
  updatedAt: string;
  /** Set when the list is not about one debtor. */
  name?: string | undefined;
}

export async function resumableCalls(store: CadenceStore, debtorId?: string): Promise<ResumableCall[]> {
  // A banner must never break the page it sits on: no calls readable, no banner.
  const calls = await Promise.resolve()
    .then(() => store.activeCalls(debtorId))
    .catch(() => []);
  // The banner's words come with it, and only when there is a call to resume.
  if (calls.length > 0) await loadNamespaces(['callscreen']);
  return Promise.all(
    calls.map(async (call) => ({
      debtorId: call.debtorId,
      updatedAt: call.updatedAt,
      name: debtorId === undefined ? await store.getDossier(call.debtorId).then((d) => d?.debtor.name, () => undefined) : undefined,
    })),
  );
}
