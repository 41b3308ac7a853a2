import { createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import type { CaptureValue, ContactValue } from '../../domain/call/context';
import { CONTACT_ROLES, type ContactRole } from '../../domain/entities';
import { isPhoneNumber } from '../../domain/input/contact-format';
import type { StepId } from '../../domain/call/steps';
import { lang, t } from '../../i18n';
import type { CaptureField } from '../../scripts/schema';
import { centsToInput, readAmountCents } from '../../domain/money/parse';
import { describedBy, FieldError } from './FieldError';
import type { CallView } from './use-call-session';

interface FieldProps {
  view: CallView;
  stepId: StepId;
  field: CaptureField;
}

const fieldId = (stepId: StepId, id: string) => `capture-${stepId}-${id}`;

function Label(props: { for?: string; field: CaptureField }): JSX.Element {
  return (
    <label for={props.for} class="field__label">
      {props.field.label}
      <Show when={props.field.required}>
        <span class="field__required"> {t('callscreen:form.required')}</span>
      </Show>
    </label>
  );
}

function AmountField(props: FieldProps & { value: CaptureValue | undefined }): JSX.Element {
  const [text, setText] = createSignal(typeof props.value === 'number' ? centsToInput(props.value, lang()) : '');
  const parsed = () => readAmountCents(text(), lang());
  const id = fieldId(props.stepId, props.field.id);
  const onInput = (value: string) => {
    setText(value);
    const cents = readAmountCents(value, lang());
    // An unreadable amount clears the capture: the call never keeps a value the screen no longer shows.
    props.view.send({ type: 'CAPTURE', stepId: props.stepId, fieldId: props.field.id, value: cents === 'invalid' ? null : cents });
  };
  return (
    <div class="field">
      <Label for={id} field={props.field} />
      <input
        id={id}
        class="input input--amount"
        inputmode="decimal"
        autocomplete="off"
        value={text()}
        aria-invalid={parsed() === 'invalid'}
        aria-describedby={parsed() === 'invalid' ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <Show when={parsed() === 'invalid'}>
        <p id={`${id}-error`} class="field__error">
          {t('callscreen:form.amountInvalid')}
        </p>
      </Show>
    </div>
  );
}

function ContactField(props: FieldProps & { value: CaptureValue | undefined }): JSX.Element {
  const current = (): ContactValue => (typeof props.value === 'object' && props.value !== null ? props.value : { name: '' });
  const id = fieldId(props.stepId, props.field.id);
  // The phone as typed, kept here while it is not a phone number (the capture keeps the last valid one).
  const [phone, setPhone] = createSignal(current().phone ?? '');
  const phoneWrong = () => phone().trim() !== '' && !isPhoneNumber(phone());
  const update = (patch: Partial<ContactValue>) => {
    const next = { ...current(), ...patch };
    const empty = !next.name.trim() && !next.phone?.trim() && !next.role;
    props.view.send({ type: 'CAPTURE', stepId: props.stepId, fieldId: props.field.id, value: empty ? null : next });
  };
  const onPhone = (value: string) => {
    setPhone(value);
    update({ phone: value.trim() === '' || isPhoneNumber(value) ? value : '' });
  };
  return (
    <fieldset class="field field--group">
      <legend class="field__label">{props.field.label}</legend>
      <div class="field-row">
        <div class="field">
          <label for={`${id}-name`}>{t('call:fields.contactName')}</label>
          <input id={`${id}-name`} class="input" autocomplete="off" value={current().name} onInput={(e) => update({ name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${id}-role`}>{t('call:fields.contactRole')}</label>
          <select
            id={`${id}-role`}
            class="input"
            value={current().role ?? ''}
            onChange={(e) => update({ role: (e.currentTarget.value || undefined) as ContactRole | undefined })}
          >
            <option value="">{t('callscreen:form.unknown')}</option>
            <For each={CONTACT_ROLES}>{(role) => <option value={role}>{t(`role.${role}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-phone`}>{t('call:fields.contactPhone')}</label>
          <input
            id={`${id}-phone`}
            class="input"
            type="tel"
            autocomplete="off"
            value={phone()}
            aria-invalid={phoneWrong() ? 'true' : undefined}
            aria-describedby={describedBy(phoneWrong() && `${id}-phone-error`)}
            onInput={(e) => onPhone(e.currentTarget.value)}
          />
          <FieldError id={`${id}-phone-error`} text={phoneWrong() ? t('callscreen:form.phoneInvalid') : null} />
        </div>
      </div>
    </fieldset>
  );
}

function OneField(props: FieldProps): JSX.Element {
  const value = () => props.view.captures()[props.stepId]?.[props.field.id];
  const send = (v: CaptureValue | null) => props.view.send({ type: 'CAPTURE', stepId: props.stepId, fieldId: props.field.id, value: v });
  const id = fieldId(props.stepId, props.field.id);
  return (
    <Switch>
      <Match when={props.field.type === 'text'}>
        <div class="field">
          <Label for={id} field={props.field} />
          <textarea id={id} class="input" rows="2" value={String(value() ?? '')} onInput={(e) => send(e.currentTarget.value || null)} />
        </div>
      </Match>
      <Match when={props.field.type === 'date'}>
        <div class="field">
          <Label for={id} field={props.field} />
          <input id={id} class="input input--date" type="date" value={String(value() ?? '')} onInput={(e) => send(e.currentTarget.value || null)} />
        </div>
      </Match>
      <Match when={props.field.type === 'amount'}>
        <AmountField {...props} value={value()} />
      </Match>
      <Match when={props.field.type === 'contact'}>
        <ContactField {...props} value={value()} />
      </Match>
      <Match when={props.field.type === 'choice' && props.field}>
        {(field) => (
          <fieldset class="field field--group" role="radiogroup" aria-required={field().required}>
            <legend class="field__label">
              {field().label}
              <Show when={field().required}>
                <span class="field__required"> {t('callscreen:form.required')}</span>
              </Show>
            </legend>
            <div class="choices choices--inline">
              <For each={'options' in field() ? (field() as Extract<CaptureField, { type: 'choice' }>).options : []}>
                {(option) => (
                  <label class="choice">
                    <input type="radio" name={id} value={option.value} checked={value() === option.value} onChange={() => send(option.value)} />
                    <span>{option.label}</span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </Match>
    </Switch>
  );
}

/** The script's capture fields for one step; every keystroke is a CAPTURE, saved like the notes. */
export function CaptureFields(props: {
  view: CallView;
  stepId: StepId;
  fields: CaptureField[];
  /** False while the step is kept hidden in the page: its test id goes to the step shown only. */
  shown?: boolean;
}): JSX.Element {
  return (
    <Show when={props.fields.length > 0}>
      <div class="captures" data-testid={props.shown === false ? undefined : 'call-captures'}>
        <For each={props.fields}>{(field) => <OneField view={props.view} stepId={props.stepId} field={field} />}</For>
      </div>
    </Show>
  );
}
