/**
 * What frames the guided call: the header (who is called, with which script version, the timer, the save
 * status and the way to end) and the line of keyboard shortcuts under the screen.
 */
import { Show, type JSX } from 'solid-js';
import type { DebtorBundle } from '../../domain/bundle';
import type { Contact } from '../../domain/entities';
import { telHref } from '../../domain/export/links';
import { t } from '../../i18n';
import { CallTimer, SaveStatus } from './CallStatus';
import type { CallView } from './use-call-session';

export function CallHead(props: {
  view: CallView;
  bundle: DebtorBundle;
  script: { name: string; version: number };
  contact: Contact | undefined;
  onEnd: () => void;
}): JSX.Element {
  return (
    <header class="call-head">
      <div class="call-head__id">
        <h1>{t('callscreen:title', { name: props.bundle.debtor.name })}</h1>
        <Show when={props.contact}>
          {(c) => (
            <p class="call-head__who muted">
              {c().name} · {t(`role.${c().role}`)}
              <Show when={c().phone}>
                {' '}
                · <Show when={telHref(c().phone)} fallback={c().phone}>{(href) => <a href={href()}>{c().phone}</a>}</Show>
              </Show>
            </p>
          )}
        </Show>
        <p class="call-head__script muted" data-testid="call-script-version">
          {t('callscreen:scriptUsed', { name: props.script.name, version: props.script.version })}
        </p>
      </div>
      <div class="call-head__status">
        <CallTimer startedAt={props.view.snapshot().context.startedAt} running={props.view.phase() !== 'ended'} now={Date.now} />
        <SaveStatus save={props.view.save()} />
        <Show when={props.view.phase() !== 'ended'}>
          <button type="button" class="btn btn--end" data-testid="call-end" aria-keyshortcuts="Alt+X" disabled={props.view.readOnly()} onClick={() => props.onEnd()}>
            {t('callscreen:endings.open')}
          </button>
        </Show>
      </div>
    </header>
  );
}

/** The call's shortcuts, as `shortcuts.ts` reads them. */
export function ShortcutsLine(): JSX.Element {
  return (
    <p class="shortcuts muted small" data-testid="call-shortcuts">
      <span class="shortcuts__title">{t('callscreen:shortcuts.title')}</span> <kbd class="kbd">Ctrl+↵</kbd> / <kbd class="kbd">Alt+→</kbd>{' '}
      {t('callscreen:shortcuts.next')} · <kbd class="kbd">Alt+←</kbd> {t('callscreen:shortcuts.back')} · <kbd class="kbd">Alt+N</kbd>{' '}
      {t('callscreen:shortcuts.notes')} · <kbd class="kbd">Alt+P</kbd> {t('callscreen:shortcuts.promise')} · <kbd class="kbd">Alt+O</kbd>{' '}
      {t('callscreen:shortcuts.objections')} · <kbd class="kbd">Alt+X</kbd> {t('callscreen:shortcuts.end')}
    </p>
  );
}
