/**
 * A follow-up task as a calendar file (RFC 5545 through domain/export/ics.ts): a timed call-back becomes a
 * 15-minute event with a reminder 10 minutes before; a day-only task an all-day event. VEVENT rather than
 * VTODO because the common calendar apps (Google, Outlook on the web) ignore tasks in imported files.
 */
import type { Task } from '../../domain/entities';
import { writeIcs } from '../../domain/export/ics';

export interface TaskIcsText {
  /** e.g. "Rappeler — Boulangerie Dupont". */
  summary: string;
  description?: string;
}

export const TASK_ALARM_MINUTES = 10;

export function taskIcs(task: Task, text: TaskIcsText, stamp: string): string {
  return writeIcs({
    component: 'VEVENT',
    // Stable per task: exporting it again updates the calendar entry instead of duplicating it.
    uid: `${task.id}@cadence.app`,
    stamp,
    summary: text.summary,
    ...(text.description ? { description: text.description } : {}),
    date: task.dueDate,
    ...(task.dueTime ? { time: task.dueTime, alarmMinutesBefore: TASK_ALARM_MINUTES } : {}),
  });
}

export function taskIcsFileName(task: Task): string {
  return `suivi-${task.dueDate}-${task.id.replace(/[^\w-]+/g, '-')}.ics`;
}
