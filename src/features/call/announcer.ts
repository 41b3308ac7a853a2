import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { STEP_ANNOUNCED_AFTER_MS } from './announce-timing';

export type Announcer = {
  /** The live region's text. */
  message: Accessor<string>;
  /** Said now: it replaces a step's name not yet said (a refusal's reasons are never overwritten by it). */
  say: (text: string) => void;
  /**
   * Said once the agent has stayed on the step for STEP_ANNOUNCED_AFTER_MS; a later `say` or step cancels it.
   * `text` is read then, in the language and step of that moment.
   */
  sayOnceStayed: (text: () => string) => void;
};

/**
 * The call screen's live region. A step's name waits until the agent stays on it: keys pressed in a run name
 * only the step they stop at, and the text changes in a frame of its own, away from the step's frame (a text
 * changed right after that frame made Chromium draw one more, which a key pressed just after it waited
 * behind). What the agent must hear at once (why Next was refused) is said at once.
 */
export function createAnnouncer(): Announcer {
  const [message, setMessage] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  onCleanup(cancel);
  return {
    message,
    say: (text) => {
      cancel();
      setMessage(text);
    },
    sayOnceStayed: (text) => {
      cancel();
      timer = setTimeout(() => setMessage(text()), STEP_ANNOUNCED_AFTER_MS);
    },
  };
}
