/**
 * The record of one simulated call, as the training screen writes it and the rubric reads it: who said what,
 * at which step, when (ms since the start), and — for a phrasing picked from the list — its id and label.
 * Hand-written transcripts in ./transcripts/ go through the same schema.
 */
import { z } from 'zod/mini';
import { StepIdSchema } from '../call/steps';
import { PERSONA_SPECIALS, TRAINEE_BEHAVIOURS } from '../coach/turn';
import { PersonaOutcomeSchema } from './outcomes';

export const TRANSCRIPT_SCHEMA_VERSION = 1;

export const TranscriptTurn = z.object({
  speaker: z.enum(['trainee', 'debtor']),
  step: StepIdSchema,
  text: z.string(),
  atMs: z.int().check(z.minimum(0)),
  /** The trainee moved on without saying anything at this step. */
  skipped: z.optional(z.boolean()),
  /** A phrasing picked from the list: its id and the fault it is labelled with (`good` for the right one). */
  phrasingId: z.optional(z.string()),
  label: z.optional(z.enum(TRAINEE_BEHAVIOURS)),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const Transcript = z.object({
  schemaVersion: z.literal(TRANSCRIPT_SCHEMA_VERSION),
  personaId: z.string(),
  locale: z.enum(['fr', 'en']),
  special: z.enum(PERSONA_SPECIALS),
  /** The outcomes that count as the right result with this persona. */
  expected: z.array(PersonaOutcomeSchema).check(z.minLength(1)),
  outcome: PersonaOutcomeSchema,
  /** When the call ended, ms since the start: the last step's time runs to here. */
  endMs: z.int().check(z.minimum(0)),
  turns: z.array(TranscriptTurn),
});
export type Transcript = z.infer<typeof Transcript>;
