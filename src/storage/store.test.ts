import { describe, expect, it, vi } from 'vitest';
import { makeBundle, makeContact, makeDebtor, makeInvoice } from '../../tests/fixtures/db/builders';
import { DEFAULT_SETTINGS } from '../domain/entities';
import { fullBundle } from './contract/harness';
import { openCadenceDb } from './db';
import { createCadenceStore, type CadenceStoreOptions } from './store';

let n = 0;
async function setup(options: CadenceStoreOptions = {}) {
  const db = await openCadenceDb(`store-test-${++n}-${Date.now()}`);
  return { db, store: createCadenceStore(db, options) };
}

// What every store does is in the contract (./store.contract.ts); here, what only IndexedDB can do: fail on a
// full disk, and hold records another version of the code wrote or that were damaged on disk.
describe('putBundles on IndexedDB', () => {
  const bundle = fullBundle();

  it('rolls back the whole transaction when the disk is full mid-write', async () => {
    const { store } = await setup();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    try {
      await expect(store.putBundles([bundle])).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(await store.counts()).toEqual({ debtors: 0, invoices: 0 });
    expect(await store.listSummaries()).toEqual([]);
  });
});

describe('listSummaries on IndexedDB', () => {
  it('goes on past a corrupt summary that ends a chunk, skipping only that one', async () => {
    const corrupt: string[] = [];
    const { store, db } = await setup({ summaryChunkSize: 2, yieldBetweenChunks: async () => undefined, onCorrupt: (r) => void corrupt.push(r.key ?? '?') });
    await store.putBundles(['a', 'c', 'd', 'e'].map((id) => makeBundle({ debtor: makeDebtor({ id }) })));
    await db.put('summaries', { debtorId: 'b', name: 42 } as never);
    const sizes: number[] = [];
    const all = await store.listSummaries((chunk) => sizes.push(chunk.length));
    expect(all.map((s) => s.debtorId)).toEqual(['a', 'c', 'd', 'e']);
    expect(sizes).toEqual([1, 2, 1]);
    expect(corrupt).toEqual(['b']);
  });
});

describe('corrupt records on read', () => {
  async function withCorruption(options: CadenceStoreOptions = {}) {
    const ctx = await setup(options);
    await ctx.store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
    await ctx.db.put('activities', { id: 'junk', debtorId: 'd1', at: '2026-11-20T10:00:00.000Z' } as never);
    await ctx.db.put('summaries', { debtorId: 'zz', name: 42 } as never);
    return ctx;
  }

  it('fails with a corrupt error when nobody handles it', async () => {
    const { store } = await withCorruption();
    await expect(store.getDossier('d1')).rejects.toMatchObject({ kind: 'corrupt', store: 'activities', key: 'junk' });
    await expect(store.listSummaries()).rejects.toMatchObject({ kind: 'corrupt', store: 'summaries', key: 'zz' });
  });

  it('a corrupt debtor fails its dossier even when the app handles corruption', async () => {
    const { db, store } = await withCorruption({ onCorrupt: vi.fn() });
    await db.put('debtors', { ...makeDebtor(), siren: 'abc' });
    await expect(store.getDossier('d1')).rejects.toMatchObject({ kind: 'corrupt', store: 'debtors', key: 'd1' });
  });

  it('reports and skips it when the app handles it', async () => {
    const onCorrupt = vi.fn();
    const { store } = await withCorruption({ onCorrupt });
    expect((await store.getDossier('d1'))?.invoices).toHaveLength(1);
    expect((await store.listSummaries()).map((s) => s.debtorId)).toEqual(['d1']);
    expect(onCorrupt.mock.calls.map(([r]) => `${r.store}/${r.key}`)).toEqual(['activities/junk', 'summaries/zz']);
  });
});

describe('direction controls never reach the database', () => {
  it('strips U+202E and friends from every string written, and from older records on the way out', async () => {
    const { db, store } = await setup();
    const debtor = makeDebtor({ name: 'Dupont\u202E SARL', address: { ...makeDebtor().address, line1: '12 rue\u2066 des Lilas' } });
    await store.putBundles([makeBundle({ debtor, contacts: [makeContact({ name: 'Claire\u202B Dubois' })] })]);
    const stored = await db.get('debtors', debtor.id);
    expect(stored?.name).toBe('Dupont SARL');
    expect(stored?.address.line1).toBe('12 rue des Lilas');
    expect((await db.get('summaries', debtor.id))?.name).toBe('Dupont SARL');
    await store.putSettings({ ...DEFAULT_SETTINGS, company: 'Atelier\u202E Lumière' });
    expect((await store.getSettings()).company).toBe('Atelier Lumière');

    // A record stored before this rule (written behind the store's back) is cleaned when read.
    await db.put('contacts', { ...makeContact({ id: 'old', name: 'Old\u202D Name' }), debtorId: debtor.id });
    const dossier = await store.getDossier(debtor.id);
    expect(dossier?.contacts.map((c) => c.name).sort()).toEqual(['Claire Dubois', 'Old Name']);
  });
});

describe('contacts are written with phones and e-mails that can become links', () => {
  it('refuses a hijacking e-mail or a javascript: phone, on a single write and in a bundle', async () => {
    const { store } = await setup();
    const debtor = makeDebtor();
    await store.putBundles([makeBundle({ debtor })]);
    await expect(store.putContact(makeContact({ id: 'c-mail', email: 'x?bcc=thief%40evil.example&y=@example.com' }))).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.putContact(makeContact({ id: 'c-tel', phone: 'javascript:alert(1)' }))).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.putBundles([makeBundle({ debtor, contacts: [makeContact({ id: 'c-b', phone: 'javascript:alert(1)' })] })])).rejects.toMatchObject({ kind: 'invalid' });
    expect((await store.getDossier(debtor.id))?.contacts.map((c) => c.id) ?? []).not.toContain('c-mail');
    await store.putContact(makeContact({ id: 'c-ok', phone: '01 84 60 12 34', email: 'compta@exemple.fr' }));
    expect((await store.getDossier(debtor.id))?.contacts.map((c) => c.id)).toContain('c-ok');
  });
});
