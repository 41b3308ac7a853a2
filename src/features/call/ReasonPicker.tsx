import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { DELAY_REASONS, reasonNeedsDetail, type DelayReasonCode } from '../../domain/call/reasons';
import { t } from '../../i18n';
import type { CallView } from './use-call-session';

/**
 * Step 5: why the payment is late, from the taxonomy plus the agent's words. A choice is recorded at once;
 * "other" waits for its words (the machine refuses it bare) and says so.
 */
export function ReasonPicker(props: { view: CallView }): JSX.Element {
  const [code, setCode] = createSignal<DelayReasonCode | null>(props.view.reason()?.code ?? null);
  const [detail, setDetail] = createSignal(props.view.reason()?.detail ?? '');
  // A reason picked from the objection library shows here too.
  createEffect(on(() => props.view.reason()?.code, (recorded) => recorded && setCode(recorded), { defer: true }));
  const record = () => {
    const chosen = code();
    if (!chosen) return;
    const event = { type: 'SET_REASON' as const, code: chosen, detail: detail() };
    if (props.view.can(event)) props.view.send(event);
  };
  const needsDetail = () => {
    const chosen = code();
    return chosen !== null && reasonNeedsDetail(chosen) && detail().trim() === '';
  };
  return (
    <div class="reason" data-testid="reason-picker">
      <fieldset class="field field--group">
        <legend class="field__label">
          {t('call:fields.reasonCode')} <span class="field__required">{t('callscreen:form.required')}</span>
        </legend>
        <div class="choices choices--grid">
          <For each={DELAY_REASONS}>
            {(reason) => (
              <label class="choice">
                <input
                  type="radio"
                  name="delay-reason"
                  value={reason}
                  checked={code() === reason}
                  onChange={() => {
                    setCode(reason);
                    record();
                  }}
                />
                <span>{t(`call:reasons.${reason}`)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <div class="field">
        <label for="reason-detail" class="field__label">
          {t('call:fields.reasonDetail')}
        </label>
        <textarea
          id="reason-detail"
          class="input"
          rows="2"
          value={detail()}
          data-testid="reason-detail"
          aria-invalid={needsDetail()}
          aria-describedby={needsDetail() ? 'reason-detail-about reason-detail-hint' : 'reason-detail-about'}
          onInput={(e) => {
            setDetail(e.currentTarget.value);
            record();
          }}
        />
        <p id="reason-detail-about" class="field__hint">
          {t('callscreen:reason.detailHint')}
        </p>
        <Show when={needsDetail()}>
          <p id="reason-detail-hint" class="field__error">
            {t('callscreen:reason.otherNeedsDetail')}
          </p>
        </Show>
      </div>
    </div>
  );
}
