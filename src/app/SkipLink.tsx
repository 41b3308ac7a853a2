import type { JSX } from 'solid-js';
import { t } from '../i18n';

/** Moves focus (not only the scroll position) to the main content; a native listener so the router never sees it. */
export function SkipLink(): JSX.Element {
  const skip = (event: MouseEvent) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a class="skip-link" href="#main" on:click={skip}>
      {t('nav.skip')}
    </a>
  );
}
