/**
 * Service-worker lifecycle as two signals, the pattern of vite-plugin-pwa's ReloadPrompt. The notices read
 * them from the first render; the registration (service-worker.ts, with workbox-window) loads after it.
 */
import { createSignal } from 'solid-js';

const [offlineReady, setOfflineReady] = createSignal(false);
const [needRefresh, setNeedRefresh] = createSignal(false);
export { offlineReady, needRefresh, setOfflineReady, setNeedRefresh };

let applyUpdate: (() => void) | undefined;

/** Set by the registration once a new version waits. */
export function setApplyUpdate(apply: () => void): void {
  applyUpdate = apply;
}

export function dismissPwaNotice(): void {
  setOfflineReady(false);
  setNeedRefresh(false);
}

/** Activates the waiting worker, then reloads once it controls the page. */
export function reloadToUpdate(): void {
  if (applyUpdate) applyUpdate();
  else window.location.reload();
}
