/**
 * Call locks seen from this device. The worklist and the dossier watch them while visible: the source asks
 * GET /locks every 10 s and at once when the server's event stream says locks moved (the sync engine's one
 * stream, shared through ./live-events.ts), and keeps only the
 * locks of other devices (this device's own call needs no badge). Starting a call takes the debtor's lock
 * and renews it while the call lasts; hanging up releases it, and a device that vanished lets it lapse
 * after the server's time-out.
 */

/** A readable, writable value: a Solid signal in the app (see team-context.tsx), a plain variable in tests. */
export type Cell<T> = [get: () => T, set: (value: T) => void];
export type CellFactory = <T>(initial: T) => Cell<T>;

/**
 * Not reactive: for code that reads values when it needs them. The app hands in Solid signals instead, so this
 * lazily loaded chunk carries no copy of the framework's core and the first load stays one chunk lighter.
 */
export const plainCell: CellFactory = <T,>(initial: T): Cell<T> => {
  let value = initial;
  return [() => value, (next) => void (value = next)];
};
import type { TeamAuthClient } from '../sync/http-auth';
import type { CallLock } from '../sync/protocol';

export const LOCK_POLL_MS = 10_000;
/** How long a lock holds without renewal: a device that vanished frees the debtor after this. */
export const LOCK_TTL_SECONDS = 120;
/** Renewed well within the time-out, so one missed renewal does not free it. */
export const LOCK_RENEW_MS = 40_000;

export interface LockSource {
  /** Debtor id → the lock another device holds on it. */
  holders: () => ReadonlyMap<string, CallLock>;
  /** Keeps the locks fresh until the returned function is called (reference-counted). */
  watch(): () => void;
  refresh(): Promise<void>;
  /** Forget every lock (signed out). */
  clear(): void;
}

export interface LockSourceDeps {
  /** The signed-in client, or null while not connected. */
  client: () => Promise<TeamAuthClient | null>;
  ownClientId: () => string | null;
  /** `onLocks` when call locks moved or the live stream (re)opened: the sync engine's stream, never one of its own. */
  openEvents?: ((serverUrl: string, onLocks: () => void) => { close(): void }) | null;
  visible?: () => boolean;
  pollMs?: number;
  cell?: CellFactory;
}

export function createLockSource(deps: LockSourceDeps): LockSource {
  const [holders, setHolders] = (deps.cell ?? plainCell)<ReadonlyMap<string, CallLock>>(new Map());
  const visible = deps.visible ?? (() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  let watchers = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let events: { close(): void } | null = null;
  let generation = 0;

  async function refresh(): Promise<void> {
    const asked = generation;
    const client = await deps.client();
    if (!client) {
      setHolders(new Map());
      return;
    }
    const result = await client.locks();
    // A sign-out meanwhile (or no answer): keep what is shown until the next read says otherwise.
    if (asked !== generation || !result.ok) return;
    const own = deps.ownClientId();
    setHolders(new Map(result.value.filter((l) => l.clientId !== own).map((l) => [l.debtorId, l])));
  }

  const tick = () => {
    if (visible()) void refresh();
  };

  async function start(): Promise<void> {
    void refresh();
    timer = setInterval(tick, deps.pollMs ?? LOCK_POLL_MS);
    const client = await deps.client();
    if (client && deps.openEvents && watchers > 0 && !events) events = deps.openEvents(client.serverUrl, tick);
  }

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    events?.close();
    events = null;
  }

  return {
    holders,
    refresh,
    watch() {
      watchers += 1;
      if (watchers === 1) void start();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        watchers -= 1;
        if (watchers === 0) stop();
      };
    },
    clear() {
      generation += 1;
      stop();
      setHolders(new Map());
      if (watchers > 0) void start();
    },
  };
}

/** What a call holds while it lasts; releasing twice is harmless. */
export interface TeamCallLockHandle {
  release(): void;
}

export interface TeamCallLockPort {
  /** Takes the debtor's call lock for this device and renews it until released; nothing when not connected. */
  hold(debtorId: string): TeamCallLockHandle;
}

export function createCallLockPort(deps: { client: () => Promise<TeamAuthClient | null>; ownClientId: () => string | null; renewMs?: number }): TeamCallLockPort {
  return {
    hold(debtorId) {
      let released = false;
      let timer: ReturnType<typeof setInterval> | undefined;
      const ready = (async () => {
        const client = await deps.client();
        const clientId = deps.ownClientId();
        if (!client || !clientId || released) return null;
        // Held by someone else: the call goes on (the badge warned), and the team still sees the other agent.
        await client.acquireLock(debtorId, clientId, LOCK_TTL_SECONDS);
        if (!released) timer = setInterval(() => void client.acquireLock(debtorId, clientId, LOCK_TTL_SECONDS), deps.renewMs ?? LOCK_RENEW_MS);
        return { client, clientId };
      })();
      return {
        release() {
          if (released) return;
          released = true;
          clearInterval(timer);
          void ready.then((held) => held && held.client.releaseLock(debtorId, held.clientId));
        },
      };
    },
  };
}
