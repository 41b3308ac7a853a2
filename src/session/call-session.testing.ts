/** What the call-session tests share: a fake Web Locks, a seeded store with a steady clock, and small drivers. */
import { STARTED_AT, TODAY, bundleFixture, idSequence } from '../domain/call/call.fixtures';
import type { CallEvent } from '../machines/call.types';
import type { CadenceStore } from '../storage/api';
import { openCadenceDb } from '../storage/db';
import { createCadenceStore } from '../storage/store';
import type { LockManagerLike } from './call-session-lock';
import type { CallSession, CallSessionDeps, OpenedCall } from './call-session';

/** An in-memory Web Locks: exclusive locks, `ifAvailable`, waiting queues and abort signals. */
export function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const queues = new Map<string, Array<() => void>>();
  const request = (name: string, a: unknown, b?: unknown): Promise<unknown> => {
    const options = (typeof a === 'function' ? {} : a) as LockOptions;
    const callback = (typeof a === 'function' ? a : b) as (lock: Lock | null) => unknown;
    return new Promise((resolve, reject) => {
      const grant = () => {
        held.add(name);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock))
          .then(resolve, reject)
          .finally(() => {
            held.delete(name);
            queues.get(name)?.shift()?.();
          });
      };
      if (!held.has(name)) return grant();
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      queue.push(grant);
      options.signal?.addEventListener('abort', () => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  };
  return { request } as LockManagerLike;
}

let n = 0;
export async function setup() {
  const db = await openCadenceDb(`session-test-${++n}-${Date.now()}`);
  const store = createCadenceStore(db);
  await store.putBundles([bundleFixture()]);
  let clock = Date.parse(STARTED_AT);
  const ids = idSequence('id');
  const deps = (over: Partial<CallSessionDeps> = {}): CallSessionDeps => ({
    store,
    locks: null,
    now: () => (clock += 1000),
    newId: ids,
    today: () => TODAY,
    page: null,
    ...over,
  });
  return { store, db, deps };
}

export function sessionOf(opened: OpenedCall): CallSession {
  if (opened.kind !== 'session') throw new Error(`expected a session, got ${opened.kind}`);
  return opened.session;
}

export function drive(session: CallSession, events: readonly CallEvent[]): void {
  for (const e of events) {
    if (!session.snapshot().can(e)) throw new Error(`refused ${JSON.stringify(e)} at ${JSON.stringify(session.snapshot().value)}`);
    session.send(e);
  }
}

export async function storedEnvelope(store: CadenceStore, callId: string) {
  return (await store.getCall(callId))?.envelope as { snapshot: { value: unknown; context: { notes: string; captures: unknown; today: string } } } | undefined;
}
