/**
 * Entry point: paint the splash, boot (storage → settings → i18n → demo seed), render the app, and only then
 * load what the first screen does not need (service worker, persistence request).
 */
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { boot } from './app/boot';
import { Root, type BootPhase } from './app/Root';
import { registerServiceWorker } from './features/pwa/service-worker';
import { requestPersistence } from './storage/persist';
import { prefetchRoute } from './app/routes';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
container.textContent = '';

prefetchRoute(window.location.pathname, window.location.search);
const [phase, setPhase] = createSignal<BootPhase>({ kind: 'booting' });
render(() => <Root phase={phase()} />, container);

void boot().then((outcome) => {
  setPhase(outcome);
  if (outcome.kind !== 'ready') return;
  requestAnimationFrame(() => {
    void requestPersistence().then(outcome.services.setPersistence);
    void registerServiceWorker();
  });
});
