/**
 * Contract: the outbox (../outbox.ts). Once the device has joined a team, every change to a shared record
 * writes its sync mutation in the same transaction; a change that fails writes none; alone, nothing is written.
 * The team-sync side (settle, pull pages, lost edits) behaves the same on both stores.
 */
import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeContact, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { DEFAULT_RATE_SETTINGS } from '../preferences';
import { Mutation, type PullResponse, type SyncedRecord } from '../../sync/protocol';
import type { CadenceStore } from '../api';
import type { TeamSyncStore } from '../sync-local';
import { summaryOf, type MakeStore } from './harness';
import { plan } from './plans.contract';

const AT = '2026-11-23T10:00:00.000Z';
const USER = '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a001';
const DEVICE = '0b0e7a52-6f3a-4e38-9d54-2f1de0c1a002';

const syncOf = (store: CadenceStore): TeamSyncStore => {
  if (!store.sync) throw new Error('this store has no team-sync side');
  return store.sync;
};

async function joined(makeStore: MakeStore): Promise<{ store: CadenceStore; sync: TeamSyncStore }> {
  const store = await makeStore();
  const sync = syncOf(store);
  await sync.join({ serverUrl: 'http://127.0.0.1:8787', deviceName: 'Laptop' }, AT);
  return { store, sync };
}

const names = async (sync: TeamSyncStore) => (await sync.pending(10_000)).map((m) => m.name);

export const synced = (kind: SyncedRecord['kind'], id: string, version: number, data: unknown, deleted = false): SyncedRecord => ({
  kind,
  id,
  version,
  deleted,
  data: deleted ? null : data,
  createdBy: USER,
  createdDevice: DEVICE,
  updatedBy: USER,
  updatedDevice: DEVICE,
  updatedAt: AT,
});

export const page = (records: SyncedRecord[], version: number, conflicts: PullResponse['conflicts'] = []): PullResponse => ({
  cookie: { version },
  more: false,
  lastMutationId: null,
  records,
  conflicts,
});

