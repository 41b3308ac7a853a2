/**
 * The sync engine of a device: pushes the outbox in order, in batches of at most MAX_MUTATIONS_PER_PUSH, and
 * lets the local side delete rows only once the server has answered for them (a replay after a lost answer is
 * a no-op on the server); then pulls every page since the stored checkpoint, each applied in one local
 * transaction. Live: the server's event stream says "pull now", the browser's online/offline events and local
 * writes start a sync, and a failure retries with capped exponential backoff.
 *
 * Everything it touches is injected (./ports.ts): the local store, the transport, the clock, the network
 * watch, "today" — so its tests run without a network, a browser or timers.
 */
import { MAX_MUTATIONS_PER_PUSH, MAX_PULL_LIMIT, type LostEdit } from '../protocol';
import { TransportError, type FailedMutation, type LiveEvents, type SyncClock, type SyncLocal, type SyncTransport, type TransportFailure } from './ports';

/** Why the last sync failed: the transport's reasons, `storage` when the device's database refused, `not_joined`. */
export type SyncErrorReason = Exclude<TransportFailure, 'offline'> | 'storage' | 'not_joined';

export interface SyncStatus {
  /** `idle`: up to date as of lastSyncAt; `syncing`: pushing or pulling; `offline`: no network or no server; `error`: see `error`. */
  state: 'idle' | 'syncing' | 'offline' | 'error';
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** Local changes the server refused (see failed()). */
  failed: number;
  lastSyncAt: string | null;
  error?: SyncErrorReason;
  /** The error's detail, for logs and the "details" disclosure; the UI words come from `error`. */
  message?: string;
}

export interface NetworkWatch {
  online(): boolean;
  subscribe(onChange: (online: boolean) => void): () => void;
}

export interface SyncEngineOptions {
  local: SyncLocal;
  transport: SyncTransport;
  clock?: SyncClock;
  network?: NetworkWatch;
  /** The Europe/Paris day of an instant, for promise status recomputed after a pull. */
  today: (now: number) => string;
  /** Backoff after a failure: base, doubled each time, capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long local writes are gathered before a push starts. */
  localDelayMs?: number;
  /** Rows per pull page. */
  pullLimit?: number;
  /** Mutations per push (at most the protocol's maximum). */
  pushBatch?: number;
  /** Records from the team were written to the local store: screens showing them read again. */
  onRemoteChange?: () => void;
}

export interface SyncEngine {
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Opens the live stream and follows the network; syncs at once. */
  start(): void;
  /** Closes the stream and cancels retries; a sync under way finishes its current request. */
  stop(): void;
  /** Pushes then pulls now (joining a sync under way); resolves with the status it ended in. */
  syncNow(): Promise<SyncStatus>;
  /** Local writes happened: sync soon (writes in a burst are gathered). */
  localChanged(): void;
  lostEdits(): Promise<LostEdit[]>;
  dismissLostEdit(edit: Pick<LostEdit, 'mutationId' | 'field'>): Promise<void>;
  failed(): Promise<FailedMutation[]>;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { local, transport, network } = options;
  const clock = options.clock ?? systemClock;
  const retryBase = options.retryBaseMs ?? 1_000;
  const retryMax = options.retryMaxMs ?? 60_000;
  const pushBatch = Math.min(options.pushBatch ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH);
  const pullLimit = Math.min(options.pullLimit ?? 1_000, MAX_PULL_LIMIT);

  let status: SyncStatus = { state: 'idle', pending: 0, failed: 0, lastSyncAt: null };
  const listeners = new Set<(s: SyncStatus) => void>();
  const set = (next: Partial<SyncStatus>) => {
    const merged: SyncStatus = { ...status, ...next };
    if (merged.state !== 'error') {
      delete merged.error;
      delete merged.message;
    }
    status = merged;
    for (const l of listeners) l(status);
  };

  let started = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retryTimer: unknown = null;
  let localTimer: unknown = null;
  let streamTimer: unknown = null;
  let streamFailures = 0;
  let stream: LiveEvents | null = null;
  let unwatchNetwork: (() => void) | null = null;

  const offline = () => network !== undefined && !network.online();
  const iso = () => new Date(clock.now()).toISOString();

  async function refreshCounts(): Promise<void> {
    set(await local.counts());
  }

