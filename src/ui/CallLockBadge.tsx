import { Show, type JSX } from 'solid-js';

/**
 * "On a call with Sam": another agent of the team holds this debtor's call lock. Plain text in a badge, so
 * it reads in a worklist row's accessible name as in the dossier's header. The caller words it (common
 * `callLock.onCall`), which keeps this shared chunk free of i18n.
 */
export function CallLockBadge(props: { label: string | undefined }): JSX.Element {
  return (
    <Show when={props.label}>
      <span class="badge badge--on-call" data-testid="call-lock-badge">
        {props.label}
      </span>
    </Show>
  );
}
