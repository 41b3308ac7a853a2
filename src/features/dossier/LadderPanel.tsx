import { A } from '@solidjs/router';
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { DebtorBundle } from '../../domain/bundle';
import { LETTER_KINDS } from '../../domain/drafts/letterTypes';
import { formatDate } from '../../domain/format';
import type { LadderRung } from '../../domain/ladder/ladder';
import { t } from '../../i18n';
import { startCallHref } from '../../ui/call-links';
import { locale } from '../../ui/locale';
import { dossierRung } from '../../domain/ladder/dossier-rung';

/** Where each rung's action leads: a call, a letter, or the hand-over file. */
function actionHref(debtorId: string, rung: LadderRung): string {
  const base = `/debtors/${encodeURIComponent(debtorId)}`;
  if (rung === 'pre_due_call' || rung === 'call') return startCallHref(debtorId);
  if (rung === 'agency_handover') return `${base}/handover`;
  return `${base}/letters/${rung}`;
}

/** The reminder ladder (seed 004): the next rung with its date and invoices, and the document it needs. */
export function LadderPanel(props: { bundle: DebtorBundle; today: string }): JSX.Element {
  const step = createMemo(() => dossierRung(props.bundle, props.today));
  const numbers = () => {
    const ids = step()?.invoiceIds ?? [];
    return props.bundle.invoices.filter((i) => ids.includes(i.id)).map((i) => i.number);
  };
  const id = () => props.bundle.debtor.id;
  return (
    <section class="card after-card" aria-labelledby="ladder-title" data-testid="ladder">
      <h2 id="ladder-title">{t('letters:ladder.title')}</h2>
      <Show when={step()} fallback={<p class="muted" data-testid="ladder-none">{t('letters:ladder.none')}</p>}>
        {(s) => (
          <>
            <p class="ladder-rung" data-testid="ladder-rung" data-rung={s().rung}>
              <span class="strong">{t(`drafts:rungs.${s().rung}`)}</span>
              <Show when={s().dueOn < props.today} fallback={<span>{t('letters:ladder.dueOn', { date: formatDate(s().dueOn, locale()) })}</span>}>
                <span class="badge badge--warning">{t('letters:ladder.lateSince', { date: formatDate(s().dueOn, locale()) })}</span>
              </Show>
            </p>
            <Show when={s().held}>
              <p class="muted">{t('letters:ladder.held')}</p>
            </Show>
            <Show when={s().after}>
              {(after) => <p class="muted">{t('letters:ladder.after', { rung: t(`drafts:rungs.${after().rung}`), date: formatDate(after().on, locale()) })}</p>}
            </Show>
            <Show when={numbers().length > 0}>
              <p class="muted">{t('letters:ladder.invoices', { count: numbers().length, list: numbers().join(', ') })}</p>
            </Show>
            <div class="actions actions--tight">
              <A href={actionHref(id(), s().rung)} class="btn btn--primary" data-testid="ladder-action">
                {t(`letters:ladder.action.${s().rung}`)}
              </A>
            </div>
          </>
        )}
      </Show>
      <details class="ladder-docs">
        <summary>{t('letters:ladder.documents')}</summary>
        <ul class="plain-list">
          <For each={LETTER_KINDS}>
            {(kind) => (
              <li>
                <A href={`/debtors/${encodeURIComponent(id())}/letters/${kind}`} data-testid={`letter-link-${kind}`}>
                  {t(`letters:kind.${kind}`)}
                </A>
              </li>
            )}
          </For>
          <li>
            <A href={`/debtors/${encodeURIComponent(id())}/handover`} data-testid="handover-link">
              {t('letters:handover.title')}
            </A>
          </li>
        </ul>
      </details>
    </section>
  );
}
