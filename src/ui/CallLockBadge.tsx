import { Show, type JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * "On a call with Sam": another agent of the team holds this debtor's call lock. Plain text in a badge, so
 * it reads in a worklist row's accessible name as in the dossier's header.
 */
export function CallLockBadge(props: { holder: string | undefined }): JSX.Element {
  return (
    <Show when={props.holder}>
      {(name) => (
        <span class="badge badge--on-call" data-testid="call-lock-badge">
          {t('callLock.onCall', { name: name() })}
        </span>
      )}
    </Show>
  );
}
