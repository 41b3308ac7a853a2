import { createRenderEffect } from 'solid-js';

/**
 * Keeps a field showing its signal without fighting the keyboard. A plain `value={…}` binding writes the
 * value back on every keystroke, and Chromium resets a date field's segments on any write, even of the same
 * value: typing "04" for the day over an existing date then empties the whole field. Here the value is only
 * written when it differs from what the field holds and the field is not being typed in.
 */
export function typedValue(el: HTMLInputElement, value: () => string): void {
  createRenderEffect(() => {
    const next = value();
    if (el.value !== next && el.ownerDocument.activeElement !== el) el.value = next;
  });
}