export function outboxContract(makeStore: MakeStore): void {
  describe('outbox', () => {
    it('writes nothing while the device is not joined to a team', async () => {
      const store = await makeStore();
      await store.putBundles([makeBundle({ contacts: [makeContact()], invoices: [makeInvoice()] })]);
      await store.putContact(makeContact({ name: 'Autre nom' }));
      expect(await syncOf(store).counts()).toEqual({ pending: 0, failed: 0 });
    });

    it('once joined, a whole bundle becomes creations, debtor first, with increasing UUIDv7 ids valid for the protocol', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ contacts: [makeContact()], invoices: [makeInvoice()], activities: [makeActivity()], promises: [makePromise()] })]);
      const pending = await sync.pending(100);
      expect(pending.map((m) => m.name)).toEqual(['debtor.create', 'contact.create', 'invoice.create', 'activity.add', 'promise.add']);
      for (const m of pending) expect(Mutation.safeParse(m).success).toBe(true);
      const ids = pending.map((m) => m.id);
      expect([...ids].sort()).toEqual(ids);
      // The invoice travels without the search key the store derives.
      const invoice = pending.find((m) => m.name === 'invoice.create');
      expect(invoice?.name === 'invoice.create' && 'numberKey' in invoice.args.invoice).toBe(false);
    });

    it('a contact edit sends only the fields that changed, with the value the device saw', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ contacts: [makeContact()] })]);
      const before = (await sync.pending(100)).length;
      await store.putContact(makeContact({ phone: '06 12 34 56 78' }));
      const [edit] = (await sync.pending(100)).slice(before);
      expect(edit).toMatchObject({ name: 'contact.update', args: { id: 'c1', base: { phone: makeContact().phone }, set: { phone: '06 12 34 56 78' } } });
      expect(Object.keys((edit as { args: { set: object } }).args.set)).toEqual(['phone']);
    });

    it('a failed change leaves no outbox row, and a change the protocol cannot carry is refused whole', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
      const before = await sync.counts();
      await expect(store.putContact(makeContact({ debtorId: 'ghost' }))).rejects.toMatchObject({ kind: 'not_found' });
      await expect(store.recordPayment({ id: 'pay-x', debtorId: 'd1', amountCents: 999_999_999, date: '2026-11-17', means: 'transfer', invoiceIds: ['i1'], at: AT, agent: 'A', summary: 's' }, '2026-11-23')).rejects.toMatchObject({ kind: 'invalid' });
      // A payment activity with broken details passes the store's schema but not the protocol's: nothing is kept.
      await expect(store.addActivity(makeActivity({ id: 'a-bad', type: 'payment', details: { amountCents: -5 } }))).rejects.toMatchObject({ kind: 'invalid' });
      expect(await sync.counts()).toEqual(before);
      expect((await store.getDossier('d1'))?.activities.map((a) => a.id)).not.toContain('a-bad');
    });

    it('a payment sends its activity only: paid amounts and promise status are derived on each device', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ invoices: [makeInvoice()], promises: [makePromise()] })]);
      const before = (await sync.pending(100)).length;
      await store.recordPayment({ id: 'pay-1', debtorId: 'd1', amountCents: 120_000, date: '2026-11-17', means: 'transfer', invoiceIds: ['i1'], at: AT, agent: 'A', summary: 'Virement' }, '2026-11-23');
      expect((await names(sync)).slice(before)).toEqual(['activity.add']);
    });

    it('payments recorded from an imported file send one activity each, and nothing when imported again', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ invoices: [makeInvoice()], promises: [makePromise()] })]);
      const before = (await sync.pending(100)).length;
      const entry = (id: string, amountCents: number) => ({ id, debtorId: 'd1', amountCents, date: '2026-11-17', means: 'transfer' as const, invoiceIds: ['i1'], at: AT, agent: 'A', summary: 'Virement' });
      await store.recordPayments([entry('pay-imp-a', 100_000), entry('pay-imp-b', 20_000)], '2026-11-23');
      await store.recordPayments([entry('pay-imp-a', 100_000)], '2026-11-23');
      expect((await names(sync)).slice(before)).toEqual(['activity.add', 'activity.add']);
    });

    it('a plan travels as its proposal, then its decision with the promises it creates', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
      const before = (await sync.pending(100)).length;
      await store.proposePlan(plan());
      await store.decidePlan('plan-1', { status: 'approved', decidedBy: 'Lead', decidedAt: AT, note: 'Accord', activity: makeActivity({ id: 'a-dec', type: 'note' }) });
      const after = (await sync.pending(100)).slice(before);
      expect(after.map((m) => m.name)).toEqual(['plan.propose', 'plan.decide', 'activity.add', 'promise.add', 'promise.add']);
      expect(after[1]).toMatchObject({ args: { id: 'plan-1', decision: 'approved', note: 'Accord' } });
    });

    it('rate tables are a team setting', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putRateSettings({ ...DEFAULT_RATE_SETTINGS, contractual: { d1: 1200 } });
      expect(await sync.pending(10)).toEqual([expect.objectContaining({ name: 'teamSetting.set', args: { setting: { key: 'rates', value: expect.objectContaining({ contractual: { d1: 1200 } }) } } })]);
    });

    it('settles a push: applied rows go, a refused one is kept aside with its reason, lost edits are kept until dismissed', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ contacts: [makeContact()] })]);
      const [debtor, contact] = await sync.pending(10);
      const lost = { mutationId: contact!.id, kind: 'contact' as const, recordId: 'c1', field: 'phone', lost: '1', kept: '2', version: 7 };
      await sync.settle([
        { id: debtor!.id, status: 'applied', version: 6 },
        { id: contact!.id, status: 'rejected', version: 7, code: 'forbidden', lost: [lost] },
      ]);
      expect(await sync.counts()).toEqual({ pending: 0, failed: 1 });
      expect(await sync.failed()).toEqual([{ mutation: contact, reason: 'forbidden' }]);
      expect(await sync.lostEdits()).toEqual([lost]);
      await sync.dismissLostEdit(lost);
      expect(await sync.lostEdits()).toEqual([]);
      // The same lost edit coming back with a pull stays dismissed.
      await sync.applyPull(page([], 7, [lost]), '2026-11-23');
      expect(await sync.lostEdits()).toEqual([]);
    });

    it('a pulled page writes no outbox row, recomputes the summary, keeps pending local edits on top, and tombstones delete', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ contacts: [makeContact()] })]);
      await sync.settle((await sync.pending(10)).map((m) => ({ id: m.id, status: 'applied' as const })));
      await store.putContact(makeContact({ phone: '06 00 00 00 01' }));
      const debtor = (await store.getDossier('d1'))!.debtor;
      await sync.applyPull(
        page(
          [
            synced('debtor', 'd1', 3, { ...debtor, name: 'Renamed by a teammate' }),
            synced('contact', 'c1', 4, makeContact({ phone: '01 99 99 99 99', email: 'team@exemple.fr' })),
            synced('invoice', 'i9', 5, makeInvoice({ id: 'i9', number: 'FA-9', amountInclVatCents: 50_000 })),
          ],
          5,
        ),
        '2026-11-23',
      );
      expect(await sync.pending(10)).toHaveLength(1);
      const dossier = await store.getDossier('d1');
      expect(dossier?.debtor.name).toBe('Renamed by a teammate');
      // The teammate's email is taken; this device's phone edit, not pushed yet, stays until the server decides.
      expect(dossier?.contacts[0]).toMatchObject({ phone: '06 00 00 00 01', email: 'team@exemple.fr' });
      expect((await summaryOf(store, 'd1'))?.name).toBe('Renamed by a teammate');
      expect(await sync.checkpoint()).toMatchObject({ cookie: { version: 5 } });

      await sync.applyPull(page([synced('debtor', 'd1', 6, null, true)], 6), '2026-11-23');
      expect(await store.getDossier('d1')).toBeUndefined();
      expect(await summaryOf(store, 'd1')).toBeUndefined();
    });

    it("a lead's segment override travels on its own, and a pulled one applies unless this device's is still pending", async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle()]);
      await sync.settle((await sync.pending(10)).map((m) => ({ id: m.id, status: 'applied' as const })));
      const lead = { name: 'Nadia Roche', role: 'lead' as const };
      await store.setSegmentOverride('d1', { segment: 'bad_payer', reason: 'Relances ignorées', by: lead, at: AT });
      const [set] = await sync.pending(10);
      const decided = { segment: 'bad_payer', by: 'Nadia Roche', at: AT, reason: 'Relances ignorées' };
      expect(set).toMatchObject({ name: 'debtor.setSegmentOverride', args: { id: 'd1', base: { segmentOverride: null }, set: { segmentOverride: decided } } });
      expect(Mutation.safeParse(set).success).toBe(true);
      // Only the override: the debtor's other fields did not change, so no debtor.update rides along.
      expect(await names(sync)).toEqual(['debtor.setSegmentOverride']);

      // Until pushed, a teammate's version of the debtor does not take this device's decision away.
      const debtor = (await store.getDossier('d1'))!.debtor;
      const { segmentOverride: _mine, ...withoutOverride } = debtor;
      await sync.applyPull(page([synced('debtor', 'd1', 3, { ...withoutOverride, name: 'Renamed' })], 3), '2026-11-23');
      expect((await store.getDossier('d1'))?.debtor).toMatchObject({ name: 'Renamed', segmentOverride: decided });

      await sync.settle([{ id: set!.id, status: 'applied' }]);
      const other = { segment: 'reliable', by: 'Other Lead', at: AT, reason: 'Paie à 3 jours' };
      await sync.applyPull(page([synced('debtor', 'd1', 4, { ...withoutOverride, segmentOverride: other })], 4), '2026-11-23');
      expect((await store.getDossier('d1'))?.debtor.segmentOverride).toEqual(other);
      expect((await summaryOf(store, 'd1'))?.history?.override).toBe('reliable');

      await store.setSegmentOverride('d1', { segment: null, reason: '', by: lead, at: AT });
      expect((await sync.pending(10)).map((m) => m.args)).toEqual([{ id: 'd1', base: { segmentOverride: other }, set: { segmentOverride: null } }]);
      expect(await sync.counts()).toEqual({ pending: 1, failed: 0 });
    });

    it("an agent's change of the debtor's kind goes out as a debtor.update of kind alone", async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle()]);
      await sync.settle((await sync.pending(10)).map((m) => ({ id: m.id, status: 'applied' as const })));
      await store.setDebtorKind('d1', 'consumer', AT);
      const [update] = await sync.pending(10);
      expect(update).toMatchObject({ name: 'debtor.update', args: { id: 'd1', base: { kind: 'business' }, set: { kind: 'consumer' } } });
      expect(Mutation.safeParse(update).success).toBe(true);
      expect((await store.getDossier('d1'))?.debtor).toMatchObject({ kind: 'consumer', updatedAt: AT });
      // The same kind again writes nothing, so nothing more goes out.
      await store.setDebtorKind('d1', 'consumer', AT);
      expect(await names(sync)).toEqual(['debtor.update']);
    });

    it('a pulled payment settles the invoice and keeps the promise on this device too', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ invoices: [makeInvoice()], promises: [makePromise({ dueDate: '2026-11-30' })] })]);
      await sync.settle((await sync.pending(10)).map((m) => ({ id: m.id, status: 'applied' as const })));
      const payment = makeActivity({
        id: 'pay-team',
        type: 'payment',
        at: '2026-11-20T09:00:00.000Z',
        outcome: 'received',
        details: { amountCents: 120_000, invoiceIds: ['i1'], means: 'transfer', date: '2026-11-20', allocations: [{ invoiceId: 'i1', cents: 120_000 }] },
      });
      await sync.applyPull(page([synced('activity', 'pay-team', 9, payment)], 9), '2026-11-23');
      const dossier = await store.getDossier('d1');
      expect(dossier?.invoices[0]).toMatchObject({ amountPaidCents: 120_000, status: 'paid' });
      expect(dossier?.promises[0]).toMatchObject({ status: 'kept', paidCents: 120_000 });
      expect(await sync.counts()).toEqual({ pending: 0, failed: 0 });
    });

    it('an agent’s upload leaves out what only a lead may send', async () => {
      const store = await makeStore();
      const sync = syncOf(store);
      await store.putBundles([makeBundle()]);
      await store.putRateSettings({ ...DEFAULT_RATE_SETTINGS, contractual: { d1: 900 } });
      await store.proposePlan(plan({ invoiceIds: [] }));
      await sync.join({ serverUrl: 'http://127.0.0.1:8787', deviceName: 'Phone', role: 'agent' }, AT);
      await sync.uploadAll(AT);
      expect(await names(sync)).toEqual(['debtor.create', 'plan.propose']);
    });

    it('a restored backup stays on the device: the team link kept, nothing sent, the pulls started over', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle({ contacts: [makeContact()] })]);
      const backup = await store.exportBackup();
      await sync.settle((await sync.pending(10)).map((m) => ({ id: m.id, status: 'applied' as const })));
      await sync.applyPull(page([], 30), '2026-11-23');
      await store.restoreBackup(backup);
      expect(await store.counts()).toMatchObject({ debtors: 1 });
      expect(await sync.teamLink()).toMatchObject({ deviceName: 'Laptop' });
      expect(await sync.counts()).toEqual({ pending: 0, failed: 0 });
      expect(await sync.checkpoint()).toMatchObject({ cookie: null });
    });

    it('clearAll keeps the device in its team and starts its pulls over', async () => {
      const { store, sync } = await joined(makeStore);
      await store.putBundles([makeBundle()]);
      await sync.applyPull(page([], 12), '2026-11-23');
      await store.clearAll();
      expect(await store.counts()).toEqual({ debtors: 0, invoices: 0 });
      expect(await sync.teamLink()).toMatchObject({ deviceName: 'Laptop' });
      expect(await sync.checkpoint()).toMatchObject({ cookie: null });
      // The creation made before the clear is still owed to the team.
      expect(await names(sync)).toEqual(['debtor.create']);
    });

    it('upload enqueues every shared record once; leaving stops the outbox', async () => {
      const store = await makeStore();
      const sync = syncOf(store);
      await store.putBundles([makeBundle({ contacts: [makeContact()], invoices: [makeInvoice()] })]);
      // A payment activity without details (stored by a version before they existed) travels as history; one
      // the protocol refuses (broken details) is left out, not the whole upload.
      await store.addActivity(makeActivity({ id: 'a-old-payment', type: 'payment' }));
      await store.addActivity(makeActivity({ id: 'a-broken-payment', type: 'payment', details: { amountCents: 'cent' } }));
      await sync.join({ serverUrl: 'http://127.0.0.1:8787', deviceName: 'Laptop' }, AT);
      expect(await sync.hasLocalData()).toBe(true);
      const { queued, skipped } = await sync.uploadAll(AT);
      expect(queued).toBe((await sync.pending(100)).length);
      expect(skipped).toBe(1);
      const uploaded = (await sync.pending(100)).flatMap((m) => (m.name === 'activity.add' ? [m.args.activity.id] : []));
      expect(uploaded).toContain('a-old-payment');
      expect(uploaded).not.toContain('a-broken-payment');
      expect((await names(sync)).slice(0, 3)).toEqual(['debtor.create', 'contact.create', 'invoice.create']);
      await sync.leave();
      await store.putContact(makeContact({ name: 'Seule' }));
      expect(await sync.counts()).toEqual({ pending: 0, failed: 0 });
      expect(await sync.teamLink()).toBeUndefined();
    });
  });
}
