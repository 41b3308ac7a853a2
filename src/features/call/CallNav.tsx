import { For, Show, type JSX } from 'solid-js';
import type { StepBlocker } from '../../domain/call/rules';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { dateRangeValues } from './date-range';
import type { CaptureField } from '../../scripts/schema';

export function blockerText(blocker: StepBlocker, fields: CaptureField[], today: string): string {
  switch (blocker.code) {
    case 'required_field':
      return t('call:blockers.required_field', { field: fields.find((f) => f.id === blocker.fieldId)?.label ?? blocker.fieldId });
    case 'promise_invalid':
      return [t('call:blockers.promise_invalid'), ...blocker.problems.map((p) => t(`call:promiseProblems.${p}`, dateRangeValues(today, locale())))].join(' ');
    default:
      return t(`call:blockers.${blocker.code}`);
  }
}

/**
 * Back and Next (Finish at the last step) within thumb reach, with why Next is refused beside it. Next stays
 * focusable when refused (aria-disabled), so pressing it says what is missing instead of doing nothing.
 */
export function CallNav(props: {
  blockers: StepBlocker[];
  fields: CaptureField[];
  /** The call's today: promise problems quote the allowed range. */
  today: string;
  last: boolean;
  canBack: boolean;
  /** Another tab writes this call: nothing here moves it. */
  readOnly: boolean;
  notesOpen: boolean;
  onBack: () => void;
  onNext: () => void;
  onNotes: () => void;
  ref?: (el: HTMLDivElement) => void;
}): JSX.Element {
  const blocked = () => props.blockers.length > 0;
  return (
    <div class="call-nav" data-testid="call-nav" ref={(el) => props.ref?.(el)}>
      <Show when={blocked()}>
        <ul id="call-blockers" class="call-nav__blockers" data-testid="call-blockers">
          <For each={props.blockers}>{(b) => <li>{blockerText(b, props.fields, props.today)}</li>}</For>
        </ul>
      </Show>
      <div class="call-nav__buttons">
        <button type="button" class="btn btn--lg call-nav__back" data-testid="call-back" aria-keyshortcuts="Alt+ArrowLeft" disabled={!props.canBack} onClick={() => props.onBack()}>
          <span aria-hidden="true">←</span> {t('callscreen:nav.back')}
        </button>
        <button
          type="button"
          class="btn btn--lg call-nav__notes"
          data-testid="call-notes-toggle"
          aria-expanded={props.notesOpen}
          aria-controls="call-notes-panel"
          aria-keyshortcuts="Alt+N"
          onClick={() => props.onNotes()}
        >
          {t('callscreen:notes.label')}
        </button>
        <button
          type="button"
          class="btn btn--primary btn--lg call-nav__next"
          data-testid="call-next"
          aria-keyshortcuts="Control+Enter Alt+ArrowRight"
          disabled={props.readOnly}
          aria-disabled={blocked()}
          aria-describedby={blocked() ? 'call-blockers' : undefined}
          onClick={() => props.onNext()}
        >
          {props.last ? t('callscreen:nav.finish') : t('callscreen:nav.next')} <span aria-hidden="true">→</span>
        </button>
      </div>
    </div>
  );
}
