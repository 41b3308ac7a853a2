import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { TeamSession } from '../../session/team-session';
import { teamErrorText } from '../../session/team-text';
import { submitOnce } from '../../ui/submit-once';
import { checkSignIn, type FieldErrors, type SignInField } from './team-form';

const ERROR_KEY = { invalid_url: 'team:error.invalid_url', email: 'team:required.email', password: 'team:required.password' } as const;

/** Server address, email and password; Enter submits; every refusal in words, beside its field or below. */
export function TeamSignIn(props: { team: TeamSession; serverUrl: string; email: string }): JSX.Element {
  const [values, setValues] = createSignal<Record<SignInField, string>>({ serverUrl: props.serverUrl, email: props.email, password: '' });
  const [errors, setErrors] = createSignal<FieldErrors<SignInField>>({});
  const [failure, setFailure] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let form!: HTMLFormElement;

  const set = (field: SignInField) => (event: { currentTarget: { value: string } }) => setValues({ ...values(), [field]: event.currentTarget.value });
  const fieldProps = (field: SignInField) => ({
    id: `team-${field}`,
    name: field,
    value: values()[field],
    onInput: set(field),
    'aria-invalid': errors()[field] ? ('true' as const) : undefined,
    'aria-describedby': [field === 'serverUrl' ? 'team-serverUrl-hint' : '', errors()[field] ? `team-${field}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const FieldError = (p: { field: SignInField }) => (
    <Show when={errors()[p.field]}>
      {(code) => (
        <p class="field__error" id={`team-${p.field}-error`}>
          {t(ERROR_KEY[code()])}
        </p>
      )}
    </Show>
  );

  const submit = submitOnce(async () => {
    setFailure('');
    const checked = checkSignIn(values());
    if (!checked.ok) {
      setErrors(checked.errors);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await props.team.signIn(checked.serverUrl, checked.email, values().password);
      if (!result.ok) {
        setFailure(teamErrorText(result.error));
        if (result.error.kind === 'invalid_url') setErrors({ serverUrl: 'invalid_url' });
        return;
      }
      setValues({ ...values(), password: '' });
    } finally {
      setBusy(false);
    }
  });

  return (
    <form ref={form} class="form team-signin" novalidate onSubmit={submit} aria-labelledby="team-signin-title" data-testid="team-signin">
      <h3 id="team-signin-title">{t('team:signIn')}</h3>
      <div class="field">
        <label for="team-serverUrl">{t('team:serverUrl')}</label>
        <input class="input" type="url" inputmode="url" autocomplete="url" spellcheck={false} {...fieldProps('serverUrl')} />
        <p class="field__hint" id="team-serverUrl-hint">
          {t('team:serverUrlHint')}
        </p>
        <FieldError field="serverUrl" />
      </div>
      <div class="field">
        <label for="team-email">{t('team:email')}</label>
        <input class="input" type="email" autocomplete="username" spellcheck={false} {...fieldProps('email')} />
        <FieldError field="email" />
      </div>
      <div class="field">
        <label for="team-password">{t('team:password')}</label>
        <input class="input" type="password" autocomplete="current-password" {...fieldProps('password')} />
        <FieldError field="password" />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn--primary" aria-disabled={busy()} data-testid="team-signin-submit">
          {busy() ? t('team:signingIn') : t('team:signIn')}
        </button>
      </div>
      <p class="field__error" role="alert" data-testid="team-signin-error">
        {failure()}
      </p>
    </form>
  );
}
