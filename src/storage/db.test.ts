import { openDB } from 'idb';
import { openItemsOf } from '../domain/summary';
import { describe, expect, it, vi } from 'vitest';
import { createDbFromFixture, FIXTURES, type DbFixture } from '../../tests/fixtures/db/load';
import type { DebtorBundle } from '../domain/bundle';
import { Debtor, Invoice, type Activity, type Contact, type PaymentPromise, type Task } from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import { DB_VERSION, openCadenceDb } from './db';
import { UPGRADE_STEPS } from './upgrades';
import type { StorageError } from './errors';
import { createCadenceStore } from './store';
import { createIdbScriptLibrary } from './script-library';
import { DEFAULT_STUDIO_SETTINGS } from '../scripts/library';
import { readRecord, readStore } from '../../tests/fixtures/db/read';

let n = 0;
const freshName = (): string => `db-test-${++n}-${Date.now()}`;

function fixtureBundles(fx: DbFixture): DebtorBundle[] {
  const s = fx.stores;
  const of = <T>(store: string, id: string): T[] => ((s[store] ?? []) as (T & { debtorId: string })[]).filter((r) => r.debtorId === id);
  return (s.debtors as Debtor[]).map((debtor) => ({
    debtor,
    contacts: of<Contact>('contacts', debtor.id),
    invoices: of<Invoice>('invoices', debtor.id),
    activities: of<Activity>('activities', debtor.id),
    promises: of<PaymentPromise>('promises', debtor.id),
    tasks: of<Task>('tasks', debtor.id),
  }));
}

const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('upgrade history', () => {
  it('DB_VERSION is the last step and steps are consecutive', () => {
    expect(UPGRADE_STEPS.map((s) => s.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(DB_VERSION).toBe(12);
    expect(DB_VERSION).toBe(UPGRADE_STEPS.at(-1)?.version);
  });

  it('fixtures are valid records of their time', () => {
    for (const fx of Object.values(FIXTURES)) {
      for (const d of fx.stores.debtors ?? []) expect(Debtor.safeParse(d).success).toBe(true);
      for (const i of fx.stores.invoices ?? []) expect(Invoice.safeParse(i).success).toBe(true);
      // v11: the invoices inside their debtors' blocks.
      for (const b of (fx.stores.invoiceBlocks ?? []) as { invoices: unknown[] }[]) for (const i of b.invoices) expect(Invoice.safeParse(i).success).toBe(true);
    }
  });

  it.each(['v1', 'v2'] as const)('migrates a %s database without losing anything and backfills summaries', async (key) => {
    const fx = FIXTURES[key];
    const name = freshName();
    await createDbFromFixture(name, fx);

    const before = await openDB(name);
    expect(before.version).toBe(fx.dbVersion);
    expect(before.objectStoreNames.contains('summaries')).toBe(false);
    before.close();

    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = createCadenceStore(db);
    const expected = fixtureBundles(fx);
    for (const bundle of expected) {
      const dossier = await store.getDossier(bundle.debtor.id);
      expect(dossier?.debtor).toEqual(bundle.debtor);
      expect(byId(dossier?.contacts ?? [])).toEqual(byId(bundle.contacts));
      expect(byId(dossier?.invoices ?? [])).toEqual(byId(bundle.invoices));
      expect(byId(dossier?.activities ?? [])).toEqual(byId(bundle.activities));
      expect(byId(dossier?.promises ?? [])).toEqual(byId(bundle.promises));
      expect(byId(dossier?.tasks ?? [])).toEqual(byId(bundle.tasks));
    }
    expect(await store.counts()).toEqual({ debtors: fx.stores.debtors?.length, invoices: fx.stores.invoices?.length });
    expect(await store.getSettings()).toEqual(fx.settings);

    const summaries = await store.listSummaries();
    expect(summaries.sort((a, b) => a.debtorId.localeCompare(b.debtorId))).toEqual(
      expected.map(summarizeDebtor).sort((a, b) => a.debtorId.localeCompare(b.debtorId)),
    );
    // The numberKey index was backfilled too: a lower-case prefix finds the upper-case number.
    expect(await store.findDebtorIdsByInvoiceNumber('mv/2026', 5)).toEqual(['deb-mairie-vichy']);
    expect(await store.findDebtorIdsByInvoiceNumber('FA-2026-02', 5)).toEqual(['deb-hotel-oeillet']);
    store.close();
  });

  it('upgrades a v6 database to v7: every record kept, the script library empty and usable', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v6);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const store of Object.keys(FIXTURES.v6.stores)) {
      expect((await readStore(db, store as 'debtors')).length, store).toBe(FIXTURES.v6.stores[store]!.length);
    }
    const library = createIdbScriptLibrary(db);
    expect(await library.listScripts()).toEqual([]);
    expect(await library.getStudioSettings()).toEqual(DEFAULT_STUDIO_SETTINGS);
    db.close();
  });

  it('reads the v7 fixture’s scripts, versions and assignments back through the library', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v7);
    const db = await openCadenceDb(name);
    const library = createIdbScriptLibrary(db, (r) => {
      throw new Error(`corrupt ${r.store} ${r.key}`);
    });
    expect(await library.listScripts()).toEqual(FIXTURES.v7.stores.scripts);
    expect(await library.listVersions('team.relance-pme')).toEqual(FIXTURES.v7.stores.scriptVersions);
    expect(await library.getStudioSettings()).toEqual(FIXTURES.v7.settingsRecords?.studio);
    db.close();
  });

  it('a corrupt record does not wedge the upgrade: it is reported, kept on disk, and left out of the summary', async () => {
    const fx = FIXTURES.v2;
    const broken = { ...(fx.stores.invoices?.[0] as Invoice), id: 'inv-broken', amountInclVatCents: 'beaucoup' };
    const name = freshName();
    await createDbFromFixture(name, { ...fx, stores: { ...fx.stores, invoices: [...(fx.stores.invoices ?? []), broken] } });
    const onCorrupt = vi.fn();
    const db = await openCadenceDb(name, { onCorrupt });
    expect(onCorrupt).toHaveBeenCalledWith(expect.objectContaining({ store: 'invoices', key: 'inv-broken' }));
    expect(await readRecord(db, 'invoices', 'inv-broken')).toMatchObject({ amountInclVatCents: 'beaucoup' });
    const summary = await db.get('summaries', 'deb-boul-dupont');
    // The two sound invoices' balances; the corrupt one is left out.
    const sound = (fx.stores.invoices ?? []).filter((i) => ['inv-0101', 'inv-0102'].includes((i as Invoice).id)) as Invoice[];
    expect(openItemsOf(summary!).map((i) => i.outstandingCents)).toEqual(sound.map((i) => i.amountInclVatCents - i.amountPaidCents));
    db.close();
  });

  it('a failing upgrade is rolled back whole: the database stays at its old version', async () => {
    const name = freshName();
    // A v1 database without its stores (never created by Cadence) makes the v3 backfill fail.
    (await openDB(name, 1)).close();
    await expect(openCadenceDb(name)).rejects.toMatchObject({ name: 'StorageError' });
    const after = await openDB(name);
    expect(after.version).toBe(1);
    // The v2 step ran before the v3 failure in the same transaction, and was undone with it.
    expect(after.objectStoreNames.contains('promises')).toBe(false);
    after.close();
  });

  it('refuses to open a database newer than the code with a typed error', async () => {
    const name = freshName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openCadenceDb(name)).rejects.toMatchObject({ name: 'StorageError', kind: 'version' });
  });
});

