import { describe, expect, it, vi } from 'vitest';
import { estimateStorage, persistenceStatus, requestPersistence } from './persist';

describe('requestPersistence', () => {
  it('is unsupported without navigator.storage.persist', async () => {
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
  it('does not ask again when already persisted', async () => {
    const persist = vi.fn(async () => false);
    expect(await requestPersistence({ storage: { persisted: async () => true, persist } })).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });
  it('reports the browser answer', async () => {
    expect(await requestPersistence({ storage: { persisted: async () => false, persist: async () => true } })).toBe('granted');
    expect(await requestPersistence({ storage: { persisted: async () => false, persist: async () => false } })).toBe('denied');
  });
  it('treats a throwing API as unsupported', async () => {
    const persist = async (): Promise<boolean> => {
      throw new Error('no storage access');
    };
    expect(await requestPersistence({ storage: { persist } })).toBe('unsupported');
  });
});

describe('persistenceStatus and estimateStorage', () => {
  it('reads without asking', async () => {
    expect(await persistenceStatus({ storage: { persisted: async () => false } })).toBe('denied');
    expect(await persistenceStatus({})).toBe('unsupported');
  });
  it('returns usage and quota in bytes, or undefined when unknown', async () => {
    expect(await estimateStorage({ storage: { estimate: async () => ({ usage: 10, quota: 100 }) } })).toEqual({ usageBytes: 10, quotaBytes: 100 });
    expect(await estimateStorage({ storage: { estimate: async () => ({}) } })).toBeUndefined();
    expect(await estimateStorage({})).toBeUndefined();
  });
});
