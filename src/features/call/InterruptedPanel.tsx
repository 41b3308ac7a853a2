import { createSignal, type JSX } from 'solid-js';
import type { CallBack } from '../../domain/call/context';
import { t } from '../../i18n';
import type { CallView } from './use-call-session';

/** The line dropped: call back now and resume at the same step, or book a call-back and close the call. */
export function InterruptedPanel(props: { view: CallView; headingRef: (el: HTMLHeadingElement) => void }): JSX.Element {
  const [callBack, setCallBack] = createSignal<CallBack>({ date: props.view.today() });
  const reschedule = () => ({ type: 'RESCHEDULE' as const, callBack: callBack() });
  return (
    <section class="call-step card" aria-labelledby="interrupted-title" data-testid="call-interrupted">
      <h2 id="interrupted-title" tabindex="-1" ref={props.headingRef}>
        {t('callscreen:interrupted.title')}
      </h2>
      <p>{t('callscreen:interrupted.body', { step: t(`call:steps.${props.view.step()}`) })}</p>
      <div class="actions">
        <button type="button" class="btn btn--primary btn--lg" data-testid="call-resume" disabled={!props.view.can({ type: 'RESUME' })} onClick={() => props.view.send({ type: 'RESUME' })}>
          {t('callscreen:interrupted.resume')}
        </button>
      </div>
      <form
        class="interrupted__reschedule"
        onSubmit={(e) => {
          e.preventDefault();
          if (props.view.can(reschedule())) props.view.send(reschedule());
        }}
      >
        <h3>{t('callscreen:interrupted.rescheduleTitle')}</h3>
        <div class="field-row">
          <div class="field">
            <label for="reschedule-date">{t('call:fields.callBackDate')}</label>
            <input
              id="reschedule-date"
              class="input input--date"
              type="date"
              required
              min={props.view.today()}
              value={callBack().date}
              onInput={(e) => setCallBack({ ...callBack(), date: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="reschedule-time">
              {t('call:fields.callBackTime')} <span class="muted">{t('callscreen:form.optional')}</span>
            </label>
            <input
              id="reschedule-time"
              class="input"
              type="time"
              value={callBack().time ?? ''}
              onInput={(e) => setCallBack(e.currentTarget.value ? { ...callBack(), time: e.currentTarget.value } : { date: callBack().date })}
            />
          </div>
        </div>
        <button type="submit" class="btn" disabled={!props.view.can(reschedule())}>
          {t('callscreen:interrupted.reschedule')}
        </button>
      </form>
    </section>
  );
}
