import { Router, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, lazy, on, onCleanup, onMount, Show, Suspense, type JSX } from 'solid-js';
import { t } from '../i18n';
import { AppErrorBoundary } from './AppErrorBoundary';
import { Header } from './Header';
import { routes } from './routes';
import { SkipLink } from './SkipLink';
import { ServicesProvider, type AppServices } from '../session/store-context';
import { TeamProvider } from '../session/team-context';
import type { TeamSession } from '../session/team-session';

// Only `?demo=large` needs it, so it stays out of the first load.
const LargeSeedScreen = lazy(() => import('../features/settings/LargeSeedScreen'));
const AfterFirstPaint = lazy(() => import('./AfterFirstPaint'));

export interface AppProps {
  services: AppServices;
  /** Makes this device's team session once the shell is on screen (absent: alone, the local role decides). */
  loadTeam?: () => Promise<TeamSession>;
  /** Whether this device joined a team: if not, the session is made only when a screen asks for it. */
  teamJoined?: () => Promise<boolean>;
  /** `?demo=large` was in the URL: seed 50,000 debtors before showing any page. */
  largeSeed: boolean;
}

function Shell(props: RouteSectionProps & { largeSeed: boolean }): JSX.Element {
  const location = useLocation();
  const navigate = useNavigate();
  const [seeding, setSeeding] = createSignal(props.largeSeed);
  let main!: HTMLElement;

  // After an in-app navigation, screen-reader and keyboard users start from the new page's content.
  createEffect(
    on(
      () => location.pathname,
      () => main.focus({ preventScroll: true }),
      { defer: true },
    ),
  );

  // The notices and the focus listener, once the first screen is painted (see AfterFirstPaint).
  // A frame, then a task: the first paint is past. Not session/after-paint, which would join the entry chunk.
  const [painted, setPainted] = createSignal(false);
  onMount(() => {
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (task = setTimeout(() => setPainted(true))));
    onCleanup(() => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    });
  });

  const seeded = () => {
    setSeeding(false);
    navigate('/', { replace: true });
  };

  return (
    <>
      <SkipLink />
      <Header />
      <main id="main" tabindex="-1" class="app-main" ref={main}>
        <Show
          when={!seeding()}
          fallback={
            <Suspense>
              <LargeSeedScreen onDone={seeded} />
            </Suspense>
          }
        >
          <AppErrorBoundary>
            <Suspense fallback={<p class="page page-loading">{t('loading')}</p>}>{props.children}</Suspense>
          </AppErrorBoundary>
        </Show>
      </main>
      <Show when={painted()}>
        <Suspense>
          <AfterFirstPaint />
        </Suspense>
      </Show>
    </>
  );
}

export function App(props: AppProps): JSX.Element {
  return (
    <ServicesProvider services={props.services}>
      <TeamProvider load={props.loadTeam} joined={props.teamJoined}>
        <Router root={(section) => <Shell {...section} largeSeed={props.largeSeed} />}>{routes}</Router>
      </TeamProvider>
    </ServicesProvider>
  );
}
