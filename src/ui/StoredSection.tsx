import { createResource, Show, type Accessor, type JSX } from 'solid-js';
import { t } from '../i18n';
import { storageErrorMessage } from './storage-error';

/**
 * A Settings card whose form edits one stored record: its title and intro, the record read once, a translated
 * storage error if the read fails, then the form with what was read.
 */
export function StoredSection<T>(props: {
  id: string;
  testId: string;
  class?: string;
  title: string;
  intro: string;
  read: () => Promise<T>;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}): JSX.Element {
  const [stored] = createResource(() => props.read());
  return (
    <section class={props.class ?? 'card'} aria-labelledby={props.id} data-testid={props.testId}>
      <h2 id={props.id}>{props.title}</h2>
      <p class="field__hint">{props.intro}</p>
      <Show when={stored.state === 'errored'}>
        <p class="field__error" role="alert">
          {storageErrorMessage(stored.error)}
        </p>
      </Show>
      <Show
        when={stored.state === 'ready' && stored()}
        fallback={
          <Show when={stored.loading}>
            <p role="status">{t('loading')}</p>
          </Show>
        }
      >
        {(value) => props.children(value as Accessor<NonNullable<T>>)}
      </Show>
    </section>
  );
}
