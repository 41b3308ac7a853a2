/**
 * Service-worker lifecycle as two signals, the pattern of vite-plugin-pwa's ReloadPrompt, on workbox-window
 * loaded after first render so it never weighs on the first screen. registerType is 'prompt': an agent
 * mid-call is never reloaded without asking.
 */
import { createSignal } from 'solid-js';

const [offlineReady, setOfflineReady] = createSignal(false);
const [needRefresh, setNeedRefresh] = createSignal(false);
export { offlineReady, needRefresh };

let applyUpdate: (() => void) | undefined;

export function dismissPwaNotice(): void {
  setOfflineReady(false);
  setNeedRefresh(false);
}

/** Activates the waiting worker, then reloads once it controls the page. */
export function reloadToUpdate(): void {
  if (applyUpdate) applyUpdate();
  else window.location.reload();
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('installed', (event) => {
    // The first install is the moment the app becomes usable offline; later installs are updates.
    if (!event.isUpdate) setOfflineReady(true);
  });
  wb.addEventListener('waiting', () => {
    applyUpdate = () => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    };
    setNeedRefresh(true);
  });
  try {
    await wb.register();
  } catch (error) {
    // Without a worker the app still runs online; say why in the console for whoever debugs it.
    console.error('Service worker registration failed', error);
  }
}
