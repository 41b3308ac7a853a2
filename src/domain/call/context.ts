/**
 * The record of one call in progress: the call machine's context. It lives in the domain (not in the
 * machine file) because the outcome mapping, the snapshot restore and the UI all read it, and it is
 * described with zod because a persisted call comes back from IndexedDB as untrusted JSON.
 */
import { z } from 'zod/mini';
import { ContactRole, Id, IsoDate, IsoDateTime, PaymentMeans } from '../entities';
import { DelayReasonCodeSchema } from './reasons';
import { StepIdSchema, type StepId } from './steps';

export const CAPTURE_FIELD_TYPES = ['text', 'amount', 'date', 'choice', 'contact'] as const;
export const CaptureFieldType = z.enum(CAPTURE_FIELD_TYPES);
export type CaptureFieldType = z.infer<typeof CaptureFieldType>;

/** A person as captured on the phone: only the name is sure to be known. */
export const ContactValue = z.object({
  name: z.string(),
  role: z.optional(ContactRole),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
});
export type ContactValue = z.infer<typeof ContactValue>;

/** text, date and choice hold strings; amount holds integer cents; contact holds a ContactValue. */
export const CaptureValue = z.union([z.string(), z.int(), ContactValue]);
export type CaptureValue = z.infer<typeof CaptureValue>;

export const Captures = z.partialRecord(StepIdSchema, z.record(z.string(), CaptureValue));
export type Captures = z.infer<typeof Captures>;

/** What the machine keeps of a script field: enough to check a capture without the script at hand. */
export const FieldSpec = z.object({
  id: z.string(),
  type: CaptureFieldType,
  required: z.boolean(),
  options: z.optional(z.array(z.string())),
});
export type FieldSpec = z.infer<typeof FieldSpec>;
export const ScriptFields = z.partialRecord(StepIdSchema, z.array(FieldSpec));
export type ScriptFields = z.infer<typeof ScriptFields>;

export const DelayReason = z.object({ code: DelayReasonCodeSchema, detail: z.string() });
export type DelayReason = z.infer<typeof DelayReason>;

export const PromiseCommitment = z.object({
  kind: z.literal('promise'),
  amountCents: z.int(),
  date: IsoDate,
  means: PaymentMeans,
  invoiceIds: z.array(Id),
  /** The agent read the promise back to the debtor, who agreed (seed 001, step 6). */
  restatedConfirmed: z.boolean(),
});
export type PromiseCommitment = z.infer<typeof PromiseCommitment>;

export const Instalment = z.object({ date: IsoDate, amountCents: z.int() });
export type Instalment = z.infer<typeof Instalment>;

/** The debtor's own first offer (seed 000, conseil 6), awaiting the team lead's approval (conseil 7). */
export const PlanCommitment = z.object({
  kind: z.literal('plan'),
  instalments: z.array(Instalment),
  note: z.string(),
});
export type PlanCommitment = z.infer<typeof PlanCommitment>;

export const DisputeCommitment = z.object({
  kind: z.literal('dispute'),
  invoiceIds: z.array(Id),
  why: z.string(),
});
export type DisputeCommitment = z.infer<typeof DisputeCommitment>;

/** Seed 001 wants every call to end on a commitment; when none comes, the agent says why, explicitly. */
export const NoCommitment = z.object({ kind: z.literal('none'), why: z.string() });
export type NoCommitment = z.infer<typeof NoCommitment>;

export const Commitment = z.discriminatedUnion('kind', [PromiseCommitment, PlanCommitment, DisputeCommitment, NoCommitment]);
export type Commitment = z.infer<typeof Commitment>;

export const ContactDetails = z.object({
  name: z.string(),
  role: ContactRole,
  phone: z.string(),
  email: z.string(),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

export const ContactCheck = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed') }),
  z.object({ status: z.literal('corrected'), contact: ContactDetails }),
]);
export type ContactCheck = z.infer<typeof ContactCheck>;

export const TimeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
export const CallBack = z.object({ date: IsoDate, time: z.optional(TimeOfDay) });
export type CallBack = z.infer<typeof CallBack>;

export const RightContact = z.object({ name: z.string(), role: ContactRole, phone: z.string() });
export type RightContact = z.infer<typeof RightContact>;

export const ENDING_TYPES = [
  'completed',
  'no_answer',
  'voicemail',
  'wrong_number',
  'wrong_person',
  'refusal',
  'cut_off',
  'call_back_requested',
  'dispute',
  'plan_request',
] as const;
export type EndingType = (typeof ENDING_TYPES)[number];

export const CallEnding = z.discriminatedUnion('type', [
  z.object({ type: z.literal('completed') }),
  z.object({ type: z.literal('no_answer') }),
  z.object({ type: z.literal('voicemail'), messageLeft: z.boolean() }),
  z.object({ type: z.literal('wrong_number') }),
  z.object({ type: z.literal('wrong_person'), contact: RightContact, callBack: CallBack }),
  z.object({ type: z.literal('refusal'), detail: z.string() }),
  z.object({ type: z.literal('cut_off'), callBack: CallBack }),
  /** « Rappelez plus tard » : the debtor asks for another time (DESIGN.md, other ends of a call). */
  z.object({ type: z.literal('call_back_requested'), callBack: CallBack }),
  z.object({ type: z.literal('dispute') }),
  z.object({ type: z.literal('plan_request') }),
]);
export type CallEnding = z.infer<typeof CallEnding>;

export const MAX_OBJECTIONS_USED = 100;
export const ObjectionUse = z.object({ objectionId: z.string().check(z.maxLength(64)), answer: z.int().check(z.minimum(0)) });
export type ObjectionUse = z.infer<typeof ObjectionUse>;

export const CallContext = z.object({
  machineVersion: z.int(),
  callId: Id,
  debtorId: Id,
  /** The contact the agent dialled, when the dossier has one. */
  contactId: z.nullable(Id),
  agentName: z.string(),
  scriptId: z.string(),
  scriptVersion: z.int(),
  scriptFields: ScriptFields,
  startedAt: IsoDateTime,
  /** The agent's calendar date, from the injected clock; promises and call-backs may not be before it. */
  today: IsoDate,
  captures: Captures,
  notes: z.string(),
  reason: z.nullable(DelayReason),
  commitment: z.nullable(Commitment),
  contactCheck: z.nullable(ContactCheck),
  /** The step on screen; while cut off or ended, the step where that happened (RESUME returns to it). */
  step: StepIdSchema,
  /** Steps the agent has completed with NEXT: the rail shows them as done and GOTO may return to them. */
  reached: z.array(StepIdSchema),
  /** The line dropped: the call waits for RESUME or RESCHEDULE. */
  interrupted: z.boolean(),
  ending: z.nullable(CallEnding),
  /** Seconds spent on each step, from the events' times; absent in calls stored before it was kept. */
  stepSeconds: z.optional(z.partialRecord(StepIdSchema, z.number().check(z.minimum(0)))),
  /** When the step on screen was entered (the last timed event). */
  stepSince: z.optional(IsoDateTime),
  /** The objections the agent opened and the answer read, in order (bounded: a call is a few minutes). */
  objectionsUsed: z.optional(z.array(ObjectionUse).check(z.maxLength(MAX_OBJECTIONS_USED))),
});
export type CallContext = z.infer<typeof CallContext>;

export function captureOf(context: Pick<CallContext, 'captures'>, stepId: StepId, fieldId: string): CaptureValue | undefined {
  return context.captures[stepId]?.[fieldId];
}
