import { createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { useTeam } from '../../session/team-context';
import { ROLES } from '../../domain/entities';
import { t } from '../../i18n';
import { storageErrorMessage } from '../../ui/storage-error';
import { submitOnce } from '../../ui/submit-once';
import { applyProfile, PROFILE_LIMITS, type ProfileErrorCode, type ProfileField } from './profile-form';

/** Name, company, signature and role: saved together with one button, after validation. */
export function ProfileForm(): JSX.Element {
  const services = useServices();
  // Connected to a team, the role is the server's: the local switch gives way to a sentence saying so.
  const team = useTeam();
  const teamRole = () => {
    const session = team();
    return session?.connected() ? session.user()?.role : undefined;
  };
  const initial = services.settings();
  const [values, setValues] = createSignal<Record<ProfileField, string>>({
    agentName: initial.agentName,
    company: initial.company,
    signature: initial.signature,
    role: initial.role,
  });
  const [errors, setErrors] = createSignal<Partial<Record<ProfileField, ProfileErrorCode>>>({});
  const [status, setStatus] = createSignal<{ kind: 'saved' | 'failed'; text: string }>();
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;

  const set = (field: ProfileField) => (event: { currentTarget: { value: string } }) => {
    setValues({ ...values(), [field]: event.currentTarget.value });
    setStatus(undefined);
  };
  const errorText = (field: ProfileField) => {
    const code = errors()[field];
    return code ? t(`settings:profile.error.${code}`, { max: (PROFILE_LIMITS as Record<string, number>)[field] }) : '';
  };
  const fieldProps = (field: ProfileField) => ({
    id: `profile-${field}`,
    name: field,
    'aria-invalid': errors()[field] ? ('true' as const) : undefined,
    'aria-describedby': errors()[field] ? `profile-${field}-error` : undefined,
  });

  const submit = submitOnce(async () => {
    const result = applyProfile(services.settings(), values());
    if (!result.ok) {
      setErrors(result.errors);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await services.saveSettings(result.settings);
      setStatus({ kind: 'saved', text: t('settings:profile.saved') });
    } catch (error) {
      setStatus({ kind: 'failed', text: storageErrorMessage(error) });
    } finally {
      setSaving(false);
    }
  });

  const FieldError = (p: { field: ProfileField }) => (
    <Show when={errors()[p.field]}>
      <p class="field__error" id={`profile-${p.field}-error`}>
        {errorText(p.field)}
      </p>
    </Show>
  );

  return (
    <form ref={form} class="card form" novalidate onSubmit={submit} aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings:profile.title')}</h2>
      <div class="field">
        <label for="profile-agentName">{t('settings:profile.agentName')}</label>
        <input class="input" {...fieldProps('agentName')} autocomplete="name" value={values().agentName} onInput={set('agentName')} />
        <FieldError field="agentName" />
      </div>
      <div class="field">
        <label for="profile-company">{t('settings:profile.company')}</label>
        <input class="input" {...fieldProps('company')} autocomplete="organization" value={values().company} onInput={set('company')} />
        <FieldError field="company" />
      </div>
      <div class="field">
        <label for="profile-signature">{t('settings:profile.signature')}</label>
        <textarea class="input" {...fieldProps('signature')} rows={4} value={values().signature} onInput={set('signature')} />
        <p class="field__hint">{t('settings:profile.signatureHint')}</p>
        <FieldError field="signature" />
      </div>
      <Show
        when={!teamRole()}
        fallback={
          <div class="field">
            <p class="field__label">{t('settings:profile.role')}</p>
            <p data-testid="role-from-team">{t('team:roleFromTeam', { role: t(`team:roles.${teamRole()}`) })}</p>
          </div>
        }
      >
        <div class="field">
          <label for="profile-role">{t('settings:profile.role')}</label>
          <select class="input" {...fieldProps('role')} value={values().role} onChange={set('role')}>
            <For each={ROLES}>{(role) => <option value={role}>{t(`settings:profile.roles.${role}`)}</option>}</For>
          </select>
          <FieldError field="role" />
        </div>
      </Show>
      <div class="actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard's focus; submitOnce ignores a second submit. */}
        <button type="submit" class="btn btn--primary" aria-disabled={saving()}>
          {t('settings:profile.save')}
        </button>
        <p class="form-status" role="status" classList={{ 'form-status--error': status()?.kind === 'failed' }}>
          {status()?.text ?? ''}
        </p>
      </div>
    </form>
  );
}
