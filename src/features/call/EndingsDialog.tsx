import { createEffect, createSignal, For, Match, on, Show, Switch, type JSX } from 'solid-js';
import type { CallBack } from '../../domain/call/context';
import { callBackProblems } from '../../domain/call/rules';
import { CONTACT_ROLES, type ContactRole } from '../../domain/entities';
import { horizonEnd } from '../../domain/input/bounds';
import { isPhoneNumber } from '../../domain/input/contact-format';
import { locale } from '../../ui/locale';
import { submitOnce } from '../../ui/submit-once';
import { dateRangeValues } from './date-range';
import { describedBy, FieldError } from './FieldError';
import type { CallEvent } from '../../machines/call.types';
import { t } from '../../i18n';
import type { CallView } from './use-call-session';
import { typedValue } from '../../ui/typed-value';

export const ENDING_CHOICES = ['no_answer', 'voicemail', 'wrong_number', 'wrong_person', 'refusal', 'cut_off', 'call_back_requested'] as const;
export type EndingChoice = (typeof ENDING_CHOICES)[number];

/** Representative events: whether the machine offers an ending at this point of the call. */
function probe(choice: EndingChoice, today: string): CallEvent {
  const callBack = { date: today };
  switch (choice) {
    case 'no_answer':
      return { type: 'END_NO_ANSWER' };
    case 'voicemail':
      return { type: 'END_VOICEMAIL', messageLeft: true };
    case 'wrong_number':
      return { type: 'END_WRONG_NUMBER' };
    case 'wrong_person':
      return { type: 'WRONG_PERSON', contact: { name: '-', role: 'other', phone: '' }, callBack };
    case 'refusal':
      return { type: 'REFUSE' };
    case 'cut_off':
      return { type: 'CUT_OFF' };
    case 'call_back_requested':
      return { type: 'REQUEST_CALL_BACK', callBack };
  }
}

/** The call-back's date and time; the date from today to a year ahead, said in the app's words when it is not. */
export function CallBackFields(props: { prefix: string; value: CallBack; onChange: (v: CallBack) => void; today: string }): JSX.Element {
  const problem = () => callBackProblems(props.value, props.today)[0];
  const errorId = `${props.prefix}-date-error`;
  return (
    <div class="field-row">
      <div class="field">
        <label for={`${props.prefix}-date`}>{t('call:fields.callBackDate')}</label>
        <input
          id={`${props.prefix}-date`}
          class="input input--date"
          type="date"
          required
          min={props.today}
          max={horizonEnd(props.today)}
          ref={(el) => typedValue(el, () => props.value.date)}
          aria-invalid={problem() ? 'true' : undefined}
          aria-describedby={describedBy(problem() && errorId)}
          onInput={(e) => props.onChange({ ...props.value, date: e.currentTarget.value })}
        />
        <FieldError id={errorId} text={problem() ? t(`call:callBackProblems.${problem()}`, dateRangeValues(props.today, locale())) : null} />
      </div>
      <div class="field">
        <label for={`${props.prefix}-time`}>
          {t('call:fields.callBackTime')} <span class="muted">{t('callscreen:form.optional')}</span>
        </label>
        <input
          id={`${props.prefix}-time`}
          class="input"
          type="time"
          value={props.value.time ?? ''}
          onInput={(e) => props.onChange(e.currentTarget.value ? { ...props.value, time: e.currentTarget.value } : { date: props.value.date })}
        />
      </div>
    </div>
  );
}

/**
 * The other ways a call ends (no answer, voicemail, wrong number, wrong person, refusal, cut off, call-back
 * requested), each with its small form, in a modal dialog. Only the endings the call allows now are offered.
 */
