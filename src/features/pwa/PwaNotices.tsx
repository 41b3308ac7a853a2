import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { dismissPwaNotice, needRefresh, offlineReady, reloadToUpdate } from './service-worker';

/**
 * How tall the notices stand, as `--notice-height` on the root element (0 without one): a field being typed
 * in scrolls clear of them (see `scroll-padding-bottom` in layout.css).
 */
function publishHeight(region: HTMLElement): () => void {
  const root = document.documentElement;
  const measure = () => root.style.setProperty('--notice-height', `${region.childElementCount > 0 ? Math.ceil(region.getBoundingClientRect().height) : 0}px`);
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
  observer?.observe(region);
  measure();
  return () => {
    observer?.disconnect();
    root.style.removeProperty('--notice-height');
  };
}

/**
 * The "ready to work offline" notice and the "update available — reload" prompt, at the bottom of the screen,
 * above any controls fixed there (`--bottom-bar`, the call's Back / Next bar): they never cover them.
 */
export function PwaNotices(): JSX.Element {
  let region!: HTMLDivElement;
  onMount(() => onCleanup(publishHeight(region)));
  return (
    <div class="toast-region" role="status" aria-live="polite" ref={region}>
      <Show when={needRefresh()}>
        <div class="toast" data-testid="pwa-update">
          <p class="toast__text">{t('pwa.updateAvailable')}</p>
          <button type="button" class="btn btn--primary" onClick={reloadToUpdate}>
            {t('pwa.reload')}
          </button>
          <button type="button" class="btn btn--ghost" onClick={dismissPwaNotice}>
            {t('pwa.close')}
          </button>
        </div>
      </Show>
      <Show when={offlineReady() && !needRefresh()}>
        <div class="toast" data-testid="pwa-offline-ready">
          <p class="toast__text">{t('pwa.offlineReady')}</p>
          <button type="button" class="btn btn--ghost" onClick={dismissPwaNotice}>
            {t('pwa.close')}
          </button>
        </div>
      </Show>
    </div>
  );
}
