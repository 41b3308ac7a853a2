import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { TrainingSessionRecord } from '../domain/training/session-record';
import { Transcript } from '../domain/training/transcript';
import good from '../domain/training/transcripts/good-call.fr.json';
import { openCadenceDb } from './db';
import { StorageError } from './errors';
import { openTrainingHistory } from './training-history';

let seq = 0;
const record = (id: string, endedAt: string): TrainingSessionRecord => ({
  schemaVersion: 1,
  id,
  trainee: 'Camille Martin',
  personaId: 'cheque-in-the-post',
  personaName: '« Le chèque est parti »',
  startedAt: endedAt,
  endedAt,
  score: 92,
  passed: true,
  outcome: 'promise',
  transcript: Transcript.parse(good),
});

describe('training history', () => {
  it('keeps sessions in their own database, in time order', async () => {
    const name = `training-${++seq}`;
    const history = await openTrainingHistory(name);
    await history.add(record('s2', '2026-12-03T10:00:00.000Z'));
    await history.add(record('s1', '2026-12-02T10:00:00.000Z'));
    expect((await history.list()).map((r) => r.id)).toEqual(['s1', 's2']);
    history.close();
    // The real database is another one and holds no trace of the sessions.
    const real = await openCadenceDb(`real-${seq}`);
    expect(real.objectStoreNames.contains('sessions' as never)).toBe(false);
    real.close();
  });

  it('refuses an invalid record with a typed error and writes nothing', async () => {
    const history = await openTrainingHistory(`training-${++seq}`);
    await expect(history.add({ ...record('bad', '2026-12-02T10:00:00.000Z'), score: 140 })).rejects.toBeInstanceOf(StorageError);
    expect(await history.list()).toEqual([]);
    history.close();
  });

  it('skips a corrupt stored record and reports it', async () => {
    const name = `training-${++seq}`;
    const history = await openTrainingHistory(name);
    await history.add(record('ok', '2026-12-02T10:00:00.000Z'));
    history.close();
    const raw = await openDB(name, 1);
    await raw.put('sessions', { id: 'broken', trainee: 'X' });
    raw.close();
    const again = await openTrainingHistory(name);
    const corrupt: string[] = [];
    expect((await again.list((c) => corrupt.push(c.key ?? ''))).map((r) => r.id)).toEqual(['ok']);
    expect(corrupt).toEqual(['broken']);
    again.close();
  });
});
