import { Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../i18n';
import { Logo } from '../ui/Logo';
import { App } from './App';
import type { BootOutcome } from './boot';
import { dbNotice } from '../session/db-notice';

export type BootPhase = { kind: 'booting' } | BootOutcome;

/** Same markup as the static splash in index.html, so the hand-over to Solid does not flicker. */
function Splash(): JSX.Element {
  return (
    <div class="splash" aria-hidden="true">
      <Logo />
      <span class="brand__name">Cadence</span>
    </div>
  );
}

function BootFailed(props: { error: unknown }): JSX.Element {
  return (
    <main id="main" tabindex="-1" class="app-main">
      <section class="page page--narrow" role="alert">
        <h1>{t('boot.failedTitle')}</h1>
        <p>{t('boot.failedBody')}</p>
        <button type="button" class="btn btn--primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
        <details class="error-details">
          <summary>{t('error.details')}</summary>
          <pre>{props.error instanceof Error ? props.error.message : String(props.error)}</pre>
        </details>
      </section>
    </main>
  );
}

/** A connection event (another tab upgraded, blocked, storage cleared) over whatever screen is showing. */
function DbNoticeBanner(): JSX.Element {
  return (
    <Show when={dbNotice()}>
      {(notice) => (
        <div class="db-notice" role="alert">
          <p>{t(`boot.${notice()}`)}</p>
          <Show when={notice() !== 'blocked'}>
            <button type="button" class="btn btn--primary" onClick={() => window.location.reload()}>
              {t('error.reload')}
            </button>
          </Show>
        </div>
      )}
    </Show>
  );
}

export function Root(props: { phase: BootPhase }): JSX.Element {
  return (
    <>
      <DbNoticeBanner />
      <Switch>
        <Match when={props.phase.kind === 'booting'}>
          <Splash />
        </Match>
        <Match when={props.phase.kind === 'failed' && props.phase}>
          {(failed) => <BootFailed error={failed().error} />}
        </Match>
        <Match when={props.phase.kind === 'ready' && props.phase}>
          {(ready) => <App services={ready().services} loadTeam={ready().loadTeam} teamJoined={ready().teamJoined} largeSeed={ready().largeSeed} />}
        </Match>
      </Switch>
    </>
  );
}
