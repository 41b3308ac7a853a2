import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../i18n';
import { usePageTitle } from './page-title';

/**
 * The page for a link to a debtor this device does not hold (a mistyped or stale id in /debtors/:id/…). Its
 * texts live in the always-loaded `common` namespace: a route that does not load the dossier's texts (the
 * call, the recap) still says it in words, never as a raw key, and the tab title says it too.
 */
export function DebtorNotFound(props: { testId?: string; /** Inside a page that already has its frame. */ inline?: boolean }): JSX.Element {
  usePageTitle(() => t('debtorNotFound.title'));
  return (
    <section class={props.inline ? undefined : 'page page--narrow'} data-testid={props.testId ?? 'debtor-not-found'}>
      <h1>{t('debtorNotFound.title')}</h1>
      <p>{t('debtorNotFound.body')}</p>
      <p>
        <A href="/" end>{t('backToWorklist')}</A>
      </p>
    </section>
  );
}
