import { createEffect } from 'solid-js';
import { t } from '../i18n';

/** Keeps document.title in step with the page and the language, so tabs and screen readers say where you are. */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const page = title();
    const app = t('appName');
    document.title = page ? `${page} · ${app}` : app;
  });
}
