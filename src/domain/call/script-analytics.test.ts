import { describe, expect, it } from 'vitest';
import { callForAnalytics, scriptVersionStats, type CallForAnalytics } from './script-analytics';

const call = (over: Partial<CallForAnalytics>): CallForAnalytics => ({
  scriptId: 'team.fr', scriptVersion: 1, ending: { type: 'completed' }, endedAtStep: 'formalisation', commitment: null, durationSeconds: 300, ...over,
});

describe('scriptVersionStats', () => {
  it('keeps versions apart and counts how far calls got', () => {
    const stats = scriptVersionStats([
      call({}),
      call({ ending: { type: 'refusal' }, endedAtStep: 'explanation', durationSeconds: 60 }),
      call({ scriptVersion: 2, commitment: { kind: 'promise', amountCents: 100 } }),
    ]);
    expect(stats.map((s) => [s.version, s.calls])).toEqual([[1, 2], [2, 1]]);
    const v1 = stats[0]!;
    expect(v1.reached.presentation).toBe(2);
    expect(v1.reached.explanation).toBe(2);
    expect(v1.reached.listening).toBe(1);
    expect(v1.endings).toEqual({ completed: 1, refusal: 1 });
    expect(v1.averageSeconds).toBe(180);
    expect(v1.promiseRate).toBe(0);
    expect(stats[1]!.promiseRate).toBe(1);
  });

  it('averages step times over the calls that timed them only', () => {
    const [s] = scriptVersionStats([call({ stepSeconds: { presentation: 10, explanation: 40 } }), call({ stepSeconds: { presentation: 20 } }), call({})]);
    expect(s!.averageStepSeconds.presentation).toBe(15);
    expect(s!.averageStepSeconds.explanation).toBe(40);
    expect(s!.averageStepSeconds.conclusion).toBeNull();
  });

  it('gives the promise rate after each objection answer, one use per call', () => {
    const used = [{ objectionId: 'cash_flow', answer: 0 }, { objectionId: 'cash_flow', answer: 0 }, { objectionId: 'cash_flow', answer: 1 }];
    const [s] = scriptVersionStats([
      call({ objectionsUsed: used, commitment: { kind: 'promise', amountCents: 5 } }),
      call({ objectionsUsed: [{ objectionId: 'cash_flow', answer: 0 }] }),
    ]);
    expect(s!.objections.cash_flow).toEqual({ 0: { uses: 2, promises: 1 }, 1: { uses: 1, promises: 1 } });
  });

  it('folds 300,000 calls in one pass', () => {
    const calls: CallForAnalytics[] = Array.from({ length: 300_000 }, (_, i) =>
      call({ scriptVersion: 1 + (i % 3), commitment: i % 4 === 0 ? { kind: 'promise' } : null, stepSeconds: { presentation: 5, explanation: 30 }, objectionsUsed: [{ objectionId: `o${i % 10}`, answer: i % 2 }] }),
    );
    const started = performance.now();
    const stats = scriptVersionStats(calls);
    const ms = performance.now() - started;
    console.log(`script analytics: 300,000 calls folded in ${ms.toFixed(0)} ms`);
    expect(stats.reduce((n, s) => n + s.calls, 0)).toBe(300_000);
    expect(stats[0]!.promises + stats[1]!.promises + stats[2]!.promises).toBe(75_000);
  });
});

describe('callForAnalytics', () => {
  it('reads what analytics needs from stored details and refuses what it cannot read', () => {
    const stored = { ...call({ stepSeconds: { presentation: 4 }, objectionsUsed: [{ objectionId: 'o', answer: 1 }] }), captures: {}, callId: 'c1' };
    expect(callForAnalytics(stored)).toMatchObject({ scriptId: 'team.fr', stepSeconds: { presentation: 4 }, objectionsUsed: [{ objectionId: 'o', answer: 1 }] });
    expect(callForAnalytics({ ...stored, endedAtStep: 'nowhere' })).toBeNull();
    expect(callForAnalytics(null)).toBeNull();
  });

  it('counts only promises to pay in the promise rate, not plan offers, disputes or no commitment', () => {
    const [s] = scriptVersionStats([
      call({ commitment: { kind: 'promise' } }),
      call({ commitment: { kind: 'plan' } }),
      call({ commitment: { kind: 'dispute' } }),
      call({ commitment: { kind: 'none', why: 'x' } }),
    ]);
    expect(s!.promises).toBe(1);
    expect(s!.promiseRate).toBe(0.25);
  });
});
