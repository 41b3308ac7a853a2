/**
 * Web Locks for the call: one tab writes a call, any other tab on it reads. A lock is held by keeping the
 * request's callback pending until `release()`; the browser frees it by itself if the tab dies.
 */
export type LockManagerLike = Pick<LockManager, 'request'>;

export interface HeldLock {
  release(): void;
}

function request(locks: LockManagerLike, name: string, options: LockOptions): Promise<HeldLock | null> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, options, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch((e: unknown) => {
        // Aborted while waiting (the page went away first): nothing is held.
        if (e instanceof DOMException && e.name === 'AbortError') resolve(null);
        else reject(e);
      });
  });
}

/** The lock if no one holds it now, else null, at once. */
export function tryLock(locks: LockManagerLike, name: string): Promise<HeldLock | null> {
  return request(locks, name, { ifAvailable: true });
}

/** Waits until the lock is free and takes it; null if `signal` aborts first. */
export function waitForLock(locks: LockManagerLike, name: string, signal: AbortSignal): Promise<HeldLock | null> {
  return request(locks, name, { signal });
}

/** Runs `fn` while holding `name` exclusively (waiting for it first). */
export async function withLock<T>(locks: LockManagerLike, name: string, fn: () => Promise<T>): Promise<T> {
  return locks.request(name, () => fn()) as Promise<T>;
}

export const callLockName = (callId: string): string => `cadence-call:${callId}`;
/** Held while a tab decides which call of a debtor it opens, so two tabs never start two calls at once. */
export const openLockName = (debtorId: string): string => `cadence-call-open:${debtorId}`;
