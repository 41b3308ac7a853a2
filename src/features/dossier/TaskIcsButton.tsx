import type { JSX } from 'solid-js';
import type { Task } from '../../domain/entities';
import { formatDate } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { downloadText } from '../../ui/download';
import { taskIcs, taskIcsFileName } from './task-ics';

/** Downloads one follow-up as an .ics calendar entry, named for the task and the debtor. */
export function TaskIcsButton(props: { task: Task; debtorName?: string }): JSX.Element {
  const summary = () => [t(`taskKind.${props.task.kind}`), props.debtorName].filter(Boolean).join(' — ');
  const download = () =>
    downloadText(
      taskIcsFileName(props.task),
      taskIcs(props.task, { summary: summary(), ...(props.task.note ? { description: props.task.note } : {}) }, new Date().toISOString()),
      'text/calendar',
    );
  return (
    <button
      type="button"
      class="btn btn--small"
      data-testid="task-ics"
      aria-label={t('letters:ics.label', { task: summary(), date: formatDate(props.task.dueDate, locale()) })}
      onClick={download}
    >
      {t('letters:ics.button')}
    </button>
  );
}
