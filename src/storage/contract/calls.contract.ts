/**
 * Contract: calls in progress and the ways a call leaves them (outcome committed, recovered, discarded).
 */
import { describe, expect, it } from 'vitest';
import { openItemsOf } from '../../domain/summary';
import { bundleFixture, idSequence } from '../../domain/call/call.fixtures';
import { callOutcome } from '../../domain/call/outcome';
import { planBases } from '../../domain/call/outcome-plan';
import { recoveredActivity } from '../../domain/call/recovery';
import type { Invoice } from '../../domain/entities';
import { AFTER_COMMITMENT, COMPLETED_CALL, TO_DELAY_REASON, callInput, drive, startCall } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import type { CadenceStore, CallRecordInput } from '../api';
import { summaryOf, type MakeStore } from './harness';

const AT = '2026-11-18T09:40:00.000Z';

function driven(events: readonly CallEvent[], callId = 'call-1') {
  const { actor, saved } = startCall(callInput({ callId }));
  drive(actor, events);
  return { actor, saved, last: saved.at(-1)! };
}

function record(envelope: CallRecordInput['envelope'], updatedAt = AT): CallRecordInput {
  const { callId, debtorId } = envelope.snapshot.context;
  return { callId, debtorId, updatedAt, envelope };
}

/** A completed call saved as in progress, and the outcome it would commit. */
async function savedCompletedCall(store: CadenceStore) {
  const { actor, last } = driven(COMPLETED_CALL);
  await store.saveCall(record(last));
  return { actor, outcome: callOutcome(actor.getSnapshot().context, AT, idSequence('new')) };
}

