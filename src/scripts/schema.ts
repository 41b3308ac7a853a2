/**
 * A call script as data: what the agent says at each of the ten steps, what to capture, tips, the 4 C
 * reminders and the objection library. Team leads edit and share these, so every script that comes in
 * (built-in, pack import, storage) passes `validateScript` (./validate.ts) first.
 *
 * This zod shape checks types only; the ten-steps-in-order rule and the `{variables}` are checked in
 * validate.ts so that each failure gets its own precise, translated message.
 */
import { z } from 'zod/mini';
import { CONTACT_ROLES } from '../domain/entities';
import { DelayReasonCodeSchema } from '../domain/call/reasons';
import { FOUR_C, StepIdSchema } from '../domain/call/steps';
import { AWAITED_VARIABLES } from '../domain/call/variables';

export const SCRIPT_SCHEMA_VERSION = 1;
export const SCRIPT_LOCALES = ['fr', 'en'] as const;

const NonEmpty = z.string().check(z.refine((s) => s.trim() !== ''));
/** Field ids end up as keys of persisted captures: keep them plain. */
const FieldId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/));

const fieldBase = { id: FieldId, label: NonEmpty, required: z.boolean() };
export const ChoiceOption = z.object({ value: FieldId, label: NonEmpty });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const CaptureField = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text') }),
  z.object({ ...fieldBase, type: z.literal('amount') }),
  z.object({ ...fieldBase, type: z.literal('date') }),
  z.object({ ...fieldBase, type: z.literal('choice'), options: z.array(ChoiceOption).check(z.minLength(1)) }),
  z.object({ ...fieldBase, type: z.literal('contact') }),
]);
export type CaptureField = z.infer<typeof CaptureField>;

export const FourCReminder = z.object({ c: z.enum(FOUR_C), text: NonEmpty });
export type FourCReminder = z.infer<typeof FourCReminder>;

export const ScriptStep = z.object({
  id: StepIdSchema,
  title: NonEmpty,
  /** What the agent says, with `{variables}` filled from the dossier. */
  say: NonEmpty,
  /** Said instead of `say` when the dossier has no invoice coming due (a step about `{invoices.upcoming}`). */
  sayNoUpcoming: z.optional(NonEmpty),
  captures: z.array(CaptureField),
  tips: z.array(NonEmpty),
  fourC: z.array(FourCReminder).check(z.minLength(1)),
});
export type ScriptStep = z.infer<typeof ScriptStep>;

export const Objection = z.object({
  id: FieldId,
  /** What the debtor says, e.g. « Je n'ai pas reçu la facture ». */
  objection: NonEmpty,
  answers: z.array(NonEmpty).check(z.minLength(1)),
  /** The delay reason this objection usually reveals, offered to the agent in one tap. */
  reason: z.optional(DelayReasonCodeSchema),
});
export type Objection = z.infer<typeof Objection>;

export const CallScript = z.object({
  schemaVersion: z.literal(SCRIPT_SCHEMA_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
  name: NonEmpty,
  locale: z.enum(SCRIPT_LOCALES),
  version: z.int().check(z.minimum(1)),
  /** How this script says each contact role, for `{contact.role}`. */
  roles: z.record(z.enum(CONTACT_ROLES), NonEmpty),
  /** What a fact the call has not captured yet reads as, e.g. `promise.amount` → « montant à convenir ». */
  awaited: z.optional(z.partialRecord(z.enum(AWAITED_VARIABLES), NonEmpty)),
  steps: z.array(ScriptStep),
  objections: z.array(Objection),
});
export type CallScript = z.infer<typeof CallScript>;
