import { describe, expect, it } from 'vitest';
import type { CadenceDatabase } from './db';
import { plainIdbRecords } from './idb-records';

/** A transaction as Chromium 156 was seen to run one (reliability R7): its put never settles, its commit fails for quota. */
function quotaAbortingDb(): { db: CadenceDatabase; calls: string[] } {
  const calls: string[] = [];
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const done = Promise.reject(quota);
  done.catch(() => undefined);
  const tx = {
    objectStore: (name: string) => ({
      put: (value: unknown) => {
        calls.push(`put ${name} ${JSON.stringify(value)}`);
        return new Promise(() => undefined);
      },
    }),
    commit: () => calls.push('commit'),
    abort: () => calls.push('abort'),
    done,
  };
  const db = {
    transaction: (stores: string[], mode: string, options?: { durability?: string }) => {
      calls.push(`transaction ${stores.join('+')} ${mode} ${options?.durability ?? 'default'}`);
      return tx;
    },
  };
  return { db: db as unknown as CadenceDatabase, calls };
}

describe('plainIdbRecords.putNow', () => {
  it('fails with the transaction’s error when the put request itself never settles', async () => {
    const { db, calls } = quotaAbortingDb();
    const record = { callId: 'c1' };
    const outcome = await Promise.race([
      plainIdbRecords(db).putNow('calls', record as never).then(
        () => 'saved',
        (e: unknown) => (e as DOMException).name,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ]);
    expect(outcome).toBe('QuotaExceededError');
    expect(calls).toEqual(['transaction calls readwrite strict', 'put calls {"callId":"c1"}', 'commit']);
  });
});
