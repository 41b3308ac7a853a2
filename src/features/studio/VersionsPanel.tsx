import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import type { ScriptVersionRecord } from '../../scripts/library';
import type { CallScript } from '../../scripts/schema';
import { diffScripts } from '../../scripts/studio/diff';
import { locale } from '../../ui/locale';
import { DiffView } from './DiffView';

const DRAFT = 'draft';

/**
 * The script's history: each published version with its author, date and note; any two (or a version and the
 * draft) compared field by field; an old version restored as the next draft.
 */
export function VersionsPanel(props: {
  versions: ScriptVersionRecord[];
  draft: CallScript | null;
  canRestore: boolean;
  onRestore: (version: number) => void;
}): JSX.Element {
  const options = () => [...props.versions.map((v) => String(v.version)), ...(props.draft ? [DRAFT] : [])];
  const [left, setLeft] = createSignal<string>('');
  const [right, setRight] = createSignal<string>('');
  const pick = (which: string, fallbackIndex: number) => which || options()[Math.max(0, options().length + fallbackIndex)] || '';
  const scriptOf = (key: string): CallScript | undefined => (key === DRAFT ? props.draft ?? undefined : props.versions.find((v) => String(v.version) === key)?.script);
  const label = (key: string) => (key === DRAFT ? t('studio:versions.draft') : t('studio:versions.v', { version: key }));
  const changes = createMemo(() => {
    const a = scriptOf(pick(left(), -2));
    const b = scriptOf(pick(right(), -1));
    return a && b ? diffScripts(a, b) : [];
  });
  return (
    <section class="card" aria-labelledby="versions-head">
      <h2 id="versions-head">{t('studio:versions.title')}</h2>
      <Show when={props.versions.length > 0} fallback={<p class="muted">{t('studio:versions.none')}</p>}>
        <ol class="versions" reversed>
          <For each={[...props.versions].reverse()}>
            {(v) => (
              <li class="version">
                <p>
                  <strong>{t('studio:versions.v', { version: v.version })}</strong> — {t('studio:versions.by', { author: v.author || '—', date: formatDateTime(v.publishedAt, locale()) })}
                  <Show when={v.restoredFrom}>{(from) => <span class="muted"> · {t('studio:versions.restoredFrom', { version: from() })}</span>}</Show>
                </p>
                <Show when={v.note}>
                  <p class="version__note">{v.note}</p>
                </Show>
                <Show when={props.canRestore}>
                  <button type="button" class="btn btn--ghost" onClick={() => props.onRestore(v.version)} data-testid={`studio-restore-${v.version}`}>
                    {t('studio:versions.restore', { version: v.version })}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={options().length >= 2}>
        <h3>{t('studio:versions.compare')}</h3>
        <div class="studio-compare">
          <div class="field">
            <label for="diff-left">{t('studio:versions.left')}</label>
            <select id="diff-left" class="input" value={pick(left(), -2)} onChange={(e) => setLeft(e.currentTarget.value)} data-testid="studio-diff-left">
              <For each={options()}>{(o) => <option value={o}>{label(o)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="diff-right">{t('studio:versions.right')}</label>
            <select id="diff-right" class="input" value={pick(right(), -1)} onChange={(e) => setRight(e.currentTarget.value)} data-testid="studio-diff-right">
              <For each={options()}>{(o) => <option value={o}>{label(o)}</option>}</For>
            </select>
          </div>
        </div>
        <DiffView changes={changes()} before={label(pick(left(), -2))} after={label(pick(right(), -1))} />
      </Show>
    </section>
  );
}
