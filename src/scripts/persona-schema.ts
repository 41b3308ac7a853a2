/**
 * A debtor persona for training mode, as data: who the debtor is (traits, mood, patience), the dossier that
 * fits them, how they answer at each of the ten steps depending on what the trainee does, which outcome each
 * decisive step leads to, and — per step — the phrasings the trainee picks from (one good, the others each
 * breaking one of the 4 C or a step rule, labelled with the fault and why). Built-ins live in ./personas;
 * a team lead's own personas come through the same door (`validatePersona`, ./persona-validate.ts).
 *
 * Phrasings most personas share (the presentation, the conclusion…) come from the language's phrasebook
 * (./personas/phrasebook.<locale>.json); a persona lists only the steps where its right move differs.
 * Texts hold the call scripts' `{variables}` plus the training ones in TRAINING_VARIABLES.
 */
import { z } from 'zod/mini';
import { DelayReasonCodeSchema } from '../domain/call/reasons';
import { StepIdSchema } from '../domain/call/steps';
import { PERSONA_SPECIALS, TRAINEE_BEHAVIOURS } from '../domain/coach/turn';
import { PersonaOutcomeSchema } from '../domain/training/outcomes';
import { ACTIVITY_TYPES, CONTACT_ROLES, PAYMENT_MEANS, SEGMENTS } from '../domain/entities';
import { SCRIPT_LOCALES } from './schema';

export const PERSONA_SCHEMA_VERSION = 1;

export { PERSONA_OUTCOMES, PersonaOutcomeSchema, type PersonaOutcome } from '../domain/training/outcomes';

export const FAULTS = TRAINEE_BEHAVIOURS.filter((b) => b !== 'good') as Exclude<(typeof TRAINEE_BEHAVIOURS)[number], 'good'>[];
const BehaviourSchema = z.enum(TRAINEE_BEHAVIOURS);
const FaultSchema = z.enum(FAULTS as [string, ...string[]]);

const NonEmpty = z.string().check(z.refine((s) => s.trim() !== ''));
const Key = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/));
const Lines = z.array(NonEmpty).check(z.minLength(1));

export const Phrasing = z.object({
  id: Key,
  text: NonEmpty,
  /** `good`, or what it breaks: one of the 4 C, or the step's rule. */
  fault: BehaviourSchema,
  /** For a faulty phrasing: what is wrong with it, shown in the debrief. */
  why: z.optional(NonEmpty),
});
export type Phrasing = z.infer<typeof Phrasing>;

/** What the debtor answers at one step: `good` always; for a fault, the most specific line the data has. */
export const StepReplies = z.object({
  good: Lines,
  fault: z.optional(Lines),
  clarity: z.optional(Lines),
  concision: z.optional(Lines),
  concrete: z.optional(Lines),
  courtesy: z.optional(Lines),
  step_rule: z.optional(Lines),
});
export type StepReplies = z.infer<typeof StepReplies>;

/** How the persona reacts to a fault at any step without its own line for it. */
export const Reactions = z.object({
  fault: Lines,
  clarity: z.optional(Lines),
  concision: z.optional(Lines),
  concrete: z.optional(Lines),
  courtesy: z.optional(Lines),
  step_rule: z.optional(Lines),
});

/** At `step`, a turn matching `on` settles the outcome; `ends` hangs up there (a referral ends the call). */
export const Decision = z.object({
  step: StepIdSchema,
  on: z.enum(['good', 'fault', ...FAULTS] as [string, ...string[]]),
  outcome: PersonaOutcomeSchema,
  ends: z.boolean(),
});
export type Decision = z.infer<typeof Decision>;

// [min, max] in cents (an array of two rather than a zod tuple, which the first screen does not otherwise ship).
const Range = z.array(z.int().check(z.positive())).check(z.length(2));

