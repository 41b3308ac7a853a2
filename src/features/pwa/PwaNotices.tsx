import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { dismissPwaNotice, needRefresh, offlineReady, reloadToUpdate } from './service-worker';

/** The "ready to work offline" notice and the "update available — reload" prompt, bottom of the screen. */
export function PwaNotices(): JSX.Element {
  return (
    <div class="toast-region" role="status" aria-live="polite">
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
