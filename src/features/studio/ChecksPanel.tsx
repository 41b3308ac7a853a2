import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { ScriptIssue } from '../../scripts/studio/checks';
import { checkMessage } from '../../scripts/studio/messages';
import { focusTarget } from '../../scripts/studio/paths';

/**
 * Every problem of the draft, errors first; each one is a button that brings its field into view and focuses
 * it (`reveal` switches to the section that holds it first).
 */
export function ChecksPanel(props: { issues: ScriptIssue[]; reveal: (path: string) => void }): JSX.Element {
  const errors = () => props.issues.filter((i) => i.severity === 'error');
  const warnings = () => props.issues.filter((i) => i.severity === 'warning');
  const go = (path: string) => {
    props.reveal(path);
    // After the section renders: the field exists only once its step is on screen.
    requestAnimationFrame(() => {
      const id = focusTarget(path, (candidate) => document.getElementById(candidate) !== null);
      const el = id ? document.getElementById(id) : null;
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    });
  };
  const item = (issue: ScriptIssue) => {
    const m = checkMessage(issue);
    return (
      <li class={`check check--${issue.severity}`}>
        <button type="button" class="check__go" onClick={() => go(issue.path)}>
          <span class="sr-only">{t(`studio:checks.severity_${issue.severity}`)} : </span>
          {t(m.key, m.values)}
        </button>
      </li>
    );
  };
  return (
    <section class="card studio-checks" aria-labelledby="checks-head" data-testid="studio-checks">
      <h2 id="checks-head">{t('studio:checks.title')}</h2>
      <p role="status" class={errors().length ? 'notice notice--error' : 'notice notice--ok'}>
        {errors().length ? t('studio:checks.errors', { count: errors().length }) : t('studio:checks.clean')}
        {warnings().length ? ` ${t('studio:checks.warnings', { count: warnings().length })}` : ''}
      </p>
      <Show when={errors().length}>
        <ul class="checks" aria-label={t('studio:checks.errorList')}>
          <For each={errors()}>{item}</For>
        </ul>
      </Show>
      <Show when={warnings().length}>
        <ul class="checks" aria-label={t('studio:checks.warningList')}>
          <For each={warnings()}>{item}</For>
        </ul>
      </Show>
    </section>
  );
}
