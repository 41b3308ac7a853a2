import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { makeActivity, makeBundle, makeInvoice, makePromise } from '../../tests/fixtures/db/builders';
import type { Activity, PaymentPlan } from '../domain/entities';
import { DB_VERSION, openCadenceDb } from './db';
import { createCadenceStore } from './store';

let n = 0;
async function setup() {
  const db = await openCadenceDb(`plans-test-${++n}-${Date.now()}`);
  const store = createCadenceStore(db);
  await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
  return { db, store };
}

const plan = (over: Partial<PaymentPlan> = {}): PaymentPlan => ({
  schemaVersion: 1,
  id: 'plan-1',
  debtorId: 'd1',
  createdAt: '2026-11-20T09:00:00.000Z',
  proposedBy: 'Camille Martin',
  invoiceIds: ['i1'],
  instalments: [
    { dueDate: '2026-12-05', amountCents: 60_000 },
    { dueDate: '2027-01-05', amountCents: 60_000 },
  ],
  balanceCents: 120_000,
  penaltiesCents: 1_800,
  penalties: 'waived',
  totalCents: 120_000,
  means: 'transfer',
  status: 'proposed',
  note: 'Offre faite au téléphone',
  ...over,
});

const decisionNote = (id: string, outcome: string): Activity =>
  makeActivity({ id, type: 'note', at: '2026-11-23T10:00:00.000Z', outcome, summary: `Échéancier ${outcome}` });

describe('proposePlan', () => {
  it('stores a proposal and lists it by debtor and by status', async () => {
    const { store } = await setup();
    await store.proposePlan(plan(), makeActivity({ id: 'a-plan', type: 'note', outcome: 'payment_plan_requested' }));
    expect(await store.listPlans({ debtorId: 'd1' })).toEqual([plan()]);
    expect(await store.listPlans({ status: 'proposed' })).toHaveLength(1);
    expect(await store.listPlans({ status: 'approved' })).toEqual([]);
    expect((await store.getDossier('d1'))?.activities.map((a) => a.id)).toContain('a-plan');
  });

  it('refuses instalments that do not add up, a total that is not the balance, dates not increasing, a decided plan', async () => {
    const { store } = await setup();
    await expect(store.proposePlan(plan({ totalCents: 120_001 }))).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.proposePlan(plan({ penalties: 'included' }))).rejects.toMatchObject({ kind: 'invalid', issues: [expect.objectContaining({ path: 'totalCents' })] });
    const sameDay = plan({ instalments: [{ dueDate: '2026-12-05', amountCents: 60_000 }, { dueDate: '2026-12-05', amountCents: 60_000 }] });
    await expect(store.proposePlan(sameDay)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.proposePlan(plan({ status: 'approved' }))).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.proposePlan(plan({ debtorId: 'ghost' }))).rejects.toMatchObject({ kind: 'not_found' });
    expect(await store.listPlans()).toEqual([]);
  });
});

