import { describe, expect, it } from 'vitest';
import { leaveStep } from './step-timing';

const START = '2026-11-18T09:00:00.000Z';

describe('leaveStep', () => {
  it('adds the time since the step was entered (or the call started) to that step', () => {
    const first = leaveStep({ step: 'presentation', startedAt: START }, '2026-11-18T09:00:12.000Z');
    expect(first).toEqual({ stepSeconds: { presentation: 12 }, stepSince: '2026-11-18T09:00:12.000Z' });
    const second = leaveStep({ step: 'identification', startedAt: START, ...first }, '2026-11-18T09:00:42.500Z');
    expect(second).toEqual({ stepSeconds: { presentation: 12, identification: 30.5 }, stepSince: '2026-11-18T09:00:42.500Z' });
    const back = leaveStep({ step: 'presentation', startedAt: START, ...second }, '2026-11-18T09:00:50.500Z');
    expect(back).toMatchObject({ stepSeconds: { presentation: 20, identification: 30.5 } });
  });

  it('changes nothing without a valid time, and never counts backwards', () => {
    expect(leaveStep({ step: 'presentation', startedAt: START }, undefined)).toEqual({});
    expect(leaveStep({ step: 'presentation', startedAt: START }, 'hier')).toEqual({});
    expect(leaveStep({ step: 'presentation', startedAt: START }, '2026-11-18T08:59:00.000Z')).toMatchObject({ stepSeconds: { presentation: 0 } });
  });
});
