/**
 * Settings → Team: connect this device to the team's server, see where the sync stands, sign out; the first
 * connection's question, lost edits, and (for the admin) invitations. Alone (no team session in context,
 * e.g. a sandbox) the section says the device works on its own.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { useTeam } from '../../session/team-context';
import type { TeamSession } from '../../session/team-session';
import { statusLine, teamErrorText } from '../../session/team-text';
import { FirstConnectionDialog, InviteForm, LostEdits } from './TeamExtras';
import { TeamSignIn } from './TeamSignIn';

function TeamStatus(props: { team: TeamSession }): JSX.Element {
  const line = () => statusLine(props.team.connected(), props.team.connection(), props.team.syncStatus());
  return (
    <p class={`team-status team-status--${line().tone}`} data-testid="team-status" data-tone={line().tone}>
      <span class="team-status__label">{t('team:statusLabel')} </span>
      <span role="status">{line().text}</span>
    </p>
  );
}

function SignedIn(props: { team: TeamSession }): JSX.Element {
  const [failure, setFailure] = createSignal('');
  const user = () => props.team.user()!;
  const signOut = async () => {
    const result = await props.team.signOut();
    setFailure(result.ok ? '' : teamErrorText(result.error));
  };
  return (
    <div class="team-account" data-testid="team-account">
      <p>{t('team:signedInAs', { name: user().name, email: user().email })}</p>
      <p data-testid="team-role" data-role={user().role}>
        {t('team:roleLine', { role: t(`team:roles.${user().role}`) })}
      </p>
      <p class="muted team-server">{t('team:serverLine', { url: props.team.serverUrl() ?? '' })}</p>
      <div class="actions">
        <Show when={props.team.syncStatus()}>
          <button type="button" class="btn" onClick={() => void props.team.syncNow()}>
            {t('team:syncNow')}
          </button>
        </Show>
        <button type="button" class="btn" data-testid="team-signout" onClick={() => void signOut()}>
          {t('team:signOut')}
        </button>
      </div>
      <p class="field__error" role="alert">
        {failure()}
      </p>
    </div>
  );
}

/** `standalone`: on a page of its own, whose heading already says "Équipe", the section names the server. */
export function TeamSection(props: { standalone?: boolean } = {}): JSX.Element {
  const team = useTeam();
  return (
    <section class="card team-section" id="team" aria-labelledby="team-title" data-testid="team-section">
      <h2 id="team-title">{t(props.standalone ? 'team:serverTitle' : 'team:title')}</h2>
      <p class="muted">{t('team:intro')}</p>
      <Show when={team()} fallback={<p>{t('team:status.alone')}</p>}>
        {(session) => (
          <Show when={session().ready()}>
            <TeamStatus team={session()} />
            <Show
              when={session().connected()}
              fallback={<TeamSignIn team={session()} serverUrl={session().serverUrl() ?? ''} email="" />}
            >
              <SignedIn team={session()} />
              <Show when={session().connection().kind === 'sessionEnded'}>
                <TeamSignIn team={session()} serverUrl={session().serverUrl() ?? ''} email={session().user()?.email ?? ''} />
              </Show>
              <LostEdits team={session()} />
              <Show when={session().user()?.role === 'admin'}>
                <InviteForm team={session()} serverUrl={session().serverUrl() ?? ''} />
              </Show>
            </Show>
            <FirstConnectionDialog team={session()} />
          </Show>
        )}
      </Show>
    </section>
  );
}
