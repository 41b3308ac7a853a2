/**
 * The script preview mode: the real call machine and the real call screen, walked over a sandbox — an
 * in-memory store holding a copy of one dossier, the settings and the creditor — so the call's persistence
 * (every transition) and its `commitOutcome` land in the sandbox, never in the agent's data. No lock, no page
 * events, no copy aside: the sandbox goes with the preview.
 */
import type { DebtorBundle } from '../domain/bundle';
import type { CallScript } from '../scripts/schema';
import type { CadenceStore } from '../storage/api';
import { createMemoryStore } from '../storage/memory-store';
import { openCallSession, type CallSession } from './call-session';

export interface PreviewCall {
  /** The sandbox the preview writes to; the screens inside the preview are given this store. */
  store: CadenceStore;
  session: CallSession;
}

export interface PreviewSource {
  /** The real store, only read: the dossier, the settings and the creditor are copied from it. */
  store: CadenceStore;
  now?: () => number;
  newId?: () => string;
  today?: () => string;
}

/** A new call on `script` (typically a draft) with a copy of the dossier; null when the dossier does not exist. */
export async function openPreviewCall(debtorId: string, script: CallScript, source: PreviewSource): Promise<PreviewCall | null> {
  const [bundle, settings, creditor] = await Promise.all([source.store.getDossier(debtorId), source.store.getSettings(), source.store.getCreditor()]);
  if (!bundle) return null;
  const sandbox = createMemoryStore();
  await sandbox.putBundles([structuredClone(bundle) as DebtorBundle]);
  await sandbox.putSettings(structuredClone(settings));
  await sandbox.putCreditor(structuredClone(creditor));
  const opened = await openCallSession(debtorId, {
    store: sandbox,
    locks: null,
    page: null,
    rescue: null,
    scripts: null,
    script,
    ...(source.now ? { now: source.now } : {}),
    ...(source.newId ? { newId: source.newId } : {}),
    ...(source.today ? { today: source.today } : {}),
  });
  if (opened.kind !== 'session') throw new Error(`a fresh sandbox opened ${opened.kind}`);
  return { store: sandbox, session: opened.session };
}
