import { describe, expect, it } from 'vitest';
import { progressOf, teamSummary } from './progress';
import type { TrainingSessionRecord } from './session-record';
import good from './transcripts/good-call.fr.json';
import { Transcript } from './transcript';

const transcript = Transcript.parse(good);
function record(id: string, trainee: string, endedAt: string, score: number): TrainingSessionRecord {
  return { schemaVersion: 1, id, trainee, personaId: 'p', personaName: 'P', startedAt: endedAt, endedAt, score, passed: score >= 70, outcome: 'promise', transcript };
}

describe('training progress', () => {
  const records = [
    record('a', 'Léa', '2026-12-01T10:00:00.000Z', 40),
    record('b', 'Léa', '2026-12-01T09:00:00.000Z', 30),
    record('c', 'Tom', '2026-12-02T09:00:00.000Z', 90),
    record('d', 'Léa', '2026-12-02T10:00:00.000Z', 50),
    record('e', 'Léa', '2026-12-03T10:00:00.000Z', 80),
    record('f', 'Léa', '2026-12-03T11:00:00.000Z', 85),
    record('g', 'Léa', '2026-12-03T12:00:00.000Z', 95),
  ];

  it('lists one trainee’s scores in time order', () => {
    expect(progressOf(records, 'Léa').map((p) => p.score)).toEqual([30, 40, 50, 80, 85, 95]);
    expect(progressOf(records, 'Nobody')).toEqual([]);
  });

  it('sums up each trainee on the device, with the trend of the last three against the three before', () => {
    expect(teamSummary(records)).toEqual([
      { trainee: 'Léa', sessions: 6, passed: 3, best: 95, last: 95, lastAt: '2026-12-03T12:00:00.000Z', trend: 'up' },
      { trainee: 'Tom', sessions: 1, passed: 1, best: 90, last: 90, lastAt: '2026-12-02T09:00:00.000Z', trend: 'flat' },
    ]);
  });
});
