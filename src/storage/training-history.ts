/**
 * The trainees' history of simulations, in a database of its own (`cadence-training`), apart from the real
 * one: a simulation never writes to the database that holds dossiers, calls and the outbox, so nothing of it
 * reaches the worklist, the KPIs or a sync, and clearing it never touches real data. Records pass their zod
 * schema on the way in and out.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { TrainingSessionRecord } from '../domain/training/session-record';
import { readRecords, validateForWrite, type CorruptHandler } from './codec';
import { toStorageError } from './errors';

export const TRAINING_DB_NAME = 'cadence-training';
const VERSION = 1;

interface TrainingDb extends DBSchema {
  sessions: { key: string; value: TrainingSessionRecord; indexes: { byTrainee: string } };
}

export interface TrainingHistory {
  add(record: TrainingSessionRecord): Promise<void>;
  list(onCorrupt?: CorruptHandler): Promise<TrainingSessionRecord[]>;
  close(): void;
}

export async function openTrainingHistory(name = TRAINING_DB_NAME): Promise<TrainingHistory> {
  let db: IDBPDatabase<TrainingDb>;
  try {
    db = await openDB<TrainingDb>(name, VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byTrainee', 'trainee');
      },
    });
  } catch (e) {
    throw toStorageError(e);
  }
  return {
    async add(record) {
      const valid = validateForWrite(TrainingSessionRecord, 'sessions', record);
      try {
        await db.put('sessions', valid);
      } catch (e) {
        throw toStorageError(e);
      }
    },
    async list(onCorrupt) {
      const raw = await db.getAll('sessions');
      return readRecords(TrainingSessionRecord, 'sessions', raw, onCorrupt ?? (() => undefined)).sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    },
    close: () => db.close(),
  };
}
