import { createSignal, For, Show, type JSX } from 'solid-js';
import type { ContactDetails } from '../../domain/call/context';
import { CONTACT_ROLES, type Contact, type ContactRole } from '../../domain/entities';
import { isEmailAddress, isPhoneNumber } from '../../domain/input/contact-format';
import { t } from '../../i18n';
import { submitOnce } from '../../ui/submit-once';
import { describedBy, FieldError } from './FieldError';
import type { CallView } from './use-call-session';

/**
 * Steps 2 and 8: the person on the line, confirmed as the dossier has them or corrected (the correction
 * updates the contact when the call is recorded).
 */
export function ContactCheck(props: {
  view: CallView;
  contact: Contact | undefined;
  idPrefix: string;
  /** False while the step is kept hidden in the page (steps 2 and 8 both check the contact): test ids go to the shown one. */
  shown?: boolean;
}): JSX.Element {
  const testId = (name: string) => (props.shown === false ? undefined : name);
  const check = () => props.view.contactCheck();
  const corrected = (): ContactDetails | null => {
    const c = check();
    return c?.status === 'corrected' ? c.contact : null;
  };
  const start = (): ContactDetails =>
    corrected() ?? { name: props.contact?.name ?? '', role: props.contact?.role ?? 'other', phone: props.contact?.phone ?? '', email: props.contact?.email ?? '' };
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal<ContactDetails>(start());
  const shown = () => corrected() ?? props.contact;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const event = () => ({ type: 'CORRECT_CONTACT' as const, contact: draft() });

  // Messages show once the agent tried to save, or as soon as a phone or an address is visibly wrong.
  const [tried, setTried] = createSignal(false);
  const problems = () => {
    const d = draft();
    return {
      name: d.name.trim() === '' && tried() ? t('callscreen:form.nameRequired') : null,
      phone: d.phone.trim() !== '' && !isPhoneNumber(d.phone) ? t('callscreen:form.phoneInvalid') : null,
      email: d.email.trim() !== '' && !isEmailAddress(d.email) ? t('callscreen:form.emailInvalid') : null,
    };
  };
  const save = submitOnce(() => {
    setTried(true);
    if (!props.view.can(event())) {
      queueMicrotask(() => document.querySelector<HTMLElement>(`#${id('form')} [aria-invalid="true"]`)?.focus());
      return;
    }
    props.view.send(event());
    setEditing(false);
    setTried(false);
  });
  const fieldAria = (field: 'name' | 'phone' | 'email') => ({
    'aria-invalid': problems()[field] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(problems()[field] && id(`${field}-error`)),
  });

  return (
    <div class="contact-check" data-testid={testId('contact-check')}>
      <Show when={shown()} fallback={<p class="muted">{t('callscreen:contact.none')}</p>}>
        {(c) => (
          <p class="contact-check__who">
            <span class="strong">{c().name}</span> · {t(`role.${c().role}`)}
            <Show when={c().phone}> · {c().phone}</Show>
            <Show when={c().email}> · {c().email}</Show>
          </p>
        )}
      </Show>
      <p class="contact-check__status" aria-live="polite">
        <Show when={check()}>{(c) => <span class="badge badge--ok">{t(`callscreen:contact.status.${c().status}`)}</span>}</Show>
      </p>
      <div class="actions">
        <button
          type="button"
          class="btn"
          data-testid={testId('contact-confirm')}
          aria-pressed={check()?.status === 'confirmed'}
          disabled={!props.view.can({ type: 'CONFIRM_CONTACT' })}
          onClick={() => props.view.send({ type: 'CONFIRM_CONTACT' })}
        >
          {t('callscreen:contact.confirm')}
        </button>
        <button
          type="button"
          class="btn btn--ghost"
          aria-expanded={editing()}
          aria-controls={id('form')}
          disabled={props.view.readOnly()}
          onClick={() => {
            setDraft(start());
            setEditing(!editing());
          }}
        >
          {t('callscreen:contact.correct')}
        </button>
      </div>
      <Show when={editing()}>
        <form id={id('form')} class="contact-form" novalidate onSubmit={save}>
          <div class="field-row">
            <div class="field">
              <label for={id('name')}>{t('call:fields.contactName')}</label>
              <input id={id('name')} class="input" required value={draft().name} {...fieldAria('name')} onInput={(e) => setDraft({ ...draft(), name: e.currentTarget.value })} />
              <FieldError id={id('name-error')} text={problems().name} />
            </div>
            <div class="field">
              <label for={id('role')}>{t('call:fields.contactRole')}</label>
              <select id={id('role')} class="input" value={draft().role} onChange={(e) => setDraft({ ...draft(), role: e.currentTarget.value as ContactRole })}>
                <For each={CONTACT_ROLES}>{(role) => <option value={role}>{t(`role.${role}`)}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for={id('phone')}>{t('call:fields.contactPhone')}</label>
              <input id={id('phone')} class="input" type="tel" value={draft().phone} {...fieldAria('phone')} onInput={(e) => setDraft({ ...draft(), phone: e.currentTarget.value })} />
              <FieldError id={id('phone-error')} text={problems().phone} />
            </div>
            <div class="field">
              <label for={id('email')}>{t('call:fields.contactEmail')}</label>
              <input id={id('email')} class="input" type="email" value={draft().email} {...fieldAria('email')} onInput={(e) => setDraft({ ...draft(), email: e.currentTarget.value })} />
              <FieldError id={id('email-error')} text={problems().email} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="btn btn--primary" data-testid={testId('contact-save')} disabled={props.view.readOnly()}>
              {t('callscreen:contact.saveCorrection')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
