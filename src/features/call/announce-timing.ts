/**
 * How long the agent stays on a step before the live region names it. Keys pressed in a run then announce only
 * the step they stop at, not a queue of steps already left (the focused heading is read first anyway); and the
 * announcement's text is laid out in a frame of its own, away from the step's frame and from the next key.
 */
export const STEP_ANNOUNCED_AFTER_MS = 300;
