import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { PACK_LIMITS, planPackImport, readPack, type PackPlan } from '../../scripts/pack';
import { packErrorMessage } from '../../scripts/studio/messages';
import type { ScriptLibrary } from '../../storage/script-library-api';
import { libraryErrorMessage as storageErrorMessage } from './library-error';
import { readChosenFile } from './pack-file';

/**
 * Importing a `.cadence-scripts.json` pack: the file is read and checked, what it would change is shown
 * (new script, new versions, conflicts kept as new versions), and only "Import" stores it, whole or not at all.
 */
export function PackImport(props: { library: ScriptLibrary; editorName: string; imported: () => void }): JSX.Element {
  const [plan, setPlan] = createSignal<PackPlan | null>(null);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  const choose = async (file: File | undefined) => {
    setPlan(null);
    setError('');
    setDone('');
    if (!file) return;
    const { text, bytes } = await readChosenFile(file, PACK_LIMITS.bytes);
    const read = await readPack(text, bytes);
    if (!read.ok) {
      const m = packErrorMessage(read, (nested) => t(nested.key, nested.values));
      setError(t(m.key, m.values));
      return;
    }
    const existing = new Map<string, Awaited<ReturnType<typeof snapshot>>>();
    const snapshot = async (id: string) => {
      const record = await props.library.getScript(id);
      return record ? { record, versions: await props.library.listVersions(id) } : undefined;
    };
    for (const s of read.pack.scripts) existing.set(s.id, await snapshot(s.id));
    setPlan(planPackImport(read.pack, (id) => existing.get(id), new Date(), props.editorName));
  };

  const apply = async () => {
    const p = plan();
    if (!p || busy()) return;
    setBusy(true);
    try {
      await props.library.applyPackPlan(p);
      setDone(t('studio:pack.imported', { count: p.entries.filter((e) => e.kind !== 'unchanged').length }));
      setPlan(null);
      input.value = '';
      props.imported();
    } catch (e) {
      setError(storageErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="pack-import-head">
      <h2 id="pack-import-head">{t('studio:pack.importTitle')}</h2>
      <div class="field">
        <label for="pack-file">{t('studio:pack.choose')}</label>
        <input ref={input} id="pack-file" type="file" accept=".json,application/json" class="input" data-testid="studio-pack-file" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </div>
      <p class="field__error" role="alert" data-testid="studio-pack-error">
        {error()}
      </p>
      <p role="status">{done()}</p>
      <Show when={plan()}>
        {(p) => (
          <>
            <h3>{t('studio:pack.preview')}</h3>
            <ul class="pack-plan" data-testid="studio-pack-plan">
              <For each={p().entries}>
                {(e) => (
                  <li>
                    <strong>{e.name}</strong> ({t(`studio:locales.${e.locale}`)}) — {t(`studio:pack.kinds.${e.kind}`)}
                    <ul>
                      <For each={e.versions}>
                        {(v) => <li>{t(`studio:pack.fates.${v.fate}`, { version: v.version, storedAs: v.storedAs })}</li>}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ul>
            <div class="actions">
              <button type="button" class="btn btn--primary" disabled={p().versions.length === 0} aria-disabled={busy()} onClick={() => void apply()} data-testid="studio-pack-apply">
                {t('studio:pack.apply')}
              </button>
              <button type="button" class="btn" onClick={() => setPlan(null)}>
                {t('studio:pack.cancel')}
              </button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
