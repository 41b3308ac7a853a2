/**
 * How a simulated call can end for the debtor persona. Shared by the persona data (scripts/), the persona
 * machine and the rubric, so it sits in the domain.
 */
import { z } from 'zod/mini';

export const PERSONA_OUTCOMES = [
  /** A dated, restated promise to pay. */
  'promise',
  /** "I'll pay soon": a promise without a date, which nobody can check. */
  'promise_without_date',
  /** The debtor asks for a payment plan and makes the first offer (for the team lead to approve). */
  'plan_request',
  /** The disputed invoice is put aside until the dispute is resolved. */
  'dispute_noted',
  /** The gatekeeper gives the right person to call back. */
  'referred',
  /** Insolvency proceedings: collection stops and the claim is declared to the court-appointed officer. */
  'collection_stopped',
  'no_commitment',
  'hung_up',
] as const;
export type PersonaOutcome = (typeof PERSONA_OUTCOMES)[number];
export const PersonaOutcomeSchema = z.enum(PERSONA_OUTCOMES);
