/**
 * One finished (or abandoned) simulation as the trainee's history keeps it: who, which persona, when, the
 * score and its transcript for the debrief. Kept in its own database (storage/training-history.ts), never in
 * the real one: nothing of a simulation can reach the worklist, the dossiers, the KPIs or a sync.
 */
import { z } from 'zod/mini';
import { IsoDateTime } from '../entities';
import { PersonaOutcomeSchema } from './outcomes';
import { Transcript } from './transcript';

export const TRAINING_RECORD_SCHEMA_VERSION = 1;

export const TrainingSessionRecord = z.object({
  schemaVersion: z.literal(TRAINING_RECORD_SCHEMA_VERSION),
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The name in Settings on this device; per user once the team server exists. */
  trainee: z.string().check(z.minLength(1), z.maxLength(200)),
  personaId: z.string(),
  personaName: z.string(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  score: z.int().check(z.minimum(0), z.maximum(100)),
  passed: z.boolean(),
  outcome: PersonaOutcomeSchema,
  transcript: Transcript,
});
export type TrainingSessionRecord = z.infer<typeof TrainingSessionRecord>;
