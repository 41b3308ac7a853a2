import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../i18n';
import { Logo } from '../ui/Logo';

export function Header(): JSX.Element {
  return (
    <header class="app-header">
      <div class="app-header__inner">
        <span class="brand">
          <Logo />
          <span class="brand__name">{t('appName')}</span>
        </span>
        <nav class="app-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <A href="/" end class="app-nav__link">
                {t('nav.worklist')}
              </A>
            </li>
            <li>
              <A href="/plans" class="app-nav__link">
                {t('nav.plans')}
              </A>
            </li>
            <li>
              <A href="/scripts" class="app-nav__link">
                {t('nav.scripts')}
              </A>
            </li>
            <li>
              <A href="/training" class="app-nav__link">
                {t('nav.training')}
              </A>
            </li>
            <li>
              <A href="/kpis" class="app-nav__link">
                {t('nav.kpis')}
              </A>
            </li>
            <li>
              <A href="/settings" class="app-nav__link">
                {t('nav.settings')}
              </A>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