describe('opening without the upgrade code', () => {
  it('opens a database already at DB_VERSION as it is, with its records', async () => {
    const name = freshName();
    const first = await openCadenceDb(name);
    await createCadenceStore(first).putSettings({ ...(await createCadenceStore(first).getSettings()), agentName: 'Léa' });
    first.close();
    const again = await openCadenceDb(name);
    expect(again.version).toBe(DB_VERSION);
    expect((await createCadenceStore(again).getSettings()).agentName).toBe('Léa');
    again.close();
  });

  it('still creates the database when the version check said none was needed (it changed in between)', async () => {
    const name = freshName();
    // The browser reports a database at the current version that is not there by the time it is opened.
    const spy = vi.spyOn(indexedDB, 'databases').mockResolvedValue([{ name, version: DB_VERSION }]);
    try {
      const db = await openCadenceDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames]).toContain('summaries');
      expect(await createCadenceStore(db).isEmpty()).toBe(true);
      db.close();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('connections never wedge an upgrade', () => {
  it('closes itself and calls onVersionChange when another tab opens a higher version', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    const first = await openCadenceDb(name, { onVersionChange });
    const store = createCadenceStore(first);
    const blocked = vi.fn();
    const newer = await openDB(name, DB_VERSION + 1, { blocked });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(blocked).not.toHaveBeenCalled();
    await expect(store.isEmpty()).rejects.toMatchObject({ kind: 'closed' });
    newer.close();
  });

  it('reports being blocked by an old tab that does not close, then opens once it does', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v1);
    const oldTab = await openDB(name); // no versionchange handling, like a page from before the hooks
    const blocked: StorageError[] = [];
    const opening = openCadenceDb(name, { onBlocked: (e) => blocked.push(e) });
    await vi.waitFor(() => expect(blocked).toHaveLength(1));
    expect(blocked[0]?.kind).toBe('blocked');
    oldTab.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});
