import { createSignal, For, Show, type JSX } from 'solid-js';
import type { DebtorBundle } from '../../domain/bundle';
import { formatDateTime } from '../../domain/format';
import { HISTORY_SEGMENTS, type HistorySegment } from '../../domain/segmentation/history-segment';
import { t } from '../../i18n';
import { useServices } from '../../session/store-context';
import { useCanLead } from '../../session/team-context';
import { HISTORY_BADGE } from '../../ui/history-badge';
import { locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';
import { submitOnce } from '../../ui/submit-once';
import { historySegmentView, roundedDaysLate } from './history-segment-view';

/**
 * The debtor's payment history over 12 months: the segment that applies, the reasons in words, and who
 * replaced the computed segment, when and why. A team lead gets the form to replace it; an agent reads it
 * (the form is not there, and the store refuses the change for any role but lead).
 */
export function HistorySegmentSection(props: { bundle: DebtorBundle; today: string; onChanged: () => void }): JSX.Element {
  const services = useServices();
  const view = () => historySegmentView(props.bundle, props.today);
  const override = () => props.bundle.debtor.segmentOverride;
  // On a team the role comes from the server, not from this device's settings.
  const lead = useCanLead();
  const [segment, setSegment] = createSignal<HistorySegment>(override()?.segment ?? view().computed);
  const [reason, setReason] = createSignal(override()?.reason ?? '');
  const [reasonError, setReasonError] = createSignal(false);
  const [status, setStatus] = createSignal<{ kind: 'saved' | 'removed' | 'failed'; text: string }>();
  let reasonInput: HTMLTextAreaElement | undefined;
  let statusLine: HTMLParagraphElement | undefined;

  const change = async (next: HistorySegment | null) => {
    const { agentName: name } = services.settings();
    const role = lead() ? 'lead' : services.settings().role;
    try {
      await services.store.setSegmentOverride(props.bundle.debtor.id, { segment: next, reason: reason(), by: { name, role }, at: new Date().toISOString() });
      setStatus(next === null ? { kind: 'removed', text: t('dossier:history.override.removed') } : { kind: 'saved', text: t('dossier:history.override.saved') });
      if (next === null) {
        setReason('');
        setSegment(view().computed);
        // "Back to the computed segment" disappears with the override: the focus goes to the line saying so.
        statusLine?.focus();
      }
      props.onChanged();
    } catch (error) {
      setStatus({ kind: 'failed', text: storageErrorMessage(error) });
    }
  };
  const save = submitOnce(async (event: SubmitEvent) => {
    event.preventDefault();
    if (reason().trim() === '') {
      setReasonError(true);
      reasonInput?.focus();
      return;
    }
    setReasonError(false);
    await change(segment());
  });

  return (
    <section class="card history-segment" data-testid="history-segment" aria-labelledby="history-title">
      <h2 id="history-title">{t('dossier:history.title')}</h2>
      <p class="history-segment__now">
        <span class={`badge ${HISTORY_BADGE[view().effective]}`} data-testid="history-segment-badge" data-segment={view().effective}>
          {t(`historySegment.${view().effective}`)}
        </span>
        <span class="muted">
          {override()
            ? t('dossier:history.overriddenFrom', { segment: t(`historySegment.${view().computed}`) })
            : t('dossier:history.computed', { segment: t(`historySegment.${view().computed}`) })}
        </span>
      </p>
      <p data-testid="history-segment-reasons">
        {t('dossier:history.reasons', {
          late: t('dossier:history.late', { count: roundedDaysLate(view().facts) }),
          broken: t('dossier:history.broken', { count: view().facts.brokenPromises }),
          disputes: t('dossier:history.disputes', { count: view().facts.disputes }),
        })}
      </p>
      <Show when={override()}>
        {(o) => (
          <p class="history-segment__override" data-testid="history-segment-override">
            {t('dossier:history.override.by', { by: o().by, date: formatDateTime(o().at, locale()), reason: o().reason })}
          </p>
        )}
      </Show>
      <details class="history-segment__rule">
        <summary>{t('dossier:history.ruleTitle')}</summary>
        <p class="muted">{t('dossier:history.rule')}</p>
      </details>
      <Show when={lead()} fallback={<p class="muted">{t('dossier:history.override.agentNote')}</p>}>
        <form class="form history-segment__form" novalidate onSubmit={save} data-testid="history-override-form">
          <fieldset class="field">
            <legend>{t('dossier:history.override.legend')}</legend>
            <div class="field">
              <label for="history-override-segment">{t('dossier:history.override.segment')}</label>
              <select id="history-override-segment" class="input" value={segment()} onChange={(e) => setSegment(e.currentTarget.value as HistorySegment)}>
                <For each={HISTORY_SEGMENTS}>{(s) => <option value={s}>{t(`historySegment.${s}`)}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="history-override-reason">{t('dossier:history.override.reason')}</label>
              <textarea
                ref={reasonInput}
                id="history-override-reason"
                class="input"
                rows={2}
                maxLength={500}
                value={reason()}
                aria-invalid={reasonError() ? 'true' : undefined}
                aria-describedby={reasonError() ? 'history-override-reason-hint history-override-reason-error' : 'history-override-reason-hint'}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <p class="field__hint" id="history-override-reason-hint">
                {t('dossier:history.override.reasonHint')}
              </p>
              <p class="field__error" id="history-override-reason-error">
                {reasonError() ? t('dossier:history.override.reasonMissing') : ''}
              </p>
            </div>
          </fieldset>
          <div class="history-segment__actions">
            <button type="submit" class="btn btn--primary" data-testid="history-override-save">
              {t('dossier:history.override.save')}
            </button>
            <Show when={override()}>
              <button type="button" class="btn" data-testid="history-override-remove" onClick={() => void change(null)}>
                {t('dossier:history.override.remove')}
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <p ref={statusLine} tabindex="-1" class="form-status" role="status" data-testid="history-override-status" classList={{ 'form-status--error': status()?.kind === 'failed' }}>
        {status()?.text ?? ''}
      </p>
    </section>
  );
}
