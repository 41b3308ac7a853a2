import { useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, type JSX } from 'solid-js';
import { t } from '../i18n';

/** A crash in one page shows a translated message instead of a blank screen; navigating away clears it. */
export function AppErrorBoundary(props: { children: JSX.Element }): JSX.Element {
  const location = useLocation();
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        createEffect(on(() => location.pathname, reset, { defer: true }));
        return (
          <section class="page page--narrow" role="alert">
            <h1>{t('error.title')}</h1>
            <p>{t('error.body')}</p>
            <div class="actions">
              <button type="button" class="btn btn--primary" onClick={reset}>
                {t('error.retry')}
              </button>
              <button type="button" class="btn" onClick={() => window.location.reload()}>
                {t('error.reload')}
              </button>
            </div>
            <details class="error-details">
              <summary>{t('error.details')}</summary>
              <pre>{error instanceof Error ? error.message : String(error)}</pre>
            </details>
          </section>
        );
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
