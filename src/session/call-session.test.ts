import { describe, expect, it, vi } from 'vitest';
import { STARTED_AT, bundleFixture } from '../domain/call/call.fixtures';
import { AFTER_COMMITMENT, COMPLETED_CALL, TO_DELAY_REASON } from '../machines/call.testing';
import type { Activity } from '../domain/entities';
import type { CadenceStore } from '../storage/api';
import { openCallSession } from './call-session';
import { drive, fakeLocks, sessionOf, setup, storedEnvelope } from './call-session.testing';

describe('call session: persistence', () => {
  it('stores the new call before handing it over, and every transition after', async () => {
    const { store, deps } = await setup();
    const session = sessionOf(await openCallSession('d1', deps()));
    expect(session.resumed).toBe(false);
    expect(session.mode()).toBe('writer');
    expect((await storedEnvelope(store, session.callId))?.snapshot.value).toEqual({ steps: 'presentation' });
    drive(session, TO_DELAY_REASON.slice(0, 4));
    await session.flush();
    const stored = await storedEnvelope(store, session.callId);
    expect(stored?.snapshot.value).toEqual({ steps: 'explanation' });
    expect(stored?.snapshot.context.captures).toEqual({ explanation: { invoices_received: 'yes' } });
    expect(session.saveState()).toMatchObject({ pending: false, error: null });
    session.dispose();
  });

  it('starts the write of a step move after the frame (the defer), and anything typed at once', async () => {
    const { store, deps } = await setup();
    const saved: string[] = [];
    const spy: CadenceStore = {
      ...store,
      saveCall: async (record) => {
        saved.push(JSON.stringify(record.envelope.snapshot.value));
        await store.saveCall(record);
      },
    };
    const deferred: Array<() => void> = [];
    const defer = (start: () => void) => (deferred.push(start), () => undefined);
    const session = sessionOf(await openCallSession('d1', deps({ store: spy, defer })));
    await session.flush();
    saved.length = 0;
    session.send({ type: 'NEXT' });
    expect(saved).toEqual([]);
    expect(deferred).toHaveLength(1);
    deferred.shift()!();
    expect(saved).toEqual([JSON.stringify({ steps: 'identification' })]);
    await session.flush();
    session.send({ type: 'SET_NOTES', text: 'Rappeler le comptable.' });
    expect(saved).toHaveLength(2);
    expect(deferred).toHaveLength(0);
    await session.flush();
    expect((await storedEnvelope(store, session.callId))?.snapshot.context.notes).toBe('Rappeler le comptable.');
    session.dispose();
  });

  it('tells its subscribers once per event sent, after the transition, with the new step and the pending write', async () => {
    const { deps } = await setup();
    const session = sessionOf(await openCallSession('d1', deps()));
    await session.flush();
    const seen: Array<{ step: string; pending: boolean }> = [];
    session.subscribe(() => seen.push({ step: session.snapshot().context.step, pending: session.saveState().pending }));
    session.send({ type: 'NEXT' });
    expect(seen).toEqual([{ step: 'identification', pending: true }]);
    session.send({ type: 'SET_NOTES', text: 'Rappeler.' });
    expect(seen).toHaveLength(2);
    // The write landing later is still told.
    await session.flush();
    expect(seen.at(-1)).toEqual({ step: 'identification', pending: false });
    session.dispose();
  });

  it('coalesces a burst of note keystrokes into few writes, in order, ending on the last text', async () => {
    const { store, deps } = await setup();
    const saved: string[] = [];
    const spy: CadenceStore = {
      ...store,
      saveCall: async (record) => {
        saved.push(record.envelope.snapshot.context.notes);
        await store.saveCall(record);
      },
    };
    const session = sessionOf(await openCallSession('d1', deps({ store: spy })));
    const text = 'Le client règle vendredi par virement.';
    for (let i = 1; i <= text.length; i++) session.send({ type: 'SET_NOTES', text: text.slice(0, i) });
    await session.flush();
    expect((await storedEnvelope(store, session.callId))?.snapshot.context.notes).toBe(text);
    expect(saved.at(-1)).toBe(text);
    expect(saved.length).toBeLessThan(text.length / 2);
    const lengths = saved.map((s) => s.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    session.dispose();
  });

  it('writes the newest notes at once when the page is hidden, even with a write in flight', async () => {
    const { store, deps } = await setup();
    const page = { win: new EventTarget(), doc: Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState }) };
    const started: string[] = [];
    const gates: Array<() => void> = [];
    let slow = false;
    // The real write starts at once (IndexedDB orders it); only its acknowledgement is held back.
    const spy: CadenceStore = {
      ...store,
      saveCall: async (record) => {
        started.push(record.envelope.snapshot.context.notes);
        const written = store.saveCall(record);
        if (slow) await new Promise<void>((r) => gates.push(r));
        await written;
      },
    };
    const session = sessionOf(await openCallSession('d1', deps({ store: spy, page })));
    slow = true;
    session.send({ type: 'SET_NOTES', text: 'a' });
    session.send({ type: 'SET_NOTES', text: 'ab' });
    session.send({ type: 'SET_NOTES', text: 'abc' });
    expect(started.slice(1)).toEqual(['a']);
    page.doc.visibilityState = 'hidden';
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(started.slice(1)).toEqual(['a', 'abc']);
    slow = false;
    session.send({ type: 'SET_NOTES', text: 'abcd' });
    page.win.dispatchEvent(new Event('pagehide'));
    expect(started.at(-1)).toBe('abcd');
    gates.forEach((open) => open());
    await session.flush();
    expect((await storedEnvelope(store, session.callId))?.snapshot.context.notes).toBe('abcd');
    session.dispose();
  });
});

