/**
 * The team screens' sentences built from typed values: an error of the team client, the status line, a lost
 * edit. Here rather than in a screen so Settings → Team and the join page word them the same way. Reads the
 * `team` namespace, which the routes that show these load with their code.
 */
import { formatHhMm, toWallTime } from '../domain/calendar/zonedTime';
import { formatMoney } from '../domain/format';
import { i18n, t } from '../i18n';
import type { TeamAuthError } from '../sync/http-auth';
import type { LostEdit } from '../sync/protocol';
import type { ConnectionState, TeamSyncStatus } from './team-session';

/** HH:MM in Europe/Paris, the team's clock. */
export const clockTime = (iso: string): string => formatHhMm(toWallTime(iso).minutes);

export function teamErrorText(error: TeamAuthError, origin = typeof location === 'undefined' ? '' : location.origin): string {
  switch (error.kind) {
    case 'rate_limited':
      return error.retryAfterSeconds
        ? t('team:error.rate_limited_for', { count: Math.ceil(error.retryAfterSeconds / 60) })
        : t('team:error.rate_limited');
    case 'origin_refused':
      return t('team:error.origin_refused', { origin });
    case 'locked':
      return error.lock ? t('team:error.locked_by', { name: error.lock.displayName }) : t('team:error.locked');
    case 'invalid_request':
      return error.fields.includes('password') ? t('team:error.password_short', { count: 12 }) : t('team:error.invalid_request');
    case 'server_error':
      return t('team:error.server_error', { status: error.status });
    default:
      return t(`team:error.${error.kind}`);
  }
}

export type StatusTone = 'ok' | 'busy' | 'warn' | 'error' | 'neutral';

/** The one status line of Settings → Team: the sync engine's when it runs, else what the server said. */
export function statusLine(connected: boolean, connection: ConnectionState, sync: TeamSyncStatus | null): { text: string; tone: StatusTone } {
  if (!connected) return { text: t('team:status.alone'), tone: 'neutral' };
  if (connection.kind === 'sessionEnded') return { text: t('team:error.unauthenticated'), tone: 'warn' };
  const last = (at: string | null) => (at ? ` ${t('team:status.lastSync', { time: clockTime(at) })}` : '');
  if (sync) {
    switch (sync.kind) {
      case 'syncing':
        return { text: t('team:status.syncing', { count: sync.pending }), tone: 'busy' };
      case 'offline':
        return { text: t('team:status.offline') + last(sync.lastSync), tone: 'warn' };
      case 'error':
        // The engine's reason codes (src/sync/client/engine.ts SyncErrorReason) in words.
        return { text: t('team:status.error', { reason: t(`team:syncError.${sync.reason}`, { defaultValue: sync.reason }) }) + last(sync.lastSync), tone: 'error' };
      case 'idle':
        return { text: t('team:status.online') + last(sync.lastSync), tone: 'ok' };
    }
  }
  switch (connection.kind) {
    case 'checking':
      return { text: t('team:status.checking'), tone: 'busy' };
    case 'online':
      return { text: `${t('team:status.online')} ${t('team:status.checkedAt', { time: clockTime(connection.checkedAt) })}`, tone: 'ok' };
    case 'unreachable':
      return { text: connection.error.kind === 'unreachable' ? t('team:status.offline') : teamErrorText(connection.error), tone: connection.error.kind === 'unreachable' ? 'warn' : 'error' };
    default:
      return { text: t('team:status.alone'), tone: 'neutral' };
  }
}

/** Fields whose values are codes or cents: shown as the words or the amount the agent knows, not the raw value. */
function valueText(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === '') return t('team:lost.empty');
  if (typeof value === 'boolean') return t(value ? 'team:lost.yes' : 'team:lost.no');
  if (typeof value === 'number' && field?.endsWith('Cents')) return formatMoney(value, i18n.language);
  if (typeof value === 'string' && field === 'role' && i18n.exists(`role.${value}`)) return t(`role.${value}`);
  if (typeof value === 'string') return t('team:lost.quoted', { value });
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The field's name in the agent's language ("phone number", « téléphone »); the raw key only for a field this version does not know. */
export function lostFieldLabel(field: string): string {
  return i18n.exists(`team:field.${field}`) ? t(`team:field.${field}`) : field;
}

/**
 * "Your edit of the phone number (contact), “01…”, was replaced by “06…”, entered by Camille." Names the field, the
 * value that was lost, the value kept and, when the server said so, the teammate whose change was kept.
 */
export function lostEditText(edit: LostEdit): string {
  const values = {
    field: lostFieldLabel(edit.field),
    kind: t(`team:kind.${edit.kind}`),
    lost: valueText(edit.lost, edit.field),
    kept: valueText(edit.kept, edit.field),
  };
  return edit.keptBy ? t('team:lost.itemBy', { ...values, name: edit.keptBy }) : t('team:lost.item', values);
}
