import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../../i18n';

/** The training section's own links: scenarios, the trainee's progress, the team lead's view. */
export function TrainingNav(): JSX.Element {
  return (
    <nav class="training-nav" aria-label={t('training:nav.label')}>
      <ul>
        <li>
          <A href="/training" end class="training-nav__link">
            {t('training:nav.scenarios')}
          </A>
        </li>
        <li>
          <A href="/training/history" class="training-nav__link">
            {t('training:nav.history')}
          </A>
        </li>
        <li>
          <A href="/training/team" class="training-nav__link">
            {t('training:nav.team')}
          </A>
        </li>
      </ul>
    </nav>
  );
}

/** Always on screen while a simulation runs: nothing here is real. */
export function SimulationBanner(): JSX.Element {
  return (
    <p class="sim-banner" role="note" data-testid="simulation-banner">
      {t('training:banner')}
    </p>
  );
}