export const DossierSpec = z.object({
  company: z.object({
    name: NonEmpty,
    segment: z.enum(SEGMENTS),
    city: NonEmpty,
    postalCode: z.string().check(z.regex(/^\d{5}$/)),
    street: NonEmpty,
  }),
  /** The first one answers the phone; the one with `authority` can commit the company. */
  contacts: z
    .array(
      z.object({
        first: NonEmpty,
        last: NonEmpty,
        role: z.enum(CONTACT_ROLES),
        phone: NonEmpty,
        authority: z.boolean(),
      }),
    )
    .check(z.minLength(1)),
  invoices: z
    .array(
      z.object({
        label: NonEmpty,
        /** Amount incl. VAT, drawn in [min, max] cents and rounded to 10 €. */
        amountCents: Range,
        /** Negative: overdue by that many days; positive: due in that many days. */
        dueInDays: z.int(),
        disputed: z.optional(z.boolean()),
        disputeReason: z.optional(NonEmpty),
      }),
    )
    .check(z.minLength(1)),
  history: z.array(z.object({ type: z.enum(ACTIVITY_TYPES), daysAgo: z.int().check(z.positive()), outcome: z.optional(Key), summary: NonEmpty })),
  /** What the debtor commits to when the trainee does it right. */
  promise: z.object({ means: z.enum(PAYMENT_MEANS), inDays: z.int().check(z.minimum(1), z.maximum(60)) }),
  plan: z.optional(z.object({ instalments: z.int().check(z.minimum(2), z.maximum(12)), firstInDays: z.int().check(z.minimum(1)), everyDays: z.int().check(z.minimum(7)) })),
});
export type DossierSpec = z.infer<typeof DossierSpec>;

export const Persona = z.object({
  schemaVersion: z.literal(PERSONA_SCHEMA_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
  locale: z.enum(SCRIPT_LOCALES),
  name: NonEmpty,
  /** The brief the trainee reads before dialling. */
  summary: NonEmpty,
  traits: Lines,
  special: z.enum(PERSONA_SPECIALS),
  mood: z.object({
    /** From -5 (furious) to 5 (warm). */
    start: z.int().check(z.minimum(-5), z.maximum(5)),
    /** The debtor hangs up when the mood falls to this. */
    floor: z.int().check(z.minimum(-6), z.maximum(4)),
  }),
  /** Faults the debtor puts up with before hanging up. */
  patience: z.int().check(z.minimum(1), z.maximum(8)),
  /** Mood points each fault costs (1 when absent). */
  sensitivity: z.partialRecord(FaultSchema, z.int().check(z.minimum(0), z.maximum(5))),
  reason: z.object({ code: DelayReasonCodeSchema, detail: NonEmpty }),
  decisions: z.array(Decision),
  /** The outcomes the rubric counts as the right result with this debtor. */
  expected: z.array(PersonaOutcomeSchema).check(z.minLength(1)),
  /** What the simulated call record says for an outcome, in the persona's language. */
  outcomeNotes: z.partialRecord(PersonaOutcomeSchema, NonEmpty),
  dossier: DossierSpec,
  replies: z.record(StepIdSchema, StepReplies),
  reactions: Reactions,
  hangUp: Lines,
  phrasings: z.partialRecord(StepIdSchema, z.array(Phrasing)),
});
export type Persona = z.infer<typeof Persona>;

export const Phrasebook = z.object({
  schemaVersion: z.literal(PERSONA_SCHEMA_VERSION),
  locale: z.enum(SCRIPT_LOCALES),
  /** How the language says each means of payment, for `{promise.means}`. */
  means: z.record(z.enum(PAYMENT_MEANS), NonEmpty),
  phrasings: z.record(StepIdSchema, z.array(Phrasing)),
});
export type Phrasebook = z.infer<typeof Phrasebook>;

/** Variables training texts may use beyond the call scripts' own. */
export const TRAINING_VARIABLES = [
  'oldest.number',
  'oldest.amount',
  'disputed.number',
  'disputed.amount',
  'disputed.reason',
  'upcoming.number',
  'upcoming.dueDate',
  'rightContact.name',
  'rightContact.phone',
  'promise.means',
  'plan.instalments',
  'plan.amount',
  'plan.firstDate',
] as const;
export type TrainingVariable = (typeof TRAINING_VARIABLES)[number];
