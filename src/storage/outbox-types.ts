/**
 * What the v9 sync stores hold (./schema.ts): the outbox rows and the device's sync state. Kept apart from the
 * code that fills them so the schema file does not pull the sync protocol into the first screen's bundle.
 */
import type { LostEdit, Mutation, PullCookie, TeamRole } from '../sync/protocol';

/** One local change waiting for the server; rows are pushed in key order (the order they were made). */
export interface OutboxEntry {
  id: string;
  mutation: Mutation;
  /** When it was written (ISO instant). */
  at: string;
}

/**
 * A change the server refused (not a lead, unknown record…), moved out of the outbox so it no longer blocks the
 * rows behind it, and kept with the server's reason so the agent sees it instead of losing it silently.
 * Key: `failed:<mutationId>`.
 */
export interface FailedEntry {
  key: string;
  mutation: Mutation;
  /** The server's refusal code: `forbidden`, `invalid`, `not_found`, `exists`. */
  reason: string;
  at: string;
}

/** The device's membership of a team: present while joined, removed on leaving. */
export interface TeamLink {
  key: 'team';
  serverUrl: string;
  /** This install's id on the server (one per device database). */
  clientId: string;
  deviceName: string;
  userId?: string;
  role?: TeamRole;
  joinedAt: string;
}

/** The last mutation id this database issued: every new id is above it, also across tabs. */
export interface MutationClock {
  key: 'clock';
  lastId: string;
}

/** Where the next pull resumes, and when the last complete sync ended. */
export interface PullCheckpoint {
  key: 'checkpoint';
  cookie: PullCookie | null;
  lastSyncAt?: string;
}

/** A local edit the server did not apply, kept until the agent dismisses it. Key: `lost:<mutationId>:<field>`. */
export interface StoredLostEdit {
  key: string;
  edit: LostEdit;
  dismissed: boolean;
}

export type SyncStateRecord = TeamLink | MutationClock | PullCheckpoint | StoredLostEdit | FailedEntry;
