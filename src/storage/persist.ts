/**
 * Persistent storage: without it the browser may evict an agent's notes under disk pressure. Chromium grants
 * it silently to installed or engaged sites; Firefox asks the user; Safari may not offer it at all.
 */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported';

export interface StorageEstimate {
  usageBytes: number;
  quotaBytes: number;
}

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function storageManager(nav: { storage?: StorageManagerLike } | undefined): StorageManagerLike | undefined {
  return nav?.storage;
}

const defaultNavigator = (): { storage?: StorageManagerLike } | undefined => (typeof navigator === 'undefined' ? undefined : navigator);

/** Asks for persistence only when not already granted, so repeated calls never re-prompt. */
export async function requestPersistence(nav = defaultNavigator()): Promise<PersistenceAnswer> {
  const sm = storageManager(nav);
  if (!sm?.persist) return 'unsupported';
  try {
    if (sm.persisted && (await sm.persisted())) return 'granted';
    return (await sm.persist()) ? 'granted' : 'denied';
  } catch {
    // Some embedded browsers expose the API but throw (e.g. no storage access in a third-party frame).
    return 'unsupported';
  }
}

/** The current answer without asking (to show in settings). */
export async function persistenceStatus(nav = defaultNavigator()): Promise<PersistenceAnswer> {
  const sm = storageManager(nav);
  if (!sm?.persisted) return 'unsupported';
  try {
    return (await sm.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** Bytes used and available to this origin, or undefined when the browser does not say. */
export async function estimateStorage(nav = defaultNavigator()): Promise<StorageEstimate | undefined> {
  const sm = storageManager(nav);
  if (!sm?.estimate) return undefined;
  try {
    const { usage, quota } = await sm.estimate();
    if (usage === undefined || quota === undefined) return undefined;
    return { usageBytes: usage, quotaBytes: quota };
  } catch {
    return undefined;
  }
}
