/**
 * The call screen's keyboard shortcuts, chosen not to collide with typing or with the browser:
 * Ctrl+Enter (⌘+Enter) and Alt+→ next, Alt+← back, Alt+N notes, Alt+P promise, Alt+O objections, Alt+X end.
 * Alt+letters that Chrome or Firefox bind to menus (E, F, D, H…) are avoided; Alt+← / Alt+→ are browser
 * back/forward on Windows and Linux, so the call screen takes them (leaving mid-call by accident is worse),
 * but on a Mac, where Option+arrows jump words inside a field, it leaves them to the field.
 */
export type CallCommand = 'next' | 'back' | 'notes' | 'promise' | 'objections' | 'end';

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const LETTERS: Record<string, CallCommand> = { KeyN: 'notes', KeyP: 'promise', KeyO: 'objections', KeyX: 'end' };

export function commandFor(event: KeyLike, context: { inTextField: boolean; mac: boolean }): CallCommand | null {
  const { altKey, ctrlKey, metaKey, shiftKey } = event;
  if (event.key === 'Enter' && !altKey && !shiftKey && (ctrlKey || metaKey)) return 'next';
  if (!altKey || ctrlKey || metaKey || shiftKey) return null;
  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    if (context.inTextField && context.mac) return null;
    return event.key === 'ArrowRight' ? 'next' : 'back';
  }
  // `code`, not `key`: on a Mac, Option+N types "˜" and the key says so; the physical key does not change.
  return LETTERS[event.code] ?? null;
}

/**
 * Read from the markup only: `isContentEditable` brings the page's style up to date first, which on a step
 * key restyled the page once for what was pending and once more for the step (a trace at 4× CPU: 8 ms on the
 * first key of a call).
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  const editable = target.closest('[contenteditable]')?.getAttribute('contenteditable');
  return editable !== undefined && editable !== null && editable !== 'false';
}

let mac: boolean | undefined;
/** Read once: every key of the call screen asks (the first test of the pattern cost ~0.7 ms at 1× in a trace). */
export const isMac = (): boolean => (mac ??= typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent));
