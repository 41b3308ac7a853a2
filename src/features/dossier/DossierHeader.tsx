import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { Debtor } from '../../domain/entities';
import { formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { useCallLocksWhileShown, useCallLockHolder } from '../../session/team-context';
import { CallLockBadge } from '../../ui/CallLockBadge';
import { startCallHref, type CallEntryState } from '../../ui/call-links';
import { locale } from '../../ui/locale';
import type { HistorySegment } from '../../domain/segmentation/history-segment';
import { HISTORY_BADGE } from '../../ui/history-badge';
import { DebtorKindField } from './DebtorKindField';
import { aboveBlockingThreshold, formatSiren, type DossierTotals } from './dossier-view';

export function DossierHeader(props: { debtor: Debtor; totals: DossierTotals; history: HistorySegment; onKindChanged: () => void }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  // Connected to a team: another agent on a call with this debtor shows beside the name.
  useCallLocksWhileShown();
  const onCallWith = useCallLockHolder();
  const address = () => {
    const a = props.debtor.address;
    return [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ');
  };
  return (
    <header class="dossier-head">
      <div class="dossier-head__id">
        <h1>{props.debtor.name}</h1>
        <p class="dossier-head__meta">
          <span class={`badge badge--segment badge--${props.debtor.segment}`}>{t(`segment.${props.debtor.segment}`)}</span>
          <a class={`badge ${HISTORY_BADGE[props.history]}`} href="#history-title" data-testid="dossier-history-badge">
            <span class="sr-only">{t('dossier:history.label')} </span>
            {t(`historySegment.${props.history}`)}
          </a>
          <Show when={props.debtor.siren}>
            <span>
              {t('dossier:siren')} <span class="mono">{formatSiren(props.debtor.siren)}</span>
            </span>
          </Show>
          <span>{address()}</span>
          <CallLockBadge label={onCallWith(props.debtor.id) && t('callLock.onCall', { name: onCallWith(props.debtor.id) })} />
        </p>
      </div>
      <A
        href={startCallHref(props.debtor.id)}
        state={{ fromDossier: `/debtors/${encodeURIComponent(props.debtor.id)}` } satisfies CallEntryState}
        class="btn btn--primary btn--lg start-call"
        data-testid="start-call"
      >
        {t('dossier:startCall')}
      </A>
      <dl class="totals">
        <div class="total total--overdue">
          <dt>{t('dossier:totals.overdue')}</dt>
          <dd>{money(props.totals.overdueCents)}</dd>
        </div>
        <div class="total">
          <dt>{t('dossier:totals.notYetDue')}</dt>
          <dd>{money(props.totals.notYetDueCents)}</dd>
        </div>
        <div class="total">
          <dt>{t('dossier:totals.disputed')}</dt>
          <dd>{money(props.totals.disputedCents)}</dd>
        </div>
      </dl>
      <Show when={aboveBlockingThreshold(props.debtor, props.totals)}>
        <p class="notice notice--warning" data-testid="blocking-warning">
          {t('dossier:blocking', {
            outstanding: money(props.totals.outstandingCents),
            threshold: money(props.debtor.blockingThresholdCents),
          })}
        </p>
      </Show>
      <DebtorKindField debtor={props.debtor} onChanged={props.onKindChanged} />
      <Show when={props.debtor.notes.trim() !== ''}>
        <p class="dossier-notes">
          <span class="dossier-notes__label">{t('dossier:notes')}</span> {props.debtor.notes}
        </p>
      </Show>
    </header>
  );
}
