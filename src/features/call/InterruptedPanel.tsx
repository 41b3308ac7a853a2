import { createSignal, type JSX } from 'solid-js';
import type { CallBack } from '../../domain/call/context';
import { t } from '../../i18n';
import { submitOnce } from '../../ui/submit-once';
import { CallBackFields } from './EndingsDialog';
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
        novalidate
        onSubmit={submitOnce(() => {
          if (props.view.can(reschedule())) props.view.send(reschedule());
        })}
      >
        <h3>{t('callscreen:interrupted.rescheduleTitle')}</h3>
        <CallBackFields prefix="reschedule" value={callBack()} onChange={setCallBack} today={props.view.today()} />
        <button type="submit" class="btn" disabled={!props.view.can(reschedule())}>
          {t('callscreen:interrupted.reschedule')}
        </button>
      </form>
    </section>
  );
}
