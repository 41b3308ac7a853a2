import { Show, type JSX } from 'solid-js';

/**
 * The app's own message under a field (the browser's built-in bubbles are in the browser's language and
 * vanish): shown while `text` is non-empty, referenced by the field's aria-describedby through `id`.
 */
export function FieldError(props: { id: string; text: string | null | undefined }): JSX.Element {
  return (
    <Show when={props.text}>
      <p id={props.id} class="field__error" data-testid={props.id}>
        {props.text}
      </p>
    </Show>
  );
}

/** `aria-describedby` for a field with an optional error: only the ids that exist. */
export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;
