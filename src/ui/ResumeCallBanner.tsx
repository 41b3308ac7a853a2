import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { formatDateTime } from '../domain/format';
import { t } from '../i18n';
import { callHref } from './call-links';
import { locale } from './locale';

/** One call left mid-way, as the banner shows it (session/resumable-calls.ts reads them). */
export interface ResumableCallLine {
  debtorId: string;
  updatedAt: string;
  name?: string | undefined;
}

/**
 * "Resume the call in progress": shown on a dossier or the worklist when a call was left mid-way. The page
 * passes how to read the calls (`load`, re-run when `scope` changes). Styled with the shared classes only,
 * since it shows on pages that do not load the call screen's stylesheet.
 */
export function ResumeCallBanner(props: { scope: string; load: (scope: string) => Promise<ResumableCallLine[]> }): JSX.Element {
  const [calls] = createResource(() => props.scope, (scope) => props.load(scope));
  return (
    <Show when={(calls() ?? []).length > 0}>
      <div class="notice notice--warning" role="region" aria-label={t('resumeCall.label')} data-testid="resume-call">
        <For each={calls()}>
          {(call) => (
            <>
              <p class="strong">
                {call.name
                  ? t('resumeCall.bodyFor', { name: call.name, at: formatDateTime(call.updatedAt, locale()) })
                  : t('resumeCall.body', { at: formatDateTime(call.updatedAt, locale()) })}
              </p>
              <A class="btn btn--primary" href={callHref(call.debtorId)} data-testid="resume-call-link">
                {t('resumeCall.action')}
              </A>
            </>
          )}
        </For>
      </div>
    </Show>
  );
}
