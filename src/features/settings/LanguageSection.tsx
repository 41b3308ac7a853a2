import { createSignal, For, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { lang, LANGS, t, type Lang } from '../../i18n';
import { storageErrorMessage } from '../../ui/storage-error';

/** Applies at once and is saved, so the next start is in the same language. */
export function LanguageSection(): JSX.Element {
  const services = useServices();
  const [failure, setFailure] = createSignal('');
  const change = async (next: Lang) => {
    try {
      await services.saveSettings({ ...services.settings(), language: next });
      setFailure('');
    } catch (error) {
      setFailure(storageErrorMessage(error));
    }
  };
  return (
    <section class="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('settings:language.title')}</h2>
      <div class="field">
        <label for="language-select">{t('settings:language.label')}</label>
        <select
          id="language-select"
          class="input"
          data-testid="language-select"
          value={lang()}
          onChange={(e) => void change(e.currentTarget.value as Lang)}
        >
          <For each={LANGS}>
            {(code) => (
              <option value={code} lang={code}>
                {t(`settings:language.names.${code}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <p class="field__error" role="alert">
        {failure()}
      </p>
    </section>
  );
}
