import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { callHeadline } from '../../domain/call/headline';
import type { Activity, Invoice } from '../../domain/entities';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format';
import { i18n, t } from '../../i18n';
import { locale } from '../../ui/locale';

function reasonOf(activity: Activity): string | undefined {
  // Imported and demo activities store the reason code as a string; calls store { code, detail }.
  const raw = activity.details?.['reason'];
  const code = typeof raw === 'string' ? raw : (raw as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !i18n.exists(`reason.${code}`)) return undefined;
  const detail = typeof raw === 'object' ? (raw as { detail?: unknown }).detail : undefined;
  return typeof detail === 'string' && detail.trim() ? `${t(`reason.${code}`)} (${detail.trim()})` : t(`reason.${code}`);
}

/** "promesse 1 234,56 € le 12/12/2026 (virement)": what a call led to, in the interface's language. */
function callWhat(activity: Activity, invoices: readonly Invoice[]): string {
  const h = callHeadline(activity.details, activity.outcome);
  const money = (cents: number) => formatMoney(cents, locale());
  switch (h.kind) {
    case 'promise':
      return t('dossier:timeline.call.promise', { amount: money(h.amountCents), date: formatDate(h.date, locale()), means: t(`dossier:promises.means.${h.means}`).toLocaleLowerCase() });
    case 'plan':
      return t('dossier:timeline.call.plan', { count: h.instalments, total: money(h.totalCents) });
    case 'dispute': {
      const numbers = h.invoiceIds.map((id) => invoices.find((i) => i.id === id)?.number ?? id).join(', ');
      return h.why ? t('dossier:timeline.call.disputeWhy', { invoices: numbers, why: h.why }) : t('dossier:timeline.call.dispute', { invoices: numbers });
    }
    case 'no_commitment':
      return t('dossier:timeline.call.none', { why: h.why });
    case 'ending':
      if (h.ending && i18n.exists(`dossier:timeline.call.ending.${h.ending}`)) return t(`dossier:timeline.call.ending.${h.ending}`);
      return h.ending && i18n.exists(`outcome.${h.ending}`) ? t(`outcome.${h.ending}`) : '';
  }
}

/** Ends of a call where nobody who could commit was on the line: nothing to recap. */
const UNREACHED = new Set(['no_answer', 'voicemail', 'wrong_number', 'wrong_person']);

/** The dossier's history, newest first: what the next call rests on. */
export function TimelineSection(props: { activities: Activity[]; invoices?: readonly Invoice[] }): JSX.Element {
  // Newest first: the first call is the last one, whose commitments the recap email confirms (if someone answered).
  const lastCallId = () => {
    const call = props.activities.find((a) => a.type === 'call');
    return call && !UNREACHED.has(call.outcome ?? '') ? call.id : undefined;
  };
  return (
    <section class="card" data-testid="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('dossier:timeline.title')}</h2>
      <Show when={props.activities.length > 0} fallback={<p class="muted">{t('dossier:timeline.none')}</p>}>
        <ol class="timeline">
          <For each={props.activities}>
            {(activity) => (
              <li class={`timeline__item timeline__item--${activity.type}`}>
                <p class="timeline__head">
                  <Show when={activity.type === 'call' && callWhat(activity, props.invoices ?? [])} fallback={<span class="timeline__type">{t(`activity.${activity.type}`)}</span>}>
                    {(what) => (
                      <span class="timeline__type" data-testid="timeline-call">
                        {t('dossier:timeline.call.line', { type: t('activity.call'), what: what() })}
                      </span>
                    )}
                  </Show>
                  <Show when={activity.type !== 'call' && activity.outcome && i18n.exists(`outcome.${activity.outcome}`)}>
                    <span class="badge badge--neutral">{t(`outcome.${activity.outcome}`)}</span>
                  </Show>
                  <time class="muted" datetime={activity.at}>
                    {formatDateTime(activity.at, locale())}
                  </time>
                </p>
                <p class="timeline__summary">{activity.summary}</p>
                <p class="muted timeline__meta">
                  <Show when={reasonOf(activity)}>
                    {(reason) => <>{t('dossier:timeline.reason', { reason: reason() })} · </>}
                  </Show>
                  {activity.agent}
                </p>
                <Show when={activity.id === lastCallId()}>
                  <A
                    href={`/debtors/${encodeURIComponent(activity.debtorId)}/recap?call=${encodeURIComponent(activity.id)}`}
                    class="btn btn--small timeline__recap"
                    data-testid="timeline-recap"
                  >
                    {t('recap:write')}
                  </A>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
