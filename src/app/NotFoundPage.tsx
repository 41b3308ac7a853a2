import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../i18n';
import { usePageTitle } from '../ui/page-title';

export function NotFoundPage(): JSX.Element {
  usePageTitle(() => t('notFound'));
  return (
    <section class="page page--narrow">
      <h1>{t('notFound')}</h1>
      <p>
        <A href="/" end>{t('backToWorklist')}</A>
      </p>
    </section>
  );
}
