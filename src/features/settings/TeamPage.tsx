import type { JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { TeamSection } from './TeamSection';
import '../../styles/settings.css';

/** `/settings/team`: the Team section of the settings on a page of its own (a link an admin can send). */
export default function TeamPage(): JSX.Element {
  usePageTitle(() => `${t('team:title')} · ${t('settings:title')}`);
  return (
    <div class="page page--narrow page--settings">
      <p>
        <A href="/settings">{t('settings:title')}</A>
      </p>
      <h1>{t('team:title')}</h1>
      <TeamSection standalone />
    </div>
  );
}
