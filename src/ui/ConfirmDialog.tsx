import { createUniqueId, type JSX } from 'solid-js';
import { useModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  confirmTestId?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside) and Escape cancels. Focus starts on Cancel, the safe choice, and returns to the opener on close.
 */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  let dialog!: HTMLDialogElement;
  let cancel!: HTMLButtonElement;
  const ids = { title: createUniqueId(), body: createUniqueId() };
  useModalDialog(() => props.open, () => dialog, () => cancel.focus());

  const onCancelEvent = (event: Event) => {
    event.preventDefault();
    if (!props.busy) props.onCancel();
  };

  return (
    <dialog
      ref={dialog}
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onCancel={onCancelEvent}
    >
      <h2 id={ids.title}>{props.title}</h2>
      <p id={ids.body}>{props.body}</p>
      <div class="actions actions--end">
        <button ref={cancel} type="button" class="btn" aria-disabled={props.busy} onClick={() => props.busy || props.onCancel()}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          class="btn btn--danger"
          data-testid={props.confirmTestId}
          aria-disabled={props.busy}
          onClick={() => props.busy || props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
