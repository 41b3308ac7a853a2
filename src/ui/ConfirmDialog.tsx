import { createEffect, on, type JSX } from 'solid-js';

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
  let opener: HTMLElement | null = null;

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (open) {
          opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          if (typeof dialog.showModal === 'function') dialog.showModal();
          else dialog.setAttribute('open', '');
          cancel.focus();
        } else {
          if (typeof dialog.close === 'function' && dialog.open) dialog.close();
          else dialog.removeAttribute('open');
          opener?.focus();
          opener = null;
        }
      },
      { defer: true },
    ),
  );

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
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={onCancelEvent}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div class="actions actions--end">
        <button ref={cancel} type="button" class="btn" disabled={props.busy} onClick={() => props.onCancel()}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          class="btn btn--danger"
          data-testid={props.confirmTestId}
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