describe('decidePlan', () => {
  it('approval turns each instalment into a pending promise, with the decision and its note, atomically', async () => {
    const { db, store } = await setup();
    await store.proposePlan(plan());
    const created = await store.decidePlan('plan-1', {
      status: 'approved',
      decidedBy: 'Responsable',
      decidedAt: '2026-11-23T10:00:00.000Z',
      note: 'Accord',
      activity: decisionNote('a-dec', 'plan_approved'),
    });
    expect(created.map((p) => [p.id, p.dueDate, p.amountCents, p.status])).toEqual([
      ['plan-1-i1', '2026-12-05', 60_000, 'pending'],
      ['plan-1-i2', '2027-01-05', 60_000, 'pending'],
    ]);
    const [stored] = await store.listPlans({ debtorId: 'd1' });
    expect(stored).toMatchObject({ status: 'approved', decidedBy: 'Responsable', note: 'Offre faite au téléphone\nAccord' });
    const dossier = await store.getDossier('d1');
    expect(dossier?.promises.map((p) => p.id)).toEqual(['plan-1-i1', 'plan-1-i2']);
    expect(dossier?.activities.map((a) => a.id)).toContain('a-dec');
    expect((await db.get('summaries', 'd1'))?.promises.map((p) => p.id)).toEqual(['plan-1-i1', 'plan-1-i2']);
    // Decided once only.
    await expect(
      store.decidePlan('plan-1', { status: 'rejected', decidedBy: 'x', decidedAt: '2026-11-23T11:00:00.000Z', activity: decisionNote('a-2', 'plan_rejected') }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('writes nothing when one promise cannot be created (its id is taken)', async () => {
    const { store } = await setup();
    await store.putPromise(makePromise({ id: 'plan-1-i2' }));
    await store.proposePlan(plan());
    await expect(
      store.decidePlan('plan-1', { status: 'approved', decidedBy: 'L', decidedAt: '2026-11-23T10:00:00.000Z', activity: decisionNote('a-dec', 'plan_approved') }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect((await store.listPlans())[0]?.status).toBe('proposed');
    const dossier = await store.getDossier('d1');
    expect(dossier?.promises.map((p) => p.id)).toEqual(['plan-1-i2']);
    expect(dossier?.activities.map((a) => a.id)).not.toContain('a-dec');
  });

  it('refuses to approve a plan whose first instalment is already past; rejection creates no promise', async () => {
    const { store } = await setup();
    await store.proposePlan(plan());
    const late = { status: 'approved' as const, decidedBy: 'L', decidedAt: '2026-12-10T10:00:00.000Z', activity: decisionNote('a-dec', 'plan_approved') };
    await expect(store.decidePlan('plan-1', late)).rejects.toMatchObject({ kind: 'invalid' });
    const created = await store.decidePlan('plan-1', { ...late, status: 'rejected', activity: decisionNote('a-rej', 'plan_rejected') });
    expect(created).toEqual([]);
    expect((await store.getDossier('d1'))?.promises).toEqual([]);
    await expect(store.decidePlan('nope', { ...late, status: 'rejected' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('rates and creditor records', () => {
  it('default to the public tables and the demo creditor, and round-trip', async () => {
    const { store } = await setup();
    const rates = await store.getRateSettings();
    expect(rates.ecb.find((r) => r.from === '2025-07-01')?.bp).toBe(215);
    await store.putRateSettings({ ...rates, ecb: [{ from: '2026-07-01', bp: 190 }, ...rates.ecb], contractual: { d1: 1_200 } });
    const saved = await store.getRateSettings();
    expect(saved.ecb.at(-1)).toEqual({ from: '2026-07-01', bp: 190 });
    expect(saved.contractual).toEqual({ d1: 1_200 });
    await expect(store.putRateSettings({ ...rates, ecb: [{ from: '2026-03-01', bp: 100 }] })).rejects.toMatchObject({ kind: 'invalid' });
    const creditor = await store.getCreditor();
    await store.putCreditor({ ...creditor, iban: 'FR00' });
    expect((await store.getCreditor()).iban).toBe('FR00');
    // Settings themselves are untouched by the records beside them.
    expect((await store.getSettings()).company).toBe('Atelier Lumière SAS');
  });
});

describe('upgrade to v5', () => {
  it('a v4 database keeps every record, its call in progress included, and gains the plans store', async () => {
    const name = `plans-upgrade-${Date.now()}`;
    const fx = FIXTURES.v3;
    const call = { callId: 'call-1', debtorId: 'deb-boul-dupont', updatedAt: '2026-11-20T10:00:00.000Z', envelope: { machineVersion: 1 } };
    await createDbFromFixture(name, { ...fx, dbVersion: 4, stores: { ...fx.stores, calls: [call] } });
    const before = await openDB(name);
    expect(before.version).toBe(4);
    expect(before.objectStoreNames.contains('plans')).toBe(false);
    const snapshot: Record<string, unknown[]> = {};
    for (const storeName of before.objectStoreNames) snapshot[storeName] = await before.getAll(storeName);
    before.close();

    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const [storeName, records] of Object.entries(snapshot)) {
      expect(await db.getAll(storeName as never), storeName).toEqual(records);
    }
    const store = createCadenceStore(db);
    const debtorId = (fx.stores.debtors?.[0] as { id: string }).id;
    const balance = 1_000;
    await store.proposePlan(plan({ id: 'p-up', debtorId, invoiceIds: [], balanceCents: balance, totalCents: balance, instalments: [{ dueDate: '2027-01-05', amountCents: balance }] }));
    expect((await store.listPlans({ debtorId })).map((p) => p.id)).toEqual(['p-up']);
    store.close();
  });
});
