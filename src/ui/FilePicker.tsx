import { createSignal, type JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * A file input whose button and "no file" line are in the interface's language. The browser's own control
 * prints them in the browser's language ("Choose File", "No file chosen" in a French screen on an English
 * Chromium). The native input stays in the page, focusable and labelled, only painted over: the keyboard
 * (Tab, then Space or Enter), screen readers and drag-and-drop work as before, and its focus ring is drawn
 * on the visible button (:focus-within).
 */
export function FilePicker(props: {
  id: string;
  label: string;
  accept?: string;
  testId: string;
  disabled?: boolean;
  /** The chosen file's name when the page keeps it across a rebuild of the picker (the import wizard). */
  fileName?: string;
  onFile: (file: File | undefined) => void;
  ref?: (el: HTMLInputElement) => void;
}): JSX.Element {
  const [name, setName] = createSignal('');
  return (
    <div class="file-picker">
      <label for={props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      <div class="file-picker__row">
        <input
          ref={props.ref}
          id={props.id}
          type="file"
          class="file-picker__input"
          accept={props.accept}
          data-testid={props.testId}
          disabled={props.disabled}
          aria-labelledby={`${props.id}-label`}
          aria-describedby={`${props.id}-name`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setName(file?.name ?? '');
            props.onFile(file);
          }}
        />
        <span class="btn file-picker__button" aria-hidden="true">
          {t('common:file.choose')}
        </span>
        <span class="file-picker__name" id={`${props.id}-name`}>
          {props.fileName || name() || t('common:file.none')}
        </span>
      </div>
    </div>
  );
}