describe('call session: resume', () => {
  it('reopens the debtor’s call at the same step with its captures and notes, and moves its clock to today', async () => {
    const { store, deps } = await setup();
    const first = sessionOf(await openCallSession('d1', deps()));
    drive(first, [...TO_DELAY_REASON.slice(0, 4), { type: 'SET_NOTES', text: 'Rappel du litige de mars' }]);
    first.dispose();
    await first.flush();

    const again = sessionOf(await openCallSession('d1', deps({ today: () => '2026-11-19' })));
    expect(again.resumed).toBe(true);
    expect(again.callId).toBe(first.callId);
    const snap = again.snapshot();
    expect(snap.value).toEqual({ steps: 'explanation' });
    expect(snap.context.notes).toBe('Rappel du litige de mars');
    expect(snap.context.captures).toEqual({ explanation: { invoices_received: 'yes' } });
    expect(snap.context.today).toBe('2026-11-19');
    await again.flush();
    expect((await storedEnvelope(store, first.callId))?.snapshot.context.today).toBe('2026-11-19');
    expect(await store.activeCalls('d1')).toHaveLength(1);
    again.dispose();
  });

  it('saves what an unresumable call holds into the dossier and closes it', async () => {
    const { store, db, deps } = await setup();
    const envelope = { machineVersion: 0, snapshot: { context: { debtorId: 'd1', callId: 'old-1', notes: 'Promet un virement lundi', captures: { listening: { key_points: 'RIB changé' } } } } };
    await db.put('calls', { callId: 'old-1', debtorId: 'd1', updatedAt: STARTED_AT, envelope });
    const opened = await openCallSession('d1', deps());
    expect(opened.kind).toBe('recovered');
    const dossier = await store.getDossier('d1');
    expect(dossier?.activities).toEqual([expect.objectContaining({ outcome: 'recovered', summary: 'Promet un virement lundi' })]);
    expect(dossier?.activities[0]?.details).toMatchObject({ captures: { listening: { key_points: 'RIB changé' } }, recoveredFromVersion: 0 });
    expect(await store.activeCalls()).toEqual([]);
  });

  it('drops an unreadable call, and an unresumable one with nothing typed, without touching the timeline', async () => {
    const { store, db, deps } = await setup();
    await db.put('calls', { callId: 'junk', debtorId: 'd1', updatedAt: STARTED_AT, envelope: 'not json {' });
    expect((await openCallSession('d1', deps())).kind).toBe('unreadable');
    await db.put('calls', { callId: 'empty', debtorId: 'd1', updatedAt: STARTED_AT, envelope: { machineVersion: 0, snapshot: { context: { debtorId: 'd1', notes: ' ' } } } });
    expect(await openCallSession('d1', deps())).toEqual({ kind: 'recovered', activity: null });
    expect(await store.activeCalls()).toEqual([]);
    expect((await store.getDossier('d1'))?.activities).toEqual([]);
  });
});

