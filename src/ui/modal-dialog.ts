/**
 * A native <dialog> driven by a boolean: showModal() when it turns true (the rest of the page goes inert,
 * focus moves inside), close() when it turns false, and focus back to whatever opened it. Not deferred: a
 * dialog whose condition is already true when it mounts opens at once (the team's first-connection question
 * is often decided before Settings → Team renders; deferred, it stayed shut and the sync waited forever).
 * Initially false, the close branch does nothing.
 */
import { createEffect, on } from 'solid-js';

export function useModalDialog(open: () => boolean, dialog: () => HTMLDialogElement, onOpen: () => void): void {
  let opener: HTMLElement | null = null;
  createEffect(
    on(
      open,
      (isOpen) => {
        const el = dialog();
        if (isOpen) {
          opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          if (typeof el.showModal === 'function') el.showModal();
          else el.setAttribute('open', '');
          onOpen();
        } else {
          if (typeof el.close === 'function' && el.open) el.close();
          else el.removeAttribute('open');
          opener?.focus();
          opener = null;
        }
      },
    ),
  );
}