export function callsContract(makeStore: MakeStore): void {
  async function setup() {
    const store = await makeStore();
    await store.putBundles([bundleFixture()]);
    return store;
  }

  describe('calls in progress', () => {
    it('keeps the latest write of each call and lists a debtor’s calls newest first', async () => {
      const store = await setup();
      const a = driven(TO_DELAY_REASON.slice(0, 2), 'call-a');
      await store.saveCall(record(a.saved[0]!, '2026-11-18T09:30:00.000Z'));
      await store.saveCall(record(a.last, '2026-11-18T09:31:00.000Z'));
      const b = driven([], 'call-b');
      await store.saveCall(record(b.last, '2026-11-18T09:35:00.000Z'));

      const stored = await store.getCall('call-a');
      expect(stored?.envelope).toEqual(JSON.parse(JSON.stringify(a.last)));
      expect((await store.activeCalls('d1')).map((c) => c.callId)).toEqual(['call-b', 'call-a']);
      expect(await store.activeCalls('someone-else')).toEqual([]);
      expect((await store.activeCalls()).length).toBe(2);
    });

    it('refuses an envelope that is not a call snapshot, or that belongs to another call, and writes nothing', async () => {
      const store = await setup();
      const { last } = driven([]);
      const broken = { ...last, snapshot: { ...last.snapshot, context: { ...last.snapshot.context, step: 'dancing' } } };
      await expect(store.saveCall(record(broken as typeof last))).rejects.toMatchObject({ kind: 'invalid', store: 'calls' });
      await expect(store.saveCall({ ...record(last), callId: 'call-2' })).rejects.toMatchObject({ kind: 'invalid', store: 'calls' });
      expect(await store.activeCalls()).toEqual([]);
    });

    it('restoreCall puts back a call kept aside, even from an older machine version, unless a newer save is stored', async () => {
      const store = await setup();
      const { saved } = driven(TO_DELAY_REASON.slice(0, 3));
      await store.saveCall(record(saved[0]!, '2026-11-18T09:30:00.000Z'));
      const kept = record(saved.at(-1)!, '2026-11-18T09:31:00.000Z');
      expect(await store.restoreCall(kept)).toBe('restored');
      expect(await store.getCall('call-1')).toEqual(kept);
      expect(await store.restoreCall(record(saved[0]!, '2026-11-18T09:30:30.000Z'))).toBe('stale');
      expect(await store.getCall('call-1')).toEqual(kept);
      const old = { callId: 'old', debtorId: 'd1', updatedAt: AT, envelope: { machineVersion: 0, snapshot: { context: { notes: 'vieux' } } } };
      expect(await store.restoreCall(old)).toBe('restored');
      expect(await store.getCall('old')).toEqual(old);
    });

    it('restoreCall refuses a kept copy without ids, time or snapshot, and writes nothing', async () => {
      const store = await setup();
      const envelope = driven([]).last;
      await expect(store.restoreCall({ ...record(envelope), updatedAt: 'now' })).rejects.toMatchObject({ kind: 'invalid', store: 'calls' });
      await expect(store.restoreCall({ ...record(envelope), envelope: undefined })).rejects.toMatchObject({ kind: 'invalid', store: 'calls' });
      expect(await store.activeCalls()).toEqual([]);
    });

    it('clearAll empties the calls too', async () => {
      const store = await setup();
      await store.saveCall(record(driven([]).last));
      await store.clearAll();
      expect(await store.activeCalls()).toEqual([]);
    });
  });

  describe('commitCallOutcome', () => {
    it('writes the activity, promise, tasks and corrected contact, refreshes the summary and closes the call', async () => {
      const store = await setup();
      const { outcome } = await savedCompletedCall(store);
      await store.commitCallOutcome('call-1', outcome);

      const dossier = await store.getDossier('d1');
      expect(dossier?.activities).toEqual([outcome.activity]);
      expect(dossier?.promises).toEqual([outcome.promise]);
      expect(dossier?.tasks.map((t) => t.kind).sort()).toEqual(['check_promise', 'send_recap']);
      expect(dossier?.contacts.find((c) => c.id === 'c1')).toMatchObject({ name: 'Claire Dubois', role: 'accounts_payable', phone: '04 72 00 00 00' });
      const summary = await summaryOf(store, 'd1');
      expect(summary?.promises?.map((p) => p.id)).toEqual([outcome.promise?.id]);
      expect(summary?.lastAction).toMatchObject({ type: 'call', outcome: 'completed' });
      expect(await store.getCall('call-1')).toBeUndefined();
    });

    it('a wrong person gives a new preferred contact, clears the others’ flag, and books the call-back', async () => {
      const store = await setup();
      const wrong: CallEvent = {
        type: 'WRONG_PERSON',
        contact: { name: 'Luc Petit', role: 'accounts_payable', phone: '04 00 00 00 01' },
        callBack: { date: '2026-11-20', time: '10:30' },
      };
      const { actor, last } = driven([wrong]);
      await store.saveCall(record(last));
      await store.commitCallOutcome('call-1', callOutcome(actor.getSnapshot().context, AT, idSequence('new')));
      const dossier = await store.getDossier('d1');
      expect(dossier?.contacts.filter((c) => c.preferred).map((c) => c.name)).toEqual(['Luc Petit']);
      expect(dossier?.contacts).toHaveLength(3);
      expect(dossier?.tasks).toEqual([expect.objectContaining({ kind: 'call_back', dueDate: '2026-11-20', dueTime: '10:30' })]);
    });

    it('marks disputed invoices disputed, with the reason, so chasing pauses for them', async () => {
      const store = await setup();
      const events: CallEvent[] = [
        ...TO_DELAY_REASON.slice(0, 4),
        { type: 'RAISE_DISPUTE', invoiceIds: ['i1'], why: 'Livraison incomplète' },
        ...TO_DELAY_REASON.slice(4),
        { type: 'NEXT' },
        { type: 'NEXT' },
        { type: 'NEXT' },
        { type: 'NEXT' },
        { type: 'NEXT' },
        { type: 'CAPTURE', stepId: 'formalisation', fieldId: 'recap_channel', value: 'email' },
        { type: 'FINISH' },
      ];
      const { actor, last } = driven(events);
      await store.saveCall(record(last));
      await store.commitCallOutcome('call-1', callOutcome(actor.getSnapshot().context, AT, idSequence('new')));
      const i1 = (await store.getDossier('d1'))?.invoices.find((i) => i.id === 'i1');
      expect(i1).toMatchObject({ status: 'disputed', disputeReason: 'Livraison incomplète' });
      // The summary flags as disputed exactly the dossier's disputed invoices, i1 now among them.
      const balance = (i: { amountInclVatCents: number; amountPaidCents: number }) => i.amountInclVatCents - i.amountPaidCents;
      const invoices = (await store.getDossier('d1'))?.invoices ?? [];
      const disputedBefore = invoices.filter((i) => i.status === 'disputed' && i.id !== 'i1').map(balance);
      const flagged = openItemsOf((await summaryOf(store, 'd1'))!).filter((i) => i.disputed).map((i) => i.outstandingCents);
      expect(flagged.sort((x, y) => x - y)).toEqual([...disputedBefore, balance(i1!)].sort((x, y) => x - y));
    });

    it('is all or nothing: one bad change leaves the dossier and the call in progress as they were', async () => {
      const store = await setup();
      const { actor, last } = driven(COMPLETED_CALL);
      await store.saveCall(record(last));
      const before = await store.getDossier('d1');
      const outcome = callOutcome(actor.getSnapshot().context, AT, idSequence('new'));
      const bad = { ...outcome, invoiceChanges: [{ invoiceId: 'i1', status: 'disputed' as const, disputeReason: 'x' }, { invoiceId: 'nope', status: 'disputed' as const, disputeReason: 'x' }] };
      await expect(store.commitCallOutcome('call-1', bad)).rejects.toMatchObject({ kind: 'not_found', key: 'nope' });
      expect(await store.getDossier('d1')).toEqual(before);
      expect(await store.getCall('call-1')).toBeDefined();
    });

    it('commits once: a second commit of the same call is refused and writes nothing', async () => {
      const store = await setup();
      const { actor, outcome } = await savedCompletedCall(store);
      await store.commitCallOutcome('call-1', outcome);
      const again = callOutcome(actor.getSnapshot().context, AT, idSequence('again'));
      await expect(store.commitCallOutcome('call-1', again)).rejects.toMatchObject({ kind: 'not_found', store: 'calls' });
      expect((await store.getDossier('d1'))?.activities).toHaveLength(1);
    });

    describe('with a payment-plan offer', () => {
      const planEvents: CallEvent[] = [
        ...TO_DELAY_REASON,
        { type: 'SET_REASON', code: 'cash_flow' },
        { type: 'NEXT' },
        { type: 'PROPOSE_PLAN', instalments: [{ date: '2026-11-30', amountCents: 90_000 }, { date: '2026-12-30', amountCents: 90_000 }] },
        ...AFTER_COMMITMENT,
        { type: 'FINISH' },
      ];
      const bases = planBases(bundleFixture().invoices, '2026-11-18', 0);

      it('writes the plan proposal in the same transaction, for the lead to decide', async () => {
        const store = await setup();
        const { actor, last } = driven(planEvents);
        await store.saveCall(record(last));
        const outcome = callOutcome(actor.getSnapshot().context, AT, idSequence('new'), { planBases: bases });
        expect(outcome.plan).not.toBeNull();
        await store.commitCallOutcome('call-1', outcome);
        expect(await store.listPlans({ debtorId: 'd1', status: 'proposed' })).toEqual([outcome.plan]);
        expect((await store.getDossier('d1'))?.activities[0]?.details).toMatchObject({ planId: outcome.plan?.id, planStatus: 'awaiting_approval' });
      });

      it('refuses a plan whose instalments do not add up, and writes nothing of the call', async () => {
        const store = await setup();
        const { actor, last } = driven(planEvents);
        await store.saveCall(record(last));
        const outcome = callOutcome(actor.getSnapshot().context, AT, idSequence('new'), { planBases: bases });
        const plan = outcome.plan!;
        const bad = { ...outcome, plan: { ...plan, instalments: [{ dueDate: '2026-11-30', amountCents: 1_000 }] } };
        await expect(store.commitCallOutcome('call-1', bad)).rejects.toMatchObject({ kind: 'invalid', store: 'plans' });
        await expect(store.commitCallOutcome('call-1', { ...outcome, plan: { ...plan, status: 'approved' } })).rejects.toMatchObject({ kind: 'invalid' });
        expect(await store.listPlans({ debtorId: 'd1' })).toEqual([]);
        expect((await store.getDossier('d1'))?.activities).toEqual([]);
        expect(await store.getCall('call-1')).toBeDefined();
      });
    });

    it('refuses an invoice change for another debtor’s invoice', async () => {
      const store = await setup();
      const other: Invoice = { ...bundleFixture().invoices[0]!, id: 'x1', debtorId: 'd2' };
      await store.putBundles([{ ...bundleFixture(), debtor: { ...bundleFixture().debtor, id: 'd2' }, contacts: [], invoices: [other] }]);
      const { outcome } = await savedCompletedCall(store);
      await expect(
        store.commitCallOutcome('call-1', { ...outcome, invoiceChanges: [{ invoiceId: 'x1', status: 'disputed', disputeReason: 'x' }] }),
      ).rejects.toMatchObject({ kind: 'invalid' });
      expect((await store.getDossier('d2'))?.invoices[0]?.status).toBe('open');
    });
  });

  describe('recoverCall and discardCall', () => {
    it('recoverCall writes the recovered activity and closes the call in one go', async () => {
      const store = await setup();
      await store.saveCall(record(driven([{ type: 'SET_NOTES', text: 'Rappeler après le 20' }]).last));
      const activity = recoveredActivity(
        { debtorId: 'd1', callId: 'call-1', scriptId: null, scriptVersion: null, startedAt: null, notes: 'Rappeler après le 20', captures: {}, reason: null, commitment: null, fromVersion: 0 },
        AT,
        'Camille Martin',
        idSequence('rec'),
      );
      await store.recoverCall('call-1', activity);
      expect((await store.getDossier('d1'))?.activities).toEqual([activity]);
      expect(await store.getCall('call-1')).toBeUndefined();
      await expect(store.recoverCall('call-1', activity)).rejects.toMatchObject({ kind: 'not_found' });
    });

    it('discardCall deletes the call in progress', async () => {
      const store = await setup();
      await store.saveCall(record(driven([]).last));
      await store.discardCall('call-1');
      expect(await store.activeCalls()).toEqual([]);
    });
  });
}