describe('call session: the end of the call', () => {
  it('commits the outcome when the call ends and leaves no call in progress', async () => {
    const { store, deps } = await setup();
    const session = sessionOf(await openCallSession('d1', deps()));
    drive(session, COMPLETED_CALL);
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    const dossier = await store.getDossier('d1');
    expect(dossier?.activities).toEqual([expect.objectContaining({ type: 'call', outcome: 'completed' })]);
    expect(dossier?.promises).toEqual([expect.objectContaining({ amountCents: 60_000, dueDate: '2026-11-25' })]);
    expect(await store.activeCalls()).toEqual([]);
    session.dispose();
  });

  it('paces the retry with the debtor’s previous calls, read from the dossier', async () => {
    const { store, deps } = await setup();
    const call = (id: string, at: string): Activity => ({ schemaVersion: 1, id, debtorId: 'd1', type: 'call', at, outcome: 'no_answer', summary: '', agent: 'Camille Martin' });
    await store.putBundles([{ ...bundleFixture(), activities: [call('a1', '2026-11-16T09:00:00.000Z'), call('a2', '2026-11-17T09:00:00.000Z')] }]);
    const session = sessionOf(await openCallSession('d1', deps()));
    drive(session, [{ type: 'END_NO_ANSWER' }]);
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    // The third call in a week: no retry before the first of them is a week old (Monday 23, 10:00 in Paris).
    expect((await store.getDossier('d1'))?.tasks).toEqual([expect.objectContaining({ kind: 'retry_call', dueDate: '2026-11-23', dueTime: '10:00' })]);
    session.dispose();
  });

  it('proposes the debtor’s plan offer to the lead with the outcome, penalties accrued today on record', async () => {
    const { store, deps } = await setup();
    const session = sessionOf(await openCallSession('d1', deps()));
    const instalments = [
      { date: '2026-11-30', amountCents: 90_000 },
      { date: '2026-12-30', amountCents: 90_000 },
    ];
    drive(session, [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'cash_flow' }, { type: 'NEXT' }, { type: 'PROPOSE_PLAN', instalments }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    const [plan, ...others] = await store.listPlans({ debtorId: 'd1' });
    expect(others).toEqual([]);
    expect(plan).toMatchObject({ status: 'proposed', invoiceIds: ['i1', 'i2'], balanceCents: 180_000, totalCents: 180_000, penalties: 'waived' });
    // Two late invoices: at least the two 40 € indemnities, plus interest.
    expect(plan?.penaltiesCents).toBeGreaterThan(8_000);
    const state = session.commitState();
    expect(state.kind === 'committed' && state.outcome.plan?.id).toBe(plan?.id);
    session.dispose();
  });

  it('keeps the ended call stored when the commit fails, and commits it on retry', async () => {
    const { store, deps } = await setup();
    let fail = true;
    const flaky: CadenceStore = {
      ...store,
      commitCallOutcome: (id, outcome) => (fail ? Promise.reject(new Error('disk full')) : store.commitCallOutcome(id, outcome)),
    };
    const session = sessionOf(await openCallSession('d1', deps({ store: flaky })));
    drive(session, [{ type: 'END_NO_ANSWER' }]);
    await vi.waitFor(() => expect(session.commitState().kind).toBe('failed'));
    expect((await storedEnvelope(store, session.callId))?.snapshot.value).toBe('no_answer');
    fail = false;
    session.retryCommit();
    await vi.waitFor(() => expect(session.commitState().kind).toBe('committed'));
    expect((await store.getDossier('d1'))?.tasks).toEqual([expect.objectContaining({ kind: 'retry_call' })]);
    session.dispose();
  });

  it('a call found ended but not yet committed (the tab died in between) is committed on opening', async () => {
    const { store, deps } = await setup();
    const failing: CadenceStore = { ...store, commitCallOutcome: () => Promise.reject(new Error('tab killed')) };
    const first = sessionOf(await openCallSession('d1', deps({ store: failing })));
    drive(first, [{ type: 'END_VOICEMAIL', messageLeft: true }]);
    await vi.waitFor(() => expect(first.commitState().kind).toBe('failed'));
    first.dispose();
    const again = sessionOf(await openCallSession('d1', deps()));
    await vi.waitFor(() => expect(again.commitState().kind).toBe('committed'));
    expect((await store.getDossier('d1'))?.activities).toEqual([expect.objectContaining({ outcome: 'voicemail' })]);
  });
});

describe('call session: one writer per call (Web Locks)', () => {
  it('opens a second tab read-only on the same call; it never writes, and takes over when the first lets go', async () => {
    const { store, deps } = await setup();
    const locks = fakeLocks();
    const tabA = sessionOf(await openCallSession('d1', deps({ locks })));
    const tabB = sessionOf(await openCallSession('d1', deps({ locks })));
    expect(tabB.callId).toBe(tabA.callId);
    expect(tabA.mode()).toBe('writer');
    expect(tabB.mode()).toBe('reader');

    drive(tabA, [{ type: 'SET_NOTES', text: 'écrit par A' }]);
    await tabA.flush();
    tabB.send({ type: 'SET_NOTES', text: 'écrit par B' });
    await tabB.flush();
    expect((await storedEnvelope(store, tabA.callId))?.snapshot.context.notes).toBe('écrit par A');

    tabA.dispose();
    await vi.waitFor(() => expect(tabB.mode()).toBe('writer'));
    expect(tabB.snapshot().context.notes).toBe('écrit par A');
    tabB.send({ type: 'SET_NOTES', text: 'écrit par A, puis B' });
    await tabB.flush();
    expect((await storedEnvelope(store, tabA.callId))?.snapshot.context.notes).toBe('écrit par A, puis B');
    tabB.dispose();
  });

  it('the reader learns that the call ended in the writer tab', async () => {
    const { deps } = await setup();
    const locks = fakeLocks();
    const tabA = sessionOf(await openCallSession('d1', deps({ locks })));
    const tabB = sessionOf(await openCallSession('d1', deps({ locks })));
    tabA.send({ type: 'END_WRONG_NUMBER' });
    await vi.waitFor(() => expect(tabA.commitState().kind).toBe('committed'));
    tabA.dispose();
    await vi.waitFor(() => expect(tabB.mode()).toBe('closed'));
  });

  it('two tabs opening the same dossier at once share one call', async () => {
    const { store, deps } = await setup();
    const locks = fakeLocks();
    const [a, b] = await Promise.all([openCallSession('d1', deps({ locks })), openCallSession('d1', deps({ locks }))]);
    expect(sessionOf(a).callId).toBe(sessionOf(b).callId);
    expect(await store.activeCalls('d1')).toHaveLength(1);
  });
});
