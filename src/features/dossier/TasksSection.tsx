import { For, Show, type JSX } from 'solid-js';
import type { Task } from '../../domain/entities';
import { formatDate } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { TaskIcsButton } from './TaskIcsButton';

/** Follow-ups still to do; those due today or earlier are marked, they are why the debtor tops the worklist. */
export function TasksSection(props: { tasks: Task[]; today: string; debtorName?: string }): JSX.Element {
  return (
    <section class="card" data-testid="tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('dossier:tasks.title')}</h2>
      <Show when={props.tasks.length > 0} fallback={<p class="muted">{t('dossier:tasks.none')}</p>}>
        <ul class="tasks">
          <For each={props.tasks}>
            {(task) => (
              <li class="task">
                <p class="task__line">
                  <span class="strong">{t(`taskKind.${task.kind}`)}</span>
                  <span>
                    {formatDate(task.dueDate, locale())}
                    {task.dueTime ? ` ${task.dueTime}` : ''}
                  </span>
                  <Show when={task.dueDate <= props.today}>
                    <span class="badge badge--task">{t('dossier:tasks.due')}</span>
                  </Show>
                  <TaskIcsButton task={task} {...(props.debtorName ? { debtorName: props.debtorName } : {})} />
                </p>
                <Show when={task.note}>
                  <p class="muted">{task.note}</p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
