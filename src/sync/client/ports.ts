/**
 * What the sync engine (./engine.ts) needs from the world, injected so it runs in unit tests without a network
 * or a browser: the local side (the device's store: outbox, checkpoint, applying pulled rows), the transport
 * (HTTP to the team server, ../transport.ts) and a clock.
 */
import type { LostEdit, Mutation, PullCookie, PullRequest, PullResponse, PushRequest, PushResponse, PushResult } from '../protocol';

/** A mutation the server refused, kept aside with its reason so the UI can say what did not reach the team. */
export interface FailedMutation {
  mutation: Mutation;
  /** The server's refusal code: `forbidden`, `invalid`, `not_found`, `exists`. */
  reason: string;
}

/** The device's link to its team, as the engine needs it. */
export interface LocalLink {
  clientId: string;
  deviceName: string;
}

export interface SyncLocal {
  /** The link, or undefined when the device is not (or no longer) joined to a team. */
  link(): Promise<LocalLink | undefined>;
  /** The oldest pending mutations, in the order they were made, at most `limit`. */
  pending(limit: number): Promise<Mutation[]>;
  counts(): Promise<{ pending: number; failed: number }>;
  failed(): Promise<FailedMutation[]>;
  /**
   * The server's answer to a push, in one transaction: applied and replayed rows deleted, refused ones kept
   * aside as failed, lost edits stored.
   */
  settle(results: readonly PushResult[]): Promise<void>;
  /** Where the next pull starts, and when the last complete sync ended. */
  checkpoint(): Promise<{ cookie: PullCookie | null; lastSyncAt: string | null }>;
  /**
   * One pull page applied in one transaction: records written (tombstones delete), derived values (summaries,
   * promise status, paid amounts) recomputed as of `today`, the page's cookie and lost edits stored.
   */
  applyPull(page: PullResponse, today: string): Promise<void>;
  /** A sync went through end to end at `at`. */
  markSynced(at: string): Promise<void>;
  lostEdits(): Promise<LostEdit[]>;
  dismissLostEdit(edit: Pick<LostEdit, 'mutationId' | 'field'>): Promise<void>;
}

/** Why talking to the server failed, in words the UI translates. */
export type TransportFailure =
  /** No network, or the server could not be reached. */
  | 'offline'
  /** The session ended or never started: sign in again. */
  | 'unauthenticated'
  /** Signed in, but the server refused the request (CSRF token missing, another user's client id…). */
  | 'forbidden'
  /** The server answered with an error (5xx, a 4xx the engine cannot fix by itself). */
  | 'server'
  /** The answer did not pass the protocol's schema. */
  | 'invalid_response';

export class TransportError extends Error {
  constructor(
    readonly reason: TransportFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface LiveEvents {
  close(): void;
}

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /**
   * Opens the live stream: `onPoke` when something changed on the server, `onOpen` once connected, `onClose`
   * when the stream ended or failed (the engine reconnects with backoff).
   */
  events(handlers: { onOpen(): void; onPoke(): void; onClose(error?: TransportError): void }): LiveEvents;
}

export interface SyncClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
