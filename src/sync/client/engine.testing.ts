/**
 * Test doubles for the sync engine: a clock whose timers run when the test says, a network switch, and a
 * transport over a tiny in-memory server that keeps the protocol's promises (last mutation id per client, so a
 * replay is a no-op; a version per change; pull since a cookie, in pages).
 */
import type { Mutation, PullRequest, PullResponse, PushRequest, PushResponse, PushResult, SyncedRecord } from '../protocol';
import type { NetworkWatch } from './engine';
import { TransportError, type LiveEvents, type SyncClock, type SyncTransport } from './ports';

export class FakeClock implements SyncClock {
  time = Date.parse('2026-11-23T09:00:00.000Z');
  timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  /** Delays of the timers waiting now, from now. */
  delays(): number[] {
    return this.timers.map((t) => t.at - this.time).sort((a, b) => a - b);
  }
  /** Moves time on and runs the timers due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = until;
  }
}

export class FakeNetwork implements NetworkWatch {
  private up = true;
  private listeners = new Set<(online: boolean) => void>();
  online = () => this.up;
  subscribe = (fn: (online: boolean) => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  set(online: boolean): void {
    this.up = online;
    for (const l of this.listeners) l(online);
  }
}

const USER = '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a001';

/** The server's side, in memory: each applied mutation becomes a record version (creations only, enough here). */
export class FakeServer {
  version = 0;
  records: SyncedRecord[] = [];
  applied: Mutation[] = [];
  last = new Map<string, string>();
  /** Mutations the server refuses, by name, with a code. */
  refuse = new Map<string, 'forbidden' | 'invalid'>();

  push(request: PushRequest): PushResponse {
    const results: PushResult[] = [];
    for (const m of request.mutations) {
      const last = this.last.get(request.clientId);
      if (last && m.id <= last) {
        results.push({ id: m.id, status: 'replayed' });
        continue;
      }
      this.version += 1;
      this.last.set(request.clientId, m.id);
      const code = this.refuse.get(m.name);
      if (code) {
        results.push({ id: m.id, status: 'rejected', version: this.version, code });
        continue;
      }
      this.applied.push(m);
      if (m.name === 'debtor.create') this.addRecord('debtor', m.args.debtor.id, m.args.debtor, request.clientId);
      if (m.name === 'activity.add') this.addRecord('activity', m.args.activity.id, m.args.activity, request.clientId);
      results.push({ id: m.id, status: 'applied', version: this.version });
    }
    return { lastMutationId: this.last.get(request.clientId) ?? null, results };
  }

  addRecord(kind: SyncedRecord['kind'], id: string, data: unknown, clientId = '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a0ff'): void {
    this.records = this.records.filter((r) => !(r.kind === kind && r.id === id));
    this.records.push({ kind, id, version: this.version, deleted: false, data, createdBy: USER, createdDevice: clientId, updatedBy: USER, updatedDevice: clientId, updatedAt: new Date(0).toISOString() });
  }

  pull(request: PullRequest): PullResponse {
    const from = request.cookie?.version ?? 0;
    const rows = this.records.filter((r) => r.version > from).sort((a, b) => a.version - b.version);
    const limit = request.limit ?? 1000;
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return { cookie: { version: more ? page[page.length - 1]!.version : this.version }, more, lastMutationId: this.last.get(request.clientId) ?? null, records: page, conflicts: [] };
  }
}

/** A transport over a FakeServer; `fail` makes the next calls throw, `loseAnswers` applies a push but throws. */
export class FakeTransport implements SyncTransport {
  pushes: PushRequest[] = [];
  pulls: PullRequest[] = [];
  fail: TransportError | null = null;
  loseAnswers = 0;
  stream: { onOpen(): void; onPoke(): void; onClose(error?: TransportError): void } | null = null;
  streamsOpened = 0;

  constructor(readonly server: FakeServer) {}

  async push(request: PushRequest): Promise<PushResponse> {
    this.pushes.push(request);
    if (this.fail) throw this.fail;
    const answer = this.server.push(structuredClone(request));
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new TransportError('offline', 'connection lost before the answer');
    }
    return answer;
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    this.pulls.push(request);
    if (this.fail) throw this.fail;
    return structuredClone(this.server.pull(request));
  }

  events(handlers: { onOpen(): void; onPoke(): void; onClose(error?: TransportError): void }): LiveEvents {
    this.streamsOpened += 1;
    this.stream = handlers;
    return { close: () => (this.stream = null) };
  }
}

/** Lets pending promise chains (IndexedDB-free memory store work) settle. */
export const settle = async (rounds = 20): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