  async function push(clientId: string, deviceName: string): Promise<void> {
    for (;;) {
      const batch = await local.pending(pushBatch);
      if (batch.length === 0) return;
      set({ state: 'syncing' });
      const answer = await transport.push({ protocol: 1, clientId, deviceName, mutations: batch });
      // Only rows the server answered for are settled; the rest stay and go again (a replay is a no-op there).
      const sent = new Set(batch.map((m) => m.id.toLowerCase()));
      const results = answer.results.filter((r) => sent.has(r.id.toLowerCase()));
      if (results.length === 0) throw new TransportError('invalid_response', '/sync/push: no result for the mutations sent');
      await local.settle(results);
      await refreshCounts();
      if (results.length < batch.length) throw new TransportError('server', '/sync/push: some mutations got no answer');
    }
  }

  async function pull(clientId: string): Promise<void> {
    let { cookie } = await local.checkpoint();
    for (;;) {
      const page = await transport.pull({ protocol: 1, clientId, cookie, limit: pullLimit });
      await local.applyPull(page, options.today(clock.now()));
      if (page.records.length > 0) options.onRemoteChange?.();
      cookie = page.cookie;
      if (!page.more) return;
    }
  }

  function scheduleRetry(): void {
    if (!started || retryTimer !== null) return;
    const delay = Math.min(retryMax, retryBase * 2 ** Math.min(failures - 1, 16));
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void syncNow();
    }, delay);
  }

  async function runOnce(): Promise<void> {
    try {
      await refreshCounts();
      if (offline()) {
        set({ state: 'offline' });
        return;
      }
      const link = await local.link();
      if (!link) {
        set({ state: 'error', error: 'not_joined', message: 'this device has not joined a team' });
        return;
      }
      set({ state: 'syncing' });
      await push(link.clientId, link.deviceName);
      await pull(link.clientId);
      const at = iso();
      await local.markSynced(at);
      failures = 0;
      await refreshCounts();
      set({ state: 'idle', lastSyncAt: at });
    } catch (e) {
      failures += 1;
      if (e instanceof TransportError) {
        if (e.reason === 'offline') set({ state: 'offline' });
        else set({ state: 'error', error: e.reason, message: e.message });
        // A session that ended needs the user: no retry until they sign in again (start/syncNow).
        if (e.reason !== 'unauthenticated') scheduleRetry();
      } else {
        set({ state: 'error', error: 'storage', message: e instanceof Error ? e.message : String(e) });
        scheduleRetry();
      }
      await refreshCounts().catch(() => undefined);
    }
  }

  function syncNow(): Promise<SyncStatus> {
    if (retryTimer !== null) {
      clock.clearTimeout(retryTimer);
      retryTimer = null;
    }
    if (running) {
      again = true;
      return running.then(() => status);
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running.then(() => status);
  }

  function openStream(): void {
    if (!started || stream || offline()) return;
    stream = transport.events({
      onOpen: () => {
        streamFailures = 0;
        // Whatever changed while the stream was down.
        void syncNow();
      },
      onPoke: () => void syncNow(),
      onClose: (error) => {
        stream = null;
        if (!started) return;
        streamFailures += 1;
        if (error?.reason === 'unauthenticated') {
          set({ state: 'error', error: 'unauthenticated', message: error.message });
          return;
        }
        const delay = Math.min(retryMax, retryBase * 2 ** Math.min(streamFailures - 1, 16));
        streamTimer = clock.setTimeout(() => {
          streamTimer = null;
          openStream();
        }, delay);
      },
    });
  }

  function clearTimers(): void {
    for (const t of [retryTimer, localTimer, streamTimer]) if (t !== null) clock.clearTimeout(t);
    retryTimer = localTimer = streamTimer = null;
  }

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    start() {
      if (started) return;
      started = true;
      failures = 0;
      streamFailures = 0;
      unwatchNetwork =
        network?.subscribe((online) => {
          if (!online) {
            stream?.close();
            stream = null;
            set({ state: 'offline' });
            return;
          }
          streamFailures = 0;
          openStream();
          void syncNow();
        }) ?? null;
      void local.checkpoint().then(({ lastSyncAt }) => {
        if (status.lastSyncAt === null && lastSyncAt) set({ lastSyncAt });
      }).catch(() => undefined);
      openStream();
      void syncNow();
    },
    stop() {
      started = false;
      clearTimers();
      stream?.close();
      stream = null;
      unwatchNetwork?.();
      unwatchNetwork = null;
    },
    syncNow,
    localChanged() {
      if (!started) {
        void refreshCounts().catch(() => undefined);
        return;
      }
      if (localTimer !== null) return;
      localTimer = clock.setTimeout(() => {
        localTimer = null;
        void syncNow();
      }, options.localDelayMs ?? 200);
    },
    lostEdits: () => local.lostEdits(),
    dismissLostEdit: (edit) => local.dismissLostEdit(edit),
    failed: () => local.failed(),
  };
}
