/**
 * What the history and the team-lead view show from stored simulations: a trainee's scores in order (the
 * progress chart and its table), and one line per trainee on this device.
 */
import type { TrainingSessionRecord } from './session-record';

export interface ProgressPoint {
  id: string;
  at: string;
  personaName: string;
  score: number;
  passed: boolean;
}

export function progressOf(records: readonly TrainingSessionRecord[], trainee: string): ProgressPoint[] {
  return records
    .filter((r) => r.trainee === trainee)
    .sort((a, b) => a.endedAt.localeCompare(b.endedAt))
    .map((r) => ({ id: r.id, at: r.endedAt, personaName: r.personaName, score: r.score, passed: r.passed }));
}

export interface TraineeSummary {
  trainee: string;
  sessions: number;
  passed: number;
  best: number;
  last: number;
  lastAt: string;
  /** Average of the last three scores against the three before: up, down or flat (within 5 points). */
  trend: 'up' | 'down' | 'flat';
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function teamSummary(records: readonly TrainingSessionRecord[]): TraineeSummary[] {
  const byTrainee = new Map<string, TrainingSessionRecord[]>();
  for (const r of records) byTrainee.set(r.trainee, [...(byTrainee.get(r.trainee) ?? []), r]);
  return [...byTrainee.entries()]
    .map(([trainee, list]) => {
      const points = progressOf(list, trainee);
      const scores = points.map((p) => p.score);
      const recent = scores.slice(-3);
      const before = scores.slice(-6, -3);
      const delta = before.length === 0 ? 0 : mean(recent) - mean(before);
      const last = points[points.length - 1]!;
      return {
        trainee,
        sessions: points.length,
        passed: points.filter((p) => p.passed).length,
        best: Math.max(...scores),
        last: last.score,
        lastAt: last.at,
        trend: delta > 5 ? ('up' as const) : delta < -5 ? ('down' as const) : ('flat' as const),
      };
    })
    .sort((a, b) => a.trainee.localeCompare(b.trainee));
}
