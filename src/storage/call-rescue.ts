/**
 * The call in progress kept aside in localStorage while IndexedDB refuses to write it (device full, database
 * closed by an upgrade in another tab). localStorage is written synchronously and, in Chromium, sits outside
 * the origin's IndexedDB quota, so the notes typed after the last good save survive a reload or a closed tab.
 * The next opening of the call puts the copy back into IndexedDB (`restoreCall`) and removes it.
 *
 * Only written on the failure path: a healthy session never touches localStorage.
 */
import { readCall } from './call-frame';
import type { StoredCall } from './schema';

const PREFIX = 'cadence:call-rescue:';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface CallRescue {
  /** Keeps `record` as the newest copy of its call; false when even localStorage refused it. */
  put(record: StoredCall): boolean;
  /** The kept copy of one call, if it is readable. */
  get(callId: string): StoredCall | undefined;
  /** The newest kept call of a debtor, if any. */
  newest(debtorId: string): StoredCall | undefined;
  clear(callId: string): void;
  /** Every kept call (the agent deleted all data). */
  clearAll(): void;
}

function keys(storage: KeyValueStorage): string[] {
  const found: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) found.push(key);
  }
  return found;
}

/** `storage` is `localStorage` in the app; null where there is none (then nothing is kept aside). */
export function createCallRescue(storage: KeyValueStorage | null): CallRescue {
  function read(key: string): StoredCall | undefined {
    const text = storage?.getItem(key);
    if (!text) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    // A copy that is not a call record (hand-edited, truncated) cannot be resumed; drop it rather than fail.
    const record = raw === undefined ? undefined : readCall(raw, () => undefined);
    if (!record || `${PREFIX}${record.callId}` !== key) {
      storage?.removeItem(key);
      return undefined;
    }
    return record;
  }

  return {
    put(record) {
      if (!storage) return false;
      try {
        storage.setItem(PREFIX + record.callId, JSON.stringify(record));
        return true;
      } catch {
        return false;
      }
    },
    get: (callId) => (storage ? read(PREFIX + callId) : undefined),
    newest(debtorId) {
      if (!storage) return undefined;
      let best: StoredCall | undefined;
      for (const key of keys(storage)) {
        const record = read(key);
        if (record?.debtorId === debtorId && (!best || record.updatedAt > best.updatedAt)) best = record;
      }
      return best;
    },
    clear(callId) {
      storage?.removeItem(PREFIX + callId);
    },
    clearAll() {
      if (storage) for (const key of keys(storage)) storage.removeItem(key);
    },
  };
}

/** The page's own localStorage (none in a worker or under Node). */
export function browserCallRescue(): CallRescue {
  return createCallRescue(typeof localStorage === 'undefined' ? null : localStorage);
}
