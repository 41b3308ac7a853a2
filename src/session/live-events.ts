/**
 * The team server's live stream, shared by everything that listens to it. The sync engine opens GET
 * /sync/events once per session (src/sync/transport.ts, read with fetch) and hands every event that is not its
 * own `poke` to this hub — `locks` when call locks moved, `open` each time the stream (re)connects — so the
 * worklist's call-lock badges follow the same connection instead of opening a second one per device (each
 * stream is a held connection on every server process and a LISTEN fan-out target).
 */

export type LiveListener = (data: unknown) => void;

export interface LiveEventHub {
  /** Passed to the sync engine as its `onEvent`. */
  emit(event: string, data: unknown): void;
  /** Listens to one event; returns the unsubscribe. */
  on(event: string, listener: LiveListener): () => void;
}

/** Sent by the transport when the stream opens: after a gap, listeners read again what they show. */
export const STREAM_OPEN = 'open';

export function createLiveEventHub(): LiveEventHub {
  const listeners = new Map<string, Set<LiveListener>>();
  return {
    emit(event, data) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(data);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<LiveListener>();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}

/** The lock source's `openEvents` (./team-locks.ts) over the hub: a read of the locks when they moved or the stream reopened. */
export function lockEventsFrom(hub: LiveEventHub): (serverUrl: string, onLocks: () => void) => { close(): void } {
  return (_serverUrl, onLocks) => {
    const offLocks = hub.on('locks', onLocks);
    const offOpen = hub.on(STREAM_OPEN, onLocks);
    return {
      close() {
        offLocks();
        offOpen();
      },
    };
  };
}
