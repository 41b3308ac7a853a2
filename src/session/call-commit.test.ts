import { describe, expect, it, vi } from 'vitest';
import { bundleFixture, idSequence, TODAY } from '../domain/call/call.fixtures';
import type { CallOutcome } from '../domain/call/outcome';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../domain/penalties/rates';
import { COMPLETED_CALL, drive, startCall, TO_DELAY_REASON } from '../machines/call.testing';
import type { CallEvent } from '../machines/call.types';
import { commitCallOutcome, outcomeDossier, type CommitDeps } from './call-commit';

const RATES = { schemaVersion: 1 as const, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };

function endedContext(events: readonly CallEvent[]) {
  const { actor } = startCall();
  drive(actor, events);
  return actor.getSnapshot().context;
}

function deps(over: Partial<CommitDeps> = {}) {
  const order: string[] = [];
  const committed: CallOutcome[] = [];
  const d: CommitDeps = {
    store: {
      commitCallOutcome: async (_callId, outcome) => {
        order.push('commit');
        committed.push(outcome);
      },
      getRateSettings: async () => RATES,
    },
    rescue: { clear: vi.fn() },
    writer: { close: async () => void order.push('close') },
    bundle: bundleFixture(),
    newId: idSequence('o'),
    today: () => TODAY,
    ...over,
  };
  return { d, order, committed };
}

describe('commitCallOutcome', () => {
  it('lands every write of the call first, then commits its outcome and drops the copy aside', async () => {
    const { d, order, committed } = deps();
    const outcome = await commitCallOutcome(endedContext(COMPLETED_CALL), '2026-11-18T09:45:00.000Z', d);
    expect(order).toEqual(['close', 'commit']);
    expect(committed).toEqual([outcome]);
    expect(outcome.activity).toMatchObject({ type: 'call', at: '2026-11-18T09:45:00.000Z' });
    expect(d.rescue?.clear).toHaveBeenCalledWith('call-1');
  });

  it('commits nothing when the last writes cannot land, and keeps the copy aside', async () => {
    const { d, order } = deps({ writer: { close: () => Promise.reject(new Error('disk full')) } });
    await expect(commitCallOutcome(endedContext(COMPLETED_CALL), '2026-11-18T09:45:00.000Z', d)).rejects.toThrow('disk full');
    expect(order).toEqual([]);
    expect(d.rescue?.clear).not.toHaveBeenCalled();
  });
});

describe('outcomeDossier', () => {
  it('reads the rates only for a plan offer, to price it with the penalties accrued today', async () => {
    const getRateSettings = vi.fn(async () => RATES);
    const store = { commitCallOutcome: async () => undefined, getRateSettings };
    const promise = await outcomeDossier(endedContext(COMPLETED_CALL), { store, bundle: bundleFixture(), today: () => TODAY });
    expect(promise).toEqual({ previousAttempts: expect.any(Array) });
    expect(getRateSettings).not.toHaveBeenCalled();

    const plan = endedContext([
      ...TO_DELAY_REASON,
      { type: 'SET_REASON', code: 'cash_flow' },
      { type: 'NEXT' },
      { type: 'PROPOSE_PLAN', instalments: [{ date: '2026-12-15', amountCents: 90_000 }, { date: '2027-01-15', amountCents: 90_000 }] },
    ]);
    const dossier = await outcomeDossier(plan, { store, bundle: bundleFixture(), today: () => TODAY });
    expect(getRateSettings).toHaveBeenCalledTimes(1);
    expect(dossier.planBases).toBeDefined();
  });
});
