import { createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import type { CreditorProfile } from '../../domain/entities';
import { t } from '../../i18n';
import { storageErrorMessage } from '../../ui/storage-error';
import { StoredSection } from '../../ui/StoredSection';
import { submitOnce } from '../../ui/submit-once';
import { CREDITOR_FIELDS, FORMAL_NOTICE_DAY_CHOICES, creditorValues, validateCreditor, type CreditorErrors, type CreditorField, type CreditorValues } from './creditor-form';

const AUTOCOMPLETE: Partial<Record<CreditorField, string>> = {
  line1: 'address-line1',
  line2: 'address-line2',
  postalCode: 'postal-code',
  city: 'address-level2',
  country: 'country',
  email: 'email',
  phone: 'tel',
};
const HINTED: readonly CreditorField[] = ['postalCode', 'siren', 'iban', 'bic', 'creditInsurer'];
const INPUT_MODE: Partial<Record<CreditorField, 'email' | 'tel' | 'numeric'>> = { email: 'email', phone: 'tel', siren: 'numeric', postalCode: 'numeric' };

function CreditorForm(props: { initial: CreditorProfile }): JSX.Element {
  const services = useServices();
  const [values, setValues] = createSignal<CreditorValues>(creditorValues(props.initial));
  const [errors, setErrors] = createSignal<CreditorErrors>({});
  const [status, setStatus] = createSignal<{ kind: 'saved' | 'failed'; text: string }>();
  let form!: HTMLFormElement;

  const save = submitOnce(async () => {
    const result = validateCreditor(values());
    if (!result.ok) {
      setErrors(result.errors);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    try {
      await services.store.putCreditor(result.creditor);
      setValues(creditorValues(result.creditor));
      setStatus({ kind: 'saved', text: t('letters:creditor.saved') });
    } catch (error) {
      setStatus({ kind: 'failed', text: storageErrorMessage(error) });
    }
  });

  return (
    <form ref={form} class="form creditor-form" novalidate onSubmit={save}>
      <For each={CREDITOR_FIELDS}>
        {(field) => {
          const id = `creditor-${field}`;
          const described = () => [HINTED.includes(field) ? `${id}-hint` : undefined, errors()[field] ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
          return (
            <div class="field">
              <label for={id}>{t(`letters:creditor.field.${field}`)}</label>
              <input
                id={id}
                class="input"
                autocomplete={AUTOCOMPLETE[field] ?? 'off'}
                inputmode={INPUT_MODE[field]}
                value={values()[field]}
                aria-invalid={errors()[field] ? 'true' : undefined}
                aria-describedby={described()}
                onInput={(e) => {
                  setValues({ ...values(), [field]: e.currentTarget.value });
                  setStatus(undefined);
                }}
              />
              <Show when={HINTED.includes(field)}>
                <p class="field__hint" id={`${id}-hint`}>
                  {t(`letters:creditor.hint.${field}`)}
                </p>
              </Show>
              <Show when={errors()[field]}>
                {(error) => (
                  <p class="field__error" id={`${id}-error`}>
                    {t(`letters:creditor.error.${error().code}`, { ...error().values, field: t(`letters:creditor.field.${field}`) })}
                  </p>
                )}
              </Show>
            </div>
          );
        }}
      </For>
      <div class="field">
        <label for="creditor-formalNoticeDays">{t('letters:creditor.field.formalNoticeDays')}</label>
        <select
          id="creditor-formalNoticeDays"
          class="input"
          value={values().formalNoticeDays}
          aria-describedby="creditor-formalNoticeDays-hint"
          onChange={(e) => {
            setValues({ ...values(), formalNoticeDays: e.currentTarget.value });
            setStatus(undefined);
          }}
        >
          <For each={FORMAL_NOTICE_DAY_CHOICES}>{(days) => <option value={days}>{t('letters:creditor.days', { count: Number(days) })}</option>}</For>
        </select>
        <p class="field__hint" id="creditor-formalNoticeDays-hint">
          {t('letters:creditor.hint.formalNoticeDays')}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="btn btn--primary" data-testid="creditor-save">
          {t('letters:creditor.save')}
        </button>
        <p class="form-status" role="status" classList={{ 'form-status--error': status()?.kind === 'failed' }}>
          {status()?.text ?? ''}
        </p>
      </div>
    </form>
  );
}

/** The letterhead of every letter: the company's address, contact, SIREN, bank details, credit insurer and the formal notice's deadline. */
export function CreditorSection(): JSX.Element {
  const services = useServices();
  return (
    <StoredSection
      id="creditor-title"
      testId="creditor-section"
      title={t('letters:creditor.title')}
      intro={t('letters:creditor.intro')}
      read={() => services.store.getCreditor()}
    >
      {(c) => <CreditorForm initial={c()} />}
    </StoredSection>
  );
}
