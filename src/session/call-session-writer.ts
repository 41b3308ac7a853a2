/**
 * The call's save queue. Every transition hands it the latest envelope; it writes one at a time and, while a
 * write is in flight, keeps only the newest value (a burst of note keystrokes becomes one write). Writes never
 * land out of order: each one starts after the previous finished, except `flushNow`, which issues the newest
 * value at once when the page is being hidden — IndexedDB runs read-write transactions on the same store in
 * the order they were created, so that one still lands last.
 *
 * Contract for `save`: it starts its IndexedDB transaction in the order it is called (the store does: its
 * call records module is one shared promise, and the transaction opens synchronously after it).
 *
 * There is no debounce timer: a keystroke typed while nothing is being written is written at once, so the
 * agent's words are on disk within one or two write times (a few milliseconds), far inside the 300 ms budget.
 * A value pushed `soon` (a step move: nothing typed rides on it) starts its write after the frame that shows
 * it instead (`CallWriterOptions.defer`), so opening an IndexedDB transaction and cloning the call stay out of
 * the step's paint; any other push, a flush or a hidden page writes it at once.
 */
export interface SaveState {
  /** Something pushed is not on disk yet. */
  pending: boolean;
  /** When the last write finished (the clock the writer was given), or null before the first. */
  savedAt: number | null;
  /** The sequence number of the newest value known to be on disk (0 before the first). */
  savedSeq: number;
  /** The last write failure, cleared by the next success; failed values are retried. */
  error: unknown;
  /** The newest value, not on disk, is kept aside (see CallWriterOptions.rescue): a reload will not lose it. */
  keptAside: boolean;
}

export interface CallWriter<T> {
  /**
   * Queues `value` as the newest state to store; returns its sequence number. Ignored once closed. `soon`:
   * its write may wait for `defer` (when nothing else asks for it first).
   */
  push(value: T, timing?: 'now' | 'soon'): number;
  /** Resolves once everything pushed so far is on disk; rejects if the newest write failed. */
  flush(): Promise<void>;
  /** The page is going away: start writing the newest value now, without waiting for the write in flight. */
  flushNow(): void;
  /** Flushes, then refuses further values (the call has ended, or this tab lost the right to write). */
  close(): Promise<void>;
  state(): SaveState;
  subscribe(listener: (state: SaveState) => void): () => void;
}

export interface CallWriterOptions<T> {
  now?: () => number;
  /** Delay before retrying a failed write (e.g. a full disk that the agent frees). */
  retryMs?: number;
  /**
   * A write still in flight after this long is taken for stuck: from then on the newest value is kept aside
   * too, as after a failure, until the write finishes (a request IndexedDB never answered once held a call's
   * saves for good; a reload then brings the copy back).
   */
  stallMs?: number;
  /**
   * Where the newest value goes, synchronously, while writes fail (localStorage: see storage/call-rescue.ts);
   * cleared once a write at least as new lands.
   */
  rescue?: { put(value: T): boolean; clear(): void };
  /** A copy is aside from before this writer (the session resumed from it): the first write that lands drops it. */
  keptAside?: boolean;
  /** Runs `start` a little later (after the next paint); returns a cancel. None: `soon` writes at once too. */
  defer?: (start: () => void) => () => void;
}

interface Waiter {
  seq: number;
  resolve(): void;
  reject(error: unknown): void;
}

export function createCallWriter<T>(save: (value: T) => Promise<void>, options: CallWriterOptions<T> = {}): CallWriter<T> {
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 1_000;
  const stallMs = options.stallMs ?? 2_000;
  let latest: { seq: number; value: T } | null = null;
  let seq = 0;
  let issued = 0;
  let written = 0;
  let inFlight = 0;
  let savedAt: number | null = null;
  let error: unknown = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** Writes in flight for longer than `stallMs`. */
  let stalled = 0;
  let deferred: (() => void) | null = null;
  /** The sequence number of the value kept aside (0: nothing is). */
  let rescued = 0;
  let asideFromBefore = options.keptAside === true;
  const listeners = new Set<(state: SaveState) => void>();
  let waiters: Waiter[] = [];

  const state = (): SaveState => ({ pending: seq > written, savedAt, savedSeq: written, error, keptAside: rescued > written && rescued >= seq });

  function settle(): void {
    const s = state();
    for (const l of listeners) l(s);
    const still: Waiter[] = [];
    for (const w of waiters) {
      if (written >= w.seq) w.resolve();
      else if (error !== null && inFlight === 0) w.reject(error);
      else still.push(w);
    }
    waiters = still;
  }

  function keepAside(item: { seq: number; value: T }): void {
    if (!options.rescue || item.seq <= rescued) return;
    if (options.rescue.put(item.value)) rescued = item.seq;
  }

  function write(item: { seq: number; value: T }): void {
    issued = Math.max(issued, item.seq);
    inFlight++;
    let failed = false;
    let stuck = false;
    const watch = setTimeout(() => {
      stuck = true;
      stalled++;
      if (latest) keepAside(latest);
      settle();
    }, stallMs);
    save(item.value).then(
      () => {
        written = Math.max(written, item.seq);
        savedAt = now();
        error = null;
        if ((asideFromBefore || rescued > 0) && written >= rescued) {
          asideFromBefore = false;
          rescued = 0;
          options.rescue?.clear();
        }
      },
      (e: unknown) => {
        failed = true;
        error = e;
        if (latest) keepAside(latest);
        // Written again on the next push, flush, or after a pause.
        issued = written;
        clearTimeout(retry);
        retry = setTimeout(pump, retryMs);
      },
    ).finally(() => {
      clearTimeout(watch);
      if (stuck) stalled--;
      inFlight--;
      settle();
      // After a failure only the timer (or the agent's next key) retries: pumping at once turned a closed
      // database or a full disk into a tight loop that starved the page (reliability R5, R7).
      if (!failed) pump();
    });
  }

  function pump(): void {
    deferred?.();
    deferred = null;
    if (inFlight > 0 || !latest || latest.seq <= issued) return;
    write(latest);
  }

  function pumpSoon(): void {
    if (!options.defer || inFlight > 0) return pump();
    deferred ??= options.defer(() => {
      deferred = null;
      pump();
    });
  }

  const writer: CallWriter<T> = {
    push(value, timing = 'now') {
      if (closed) return seq;
      seq++;
      latest = { seq, value };
      if (error !== null || stalled > 0) keepAside(latest);
      if (timing === 'soon' && error === null) pumpSoon();
      else pump();
      settle();
      return seq;
    },
    flush() {
      if (written >= seq) return Promise.resolve();
      if (inFlight === 0) pump();
      return new Promise<void>((resolve, reject) => waiters.push({ seq, resolve, reject }));
    },
    flushNow() {
      deferred?.();
      deferred = null;
      if (latest && latest.seq > issued) write(latest);
    },
    async close() {
      closed = true;
      try {
        await writer.flush();
      } finally {
        clearTimeout(retry);
        deferred?.();
        deferred = null;
      }
    },
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return writer;
}
