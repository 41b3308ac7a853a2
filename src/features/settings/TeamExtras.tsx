/** The parts of Settings → Team that appear only sometimes: the first-connection question, lost edits, invitations. */
import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { FirstConnectionChoice, TeamSession } from '../../session/team-session';
import { lostEditText, teamErrorText } from '../../session/team-text';
import type { Invitation } from '../../sync/http-auth';
import { ROLES } from '../../sync/protocol';
import { locale } from '../../ui/locale';
import { useModalDialog } from '../../ui/modal-dialog';
import { submitOnce } from '../../ui/submit-once';
import { checkInvite, invitationLink } from './team-form';

/**
 * The first sign-in of a device that holds data: upload it, or start from the team's data. A modal <dialog>
 * (focus inside, the page inert); Escape does not dismiss it, since syncing waits for the answer.
 */
export function FirstConnectionDialog(props: { team: TeamSession }): JSX.Element {
  let dialog!: HTMLDialogElement;
  let first!: HTMLButtonElement;
  const ids = { title: createUniqueId(), body: createUniqueId() };
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  useModalDialog(() => props.team.needsFirstConnection(), () => dialog, () => first.focus());
  const choose = async (choice: FirstConnectionChoice) => {
    if (busy()) return;
    setBusy(true);
    setFailure('');
    try {
      await props.team.chooseFirstConnection(choice);
    } catch (error) {
      setFailure(t('team:first.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={ids.title} aria-describedby={ids.body} data-testid="first-connection" onCancel={(e) => e.preventDefault()}>
      <h2 id={ids.title}>{t('team:first.title')}</h2>
      <p id={ids.body}>{t('team:first.body')}</p>
      <div class="first-choice">
        <button ref={first} type="button" class="btn btn--primary" aria-disabled={busy()} aria-describedby="first-upload-hint" data-testid="first-upload" onClick={() => void choose('upload')}>
          {t('team:first.upload')}
        </button>
        <p class="field__hint" id="first-upload-hint">
          {t('team:first.uploadHint')}
        </p>
        <button type="button" class="btn" aria-disabled={busy()} aria-describedby="first-team-hint" data-testid="first-use-team" onClick={() => void choose('useTeam')}>
          {t('team:first.useTeam')}
        </button>
        <p class="field__hint" id="first-team-hint">
          {t('team:first.useTeamHint')}
        </p>
      </div>
      <p class="field__error" role="alert">
        {failure()}
      </p>
    </dialog>
  );
}

/** "Your edit of … was replaced by …", one line each, dismissable. */
export function LostEdits(props: { team: TeamSession }): JSX.Element {
  return (
    <Show when={props.team.lostEdits().length > 0}>
      <section class="lost-edits" aria-labelledby="lost-edits-title" data-testid="lost-edits">
        <h3 id="lost-edits-title">{t('team:lost.title')}</h3>
        <p class="muted">{t('team:lost.intro')}</p>
        <ul class="lost-edits__list">
          <For each={props.team.lostEdits()}>
            {(edit) => {
              const text = () => lostEditText(edit);
              return (
                <li class="lost-edit">
                  <span>{text()}</span>
                  <button type="button" class="btn" aria-label={t('team:lost.dismissLabel', { text: text() })} onClick={() => void props.team.dismissLostEdit(edit)}>
                    {t('team:lost.dismiss')}
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** The admin invites someone (email, role) and gets the one-time link to pass on. */
export function InviteForm(props: { team: TeamSession; serverUrl: string }): JSX.Element {
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<string>('agent');
  const [invalid, setInvalid] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [made, setMade] = createSignal<Invitation>();
  let emailInput!: HTMLInputElement;
  const submit = submitOnce(async () => {
    setFailure('');
    const checked = checkInvite({ email: email(), role: role() });
    setInvalid(!checked.ok);
    if (!checked.ok) {
      emailInput.focus();
      return;
    }
    const result = await props.team.invite(checked.email, checked.role);
    if (!result.ok) {
      setFailure(teamErrorText(result.error));
      return;
    }
    setMade(result.value);
    setEmail('');
  });
  const expires = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));
  return (
    <form class="form team-invite" novalidate onSubmit={submit} aria-labelledby="team-invite-title" data-testid="team-invite">
      <h3 id="team-invite-title">{t('team:invite.title')}</h3>
      <div class="field">
        <label for="invite-email">{t('team:invite.email')}</label>
        <input
          ref={emailInput}
          id="invite-email"
          class="input"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={invalid() ? 'true' : undefined}
          aria-describedby={invalid() ? 'invite-email-error' : undefined}
        />
        <Show when={invalid()}>
          <p class="field__error" id="invite-email-error">
            {t('team:required.email')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for="invite-role">{t('team:invite.role')}</label>
        <select id="invite-role" class="input" value={role()} onChange={(e) => setRole(e.currentTarget.value)}>
          <For each={ROLES}>{(r) => <option value={r}>{t(`team:roles.${r}`)}</option>}</For>
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="btn" data-testid="team-invite-submit">
          {t('team:invite.submit')}
        </button>
      </div>
      <p class="field__error" role="alert">
        {failure()}
      </p>
      <Show when={made()}>
        {(inv) => (
          <div class="invite-link" role="status">
            <label for="invite-link">{t('team:invite.link', { email: inv().email, date: expires(inv().expiresAt) })}</label>
            <input
              id="invite-link"
              class="input mono"
              readonly
              data-testid="invite-link"
              value={invitationLink(location.origin, props.serverUrl, inv().token)}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        )}
      </Show>
    </form>
  );
}
