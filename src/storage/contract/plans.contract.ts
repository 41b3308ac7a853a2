/**
 * Contract: payment plans proposed then decided (approval writes one promise per instalment), and the rate
 * and creditor records kept beside the settings.
 */
import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import type { Activity, PaymentPlan } from '../../domain/entities';
import { summaryOf, type MakeStore } from './harness';

export const plan = (over: Partial<PaymentPlan> = {}): PaymentPlan => ({
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

export function plansContract(makeStore: MakeStore): void {
  async function setup() {
    const store = await makeStore();
    await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
    return store;
  }

  describe('proposePlan', () => {
    it('stores a proposal and lists it by debtor and by status', async () => {
      const store = await setup();
      await store.proposePlan(plan(), makeActivity({ id: 'a-plan', type: 'note', outcome: 'payment_plan_requested' }));
      expect(await store.listPlans({ debtorId: 'd1' })).toEqual([plan()]);
      expect(await store.listPlans({ status: 'proposed' })).toHaveLength(1);
      expect(await store.listPlans({ status: 'approved' })).toEqual([]);
      expect((await store.getDossier('d1'))?.activities.map((a) => a.id)).toContain('a-plan');
    });

    it('refuses instalments that do not add up, a total that is not the balance, dates not increasing, a decided plan', async () => {
      const store = await setup();
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
      const store = await setup();
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
      expect((await summaryOf(store, 'd1'))?.promises?.map((p) => p.id)).toEqual(['plan-1-i1', 'plan-1-i2']);
      // Decided once only.
      await expect(
        store.decidePlan('plan-1', { status: 'rejected', decidedBy: 'x', decidedAt: '2026-11-23T11:00:00.000Z', activity: decisionNote('a-2', 'plan_rejected') }),
      ).rejects.toMatchObject({ kind: 'invalid' });
    });

    it('writes nothing when one promise cannot be created (its id is taken)', async () => {
      const store = await setup();
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
      const store = await setup();
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
      const store = await setup();
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
}
