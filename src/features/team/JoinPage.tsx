/**
 * `/join?server=…&token=…`: the page an invitation link opens. The invitee chooses a name and a password
 * (12 characters or more, checked here and by the server) and this device joins the team, signed in.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { useTeamReady } from '../../session/team-context';
import { teamErrorText } from '../../session/team-text';
import { parseServerUrl } from '../../sync/http-auth';
import { usePageTitle } from '../../ui/page-title';
import { submitOnce } from '../../ui/submit-once';

const MIN_PASSWORD = 12;
type Field = 'name' | 'password';

export default function JoinPage(): JSX.Element {
  usePageTitle(() => t('team:join.title'));
  const team = useTeamReady();
  const [search] = useSearchParams();
  const server = () => parseServerUrl(String(search.server ?? ''));
  const token = () => String(search.token ?? '');
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = createSignal('');
  const [joined, setJoined] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let form!: HTMLFormElement;

  const submit = submitOnce(async () => {
    setFailure('');
    const found: Partial<Record<Field, string>> = {};
    if (name().trim() === '') found.name = t('team:required.name');
    if (password().length < MIN_PASSWORD) found.password = t('team:error.password_short', { count: MIN_PASSWORD });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const url = server();
    const session = await team;
    if (!url.ok || !session) {
      setFailure(t('team:required.token'));
      return;
    }
    setBusy(true);
    try {
      const result = await session.acceptInvitation(url.value, token(), name(), password());
      if (!result.ok) {
        setFailure(teamErrorText(result.error));
        return;
      }
      setPassword('');
      setJoined(result.value.name);
    } finally {
      setBusy(false);
    }
  });

  const invalid = (field: Field) => ({
    'aria-invalid': errors()[field] ? ('true' as const) : undefined,
    'aria-describedby': [field === 'password' ? 'join-password-hint' : '', errors()[field] ? `join-${field}-error` : ''].filter(Boolean).join(' ') || undefined,
  });

  return (
    <section class="page page--narrow" aria-labelledby="join-title" data-testid="join-page">
      <h1 id="join-title">{t('team:join.title')}</h1>
      <Show
        when={!joined()}
        fallback={
          <div role="status" data-testid="join-done">
            <p>{t('team:join.done', { name: joined() })}</p>
            <p>
              <A href="/" end class="btn btn--primary">
                {t('team:join.toWorklist')}
              </A>
            </p>
          </div>
        }
      >
        <Show when={server().ok && token().length >= 10} fallback={<p class="notice notice--error">{t('team:required.token')}</p>}>
          <p>{t('team:join.intro')}</p>
          <p class="muted">{t('team:join.server', { url: server().ok ? (server() as { value: string }).value : '' })}</p>
          <form ref={form} class="card form" novalidate onSubmit={submit}>
            <div class="field">
              <label for="join-name">{t('team:join.name')}</label>
              <input id="join-name" class="input" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} {...invalid('name')} />
              <Show when={errors().name}>
                <p class="field__error" id="join-name-error">
                  {errors().name}
                </p>
              </Show>
            </div>
            <div class="field">
              <label for="join-password">{t('team:join.password')}</label>
              <input id="join-password" class="input" type="password" autocomplete="new-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} {...invalid('password')} />
              <p class="field__hint" id="join-password-hint">
                {t('team:join.passwordHint')}
              </p>
              <Show when={errors().password}>
                <p class="field__error" id="join-password-error">
                  {errors().password}
                </p>
              </Show>
            </div>
            <div class="actions">
              <button type="submit" class="btn btn--primary" aria-disabled={busy()} data-testid="join-submit">
                {busy() ? t('team:join.joining') : t('team:join.submit')}
              </button>
            </div>
            <p class="field__error" role="alert" data-testid="join-error">
              {failure()}
            </p>
          </form>
        </Show>
      </Show>
    </section>
  );
}