export function EndingsDialog(props: { view: CallView; open: boolean; initial: EndingChoice | null; onClose: () => void }): JSX.Element {
  let dialog!: HTMLDialogElement;
  let opener: HTMLElement | null = null;
  // Asked only while open: closed, it would re-run seven guards on every note keystroke for nothing.
  const available = () => (props.open ? ENDING_CHOICES.filter((c) => props.view.can(probe(c, props.view.today()))) : []);
  const [choice, setChoice] = createSignal<EndingChoice | null>(null);
  const [messageLeft, setMessageLeft] = createSignal(true);
  const [person, setPerson] = createSignal({ name: '', role: 'accountant' as ContactRole, phone: '' });
  const [callBack, setCallBack] = createSignal<CallBack>({ date: '' });
  const [detail, setDetail] = createSignal('');

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (open) {
          opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setChoice(props.initial && available().includes(props.initial) ? props.initial : (available()[0] ?? null));
          setCallBack({ date: props.view.today() });
          if (typeof dialog.showModal === 'function') dialog.showModal();
          else dialog.setAttribute('open', '');
          dialog.querySelector<HTMLInputElement>('input[name="ending"]:checked')?.focus();
        } else {
          if (typeof dialog.close === 'function' && dialog.open) dialog.close();
          else dialog.removeAttribute('open');
          opener?.focus();
          opener = null;
        }
      },
      { defer: true },
    ),
  );

  const event = (): CallEvent | null => {
    switch (choice()) {
      case null:
        return null;
      case 'voicemail':
        return { type: 'END_VOICEMAIL', messageLeft: messageLeft() };
      case 'wrong_person':
        return { type: 'WRONG_PERSON', contact: person(), callBack: callBack() };
      case 'refusal':
        return { type: 'REFUSE', detail: detail() };
      case 'call_back_requested':
        return { type: 'REQUEST_CALL_BACK', callBack: callBack() };
      default:
        return probe(choice()!, props.view.today());
    }
  };
  const ready = () => {
    const e = event();
    return e !== null && props.view.can(e);
  };
  const phoneWrong = () => person().phone.trim() !== '' && !isPhoneNumber(person().phone);
  const confirm = submitOnce(() => {
    const ending = event();
    if (!ending || !props.view.can(ending)) return;
    props.view.send(ending);
    props.onClose();
  });

  return (
    <dialog
      ref={dialog}
      class="dialog dialog--wide"
      aria-labelledby="endings-title"
      data-testid="endings-dialog"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <form novalidate onSubmit={confirm}>
        <h2 id="endings-title">{t('callscreen:endings.title')}</h2>
        <fieldset class="field field--group">
          <legend class="field__label">{t('callscreen:endings.legend')}</legend>
          <div class="choices">
            <For each={available()}>
              {(c) => (
                <label class="choice">
                  <input type="radio" name="ending" value={c} checked={choice() === c} onChange={() => setChoice(c)} />
                  <span>{t(`callscreen:endings.choice.${c}`)}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <Switch>
          <Match when={choice() === 'voicemail'}>
            <label class="choice">
              <input type="checkbox" checked={messageLeft()} onChange={(e) => setMessageLeft(e.currentTarget.checked)} />
              <span>{t('call:fields.messageLeft')}</span>
            </label>
          </Match>
          <Match when={choice() === 'wrong_person'}>
            <p class="muted small">{t('callscreen:endings.wrongPersonHint')}</p>
            <div class="field-row">
              <div class="field">
                <label for="wp-name">{t('call:fields.contactName')}</label>
                <input id="wp-name" class="input" required value={person().name} onInput={(e) => setPerson({ ...person(), name: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for="wp-role">{t('call:fields.contactRole')}</label>
                <select id="wp-role" class="input" value={person().role} onChange={(e) => setPerson({ ...person(), role: e.currentTarget.value as ContactRole })}>
                  <For each={CONTACT_ROLES}>{(role) => <option value={role}>{t(`role.${role}`)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="wp-phone">{t('call:fields.contactPhone')}</label>
                <input
                  id="wp-phone"
                  class="input"
                  type="tel"
                  value={person().phone}
                  aria-invalid={phoneWrong() ? 'true' : undefined}
                  aria-describedby={describedBy(phoneWrong() && 'wp-phone-error')}
                  onInput={(e) => setPerson({ ...person(), phone: e.currentTarget.value })}
                />
                <FieldError id="wp-phone-error" text={phoneWrong() ? t('callscreen:form.phoneInvalid') : null} />
              </div>
            </div>
            <CallBackFields prefix="wp-callback" value={callBack()} onChange={setCallBack} today={props.view.today()} />
          </Match>
          <Match when={choice() === 'call_back_requested'}>
            <CallBackFields prefix="cb" value={callBack()} onChange={setCallBack} today={props.view.today()} />
          </Match>
          <Match when={choice() === 'refusal'}>
            <div class="field">
              <label for="refusal-detail">{t('call:fields.refusalDetail')}</label>
              <textarea id="refusal-detail" class="input" rows="2" value={detail()} onInput={(e) => setDetail(e.currentTarget.value)} />
            </div>
          </Match>
          <Match when={choice() === 'cut_off'}>
            <p class="muted small">{t('callscreen:endings.cutOffHint')}</p>
          </Match>
        </Switch>
        <Show when={available().length === 0}>
          <p class="muted">{t('callscreen:endings.none')}</p>
        </Show>
        <div class="actions actions--end">
          <button type="button" class="btn" onClick={() => props.onClose()}>
            {t('callscreen:endings.cancel')}
          </button>
          <button type="submit" class="btn btn--danger" data-testid="ending-confirm" disabled={!ready()}>
            {t('callscreen:endings.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
