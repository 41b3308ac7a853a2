import { createSignal, For, Show, type JSX } from 'solid-js';
import { SEGMENTS, type Segment } from '../../domain/entities';
import { t } from '../../i18n';
import { assignmentProblems, type ScriptAssignment, type ScriptRecord, type StudioSettings } from '../../scripts/library';
import { SCRIPT_LOCALES } from '../../scripts/schema';
import type { ScriptLibrary } from '../../storage/script-library-api';
import { libraryErrorMessage as storageErrorMessage } from './library-error';

type Cell = { locale: ScriptAssignment['locale']; segment: Segment | null };
const cellKey = (c: Cell) => `${c.locale}/${c.segment ?? '*'}`;

/**
 * Which published script serves which language × debtor segment. A language with any rule needs its default;
 * an empty table means the built-in scripts serve every call.
 */
export function AssignmentsPanel(props: { library: ScriptLibrary; studio: StudioSettings; scripts: ScriptRecord[]; lead: boolean; saved: () => void }): JSX.Element {
  const [table, setTable] = createSignal(new Map(props.studio.assignments.map((a) => [cellKey(a), a.scriptId])));
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const published = (locale: string) => props.scripts.filter((s) => s.locale === locale && s.status === 'published');
  const assignments = (): ScriptAssignment[] =>
    [...table()].filter(([, id]) => id).map(([key, scriptId]) => {
      const [locale, segment] = key.split('/') as [ScriptAssignment['locale'], string];
      return { locale, segment: segment === '*' ? null : (segment as Segment), scriptId };
    });
  const problems = () => assignmentProblems(assignments(), props.scripts);
  const save = async () => {
    setMessage('');
    setError('');
    if (problems().length > 0) return;
    try {
      await props.library.putStudioSettings({ ...props.studio, assignments: assignments() });
      setMessage(t('studio:assign.saved'));
      props.saved();
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };
  const cells = (locale: ScriptAssignment['locale']): Cell[] => [{ locale, segment: null }, ...SEGMENTS.map((segment) => ({ locale, segment }))];
  return (
    <section class="card" aria-labelledby="assign-head">
      <h2 id="assign-head">{t('studio:assign.title')}</h2>
      <p class="muted">{t('studio:assign.intro')}</p>
      <For each={SCRIPT_LOCALES}>
        {(locale) => (
          <fieldset class="studio-assign">
            <legend>{t(`studio:locales.${locale}`)}</legend>
            <For each={cells(locale)}>
              {(cell) => {
                const id = `assign-${locale}-${cell.segment ?? 'default'}`;
                return (
                  <div class="field">
                    <label for={id}>{cell.segment ? t(`studio:segments.${cell.segment}`) : t('studio:assign.default')}</label>
                    <select
                      id={id}
                      class="input"
                      disabled={!props.lead}
                      value={table().get(cellKey(cell)) ?? ''}
                      onChange={(e) => {
                        const next = new Map(table());
                        next.set(cellKey(cell), e.currentTarget.value);
                        setTable(next);
                      }}
                    >
                      <option value="">{cell.segment ? t('studio:assign.useDefault') : t('studio:assign.builtin')}</option>
                      <For each={published(locale)}>{(s) => <option value={s.id}>{t('studio:assign.option', { name: s.name, version: s.currentVersion })}</option>}</For>
                    </select>
                  </div>
                );
              }}
            </For>
          </fieldset>
        )}
      </For>
      <Show when={problems().length > 0}>
        <ul class="field__error" data-testid="studio-assign-problems">
          <For each={problems()}>{(p) => <li>{t(`studio:assign.problems.${p.problem}`, { locale: t(`studio:locales.${p.locale}`) })}</li>}</For>
        </ul>
      </Show>
      <Show when={props.lead}>
        <div class="actions">
          <button type="button" class="btn btn--primary" disabled={problems().length > 0} onClick={() => void save()} data-testid="studio-assign-save">
            {t('studio:assign.save')}
          </button>
        </div>
      </Show>
      <p role="status">{message()}</p>
      <p class="field__error" role="alert">
        {error()}
      </p>
    </section>
  );
}
