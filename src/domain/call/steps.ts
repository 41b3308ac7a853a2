/**
 * The ten steps of a collection call (seed 001, "Les 10 étapes de la relance téléphonique"), in the order
 * the agent walks them. Scripts, the call machine and the step rail all key on these ids.
 */
import { z } from 'zod/mini';

export const STEP_IDS = [
  'presentation',
  'identification',
  'explanation',
  'listening',
  'delay_reason',
  'commitments',
  'anticipation',
  'contact_details',
  'conclusion',
  'formalisation',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export const StepIdSchema = z.enum(STEP_IDS);

export function stepIndex(id: StepId): number {
  return STEP_IDS.indexOf(id);
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

/** The four C of seed 001: clarté, concision, concret, courtoisie. */
export const FOUR_C = ['clarity', 'concision', 'concrete', 'courtesy'] as const;
export type FourC = (typeof FOUR_C)[number];
