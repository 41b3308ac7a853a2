import { Show, type JSX } from 'solid-js';
import { toWallTime } from '../../domain/calendar/zonedTime';
import { formatMoney } from '../../domain/format';
import type { WorklistRow } from '../../domain/worklist';
import { i18n, lang, t } from '../../i18n';
import { HISTORY_BADGE } from '../../ui/history-badge';
import { useCallLockHolder } from '../../session/team-context';
import { CallLockBadge } from '../../ui/CallLockBadge';
import { locale } from '../../ui/locale';
import { formatShortDate } from '../../ui/short-date';

const onCallLabel = (name: string | undefined) => (name ? t('callLock.onCall', { name }) : undefined);

const rowTexts = new Map<string, string>();
/**
 * `t` for the words that change from row to row (segment, days late, kinds of action), kept per language.
 * A search re-renders every row in view on each keystroke, and a 4× trace of one showed i18next resolving and
 * interpolating the same few dozen labels again each time as a large share of that work.
 */
function rowT(key: string, count?: number): string {
  const cacheKey = `${lang()}|${key}|${count ?? ''}`;
  let text = rowTexts.get(cacheKey);
  if (text === undefined) {
    text = count === undefined ? t(key) : t(key, { count });
    rowTexts.set(cacheKey, text);
  }
  return text;
}

function lastActionText(last: NonNullable<WorklistRow['lastAction']>, today: string): string {
  const parts = [rowT(`activity.${last.type}`)];
  if (last.outcome && i18n.exists(`outcome.${last.outcome}`)) parts.push(rowT(`outcome.${last.outcome}`));
  parts.push(formatShortDate(toWallTime(last.at).date, today, locale()));
  return parts.join(' · ');
}

function nextActionText(row: WorklistRow, today: string): string {
  const task = row.nextTask;
  // Without a planned follow-up, the next step of the collection ladder for an overdue account is a call.
  if (!task) return rowT('worklist:next.call');
  const when = task.dueDate === today ? rowT('worklist:today') : formatShortDate(task.dueDate, today, locale());
  return `${rowT(`taskKind.${task.kind}`)} · ${when}`;
}

/**
 * Creates the Intl formatters the rows use (money, short dates with and without the year, the time zone),
 * each costing milliseconds the first time. Called while the worklist loads, so painting the first rows does
 * not pay for them.
 */
export function warmRowFormatters(today: string): void {
  const loc = locale();
  formatMoney(0, loc);
  formatShortDate(today, today, loc);
  formatShortDate(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, today, loc);
  toWallTime(Date.now());
}

/** One debtor of the worklist: a link to the dossier, laid out as a card on phones and a grid row on laptops. */
export function WorklistRowView(props: { row: WorklistRow; today: string }): JSX.Element {
  const taskDue = () => props.row.nextTask !== undefined && props.row.nextTask.dueDate <= props.today;
  const onCallWith = useCallLockHolder();
  return (
    <a
      class="wl-row"
      data-testid="worklist-row"
      data-tier={props.row.tier}
      href={`/debtors/${encodeURIComponent(props.row.debtorId)}`}
    >
      <span class="wl-company">
        <span class="wl-name">{props.row.name}</span>
        <span class="wl-meta">
          <span class="wl-segment wl-segment--wide">{rowT(`segment.${props.row.segment}`)}</span>
          <Show when={props.row.history}>
            {(h) => (
              <span class={`badge ${HISTORY_BADGE[h().segment]}`} data-testid="worklist-history" data-segment={h().segment}>
                <span class="sr-only">{t('worklist:label.history')} </span>
                {rowT(`historySegment.${h().segment}`)}
                <Show when={h().overridden}>
                  <span aria-hidden="true"> ✱</span>
                  <span class="sr-only"> ({t('worklist:badge.overridden')})</span>
                </Show>
              </span>
            )}
          </Show>
          <CallLockBadge label={onCallLabel(onCallWith(props.row.debtorId))} />
          <Show when={taskDue()}>
            <span class="badge badge--task">{t('worklist:badge.taskDue')}</span>
          </Show>
          <Show when={props.row.brokenPromises > 0}>
            <span class="badge badge--alert">{rowT('worklist:badge.brokenPromise', props.row.brokenPromises)}</span>
          </Show>
          <Show when={props.row.disputedCents > 0}>
            <span class="badge badge--dispute">{t('worklist:badge.dispute')}</span>
          </Show>
        </span>
      </span>
      <span class="wl-overdue">
        <span class="sr-only">{t('worklist:label.overdue')} </span>
        {formatMoney(props.row.overdueCents, locale())}
      </span>
      <span class="wl-late">
        {props.row.oldestDaysLate > 0
          ? rowT('worklist:daysLate', props.row.oldestDaysLate)
          : rowT('worklist:notLate')}
        {/* On a phone card the badges line has no room left for the market segment: it sits here instead. */}
        <span class="wl-segment wl-segment--card"> · {rowT(`segment.${props.row.segment}`)}</span>
      </span>
      <span class="wl-last">
        <span class="wl-label">{t('worklist:label.lastAction')} </span>
        {props.row.lastAction ? lastActionText(props.row.lastAction, props.today) : t('worklist:none')}
      </span>
      <span class="wl-next" classList={{ 'wl-next--due': taskDue() }}>
        <span class="wl-label">{t('worklist:label.nextAction')} </span>
        {nextActionText(props.row, props.today)}
      </span>
    </a>
  );
}
