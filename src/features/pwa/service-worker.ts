/**
 * Registers the service worker with workbox-window, loaded after first render so it never weighs on the first
 * screen. registerType is 'prompt': an agent mid-call is never reloaded without asking.
 */
import { setApplyUpdate, setNeedRefresh, setOfflineReady } from './pwa-state';

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('installed', (event) => {
    // The first install is the moment the app becomes usable offline; later installs are updates.
    if (!event.isUpdate) setOfflineReady(true);
  });
  wb.addEventListener('waiting', () => {
    setApplyUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
    setNeedRefresh(true);
  });
  try {
    await wb.register();
  } catch (error) {
    // Without a worker the app still runs online; say why in the console for whoever debugs it.
    console.error('Service worker registration failed', error);
  }
}
