/**
 * What the recap needs from a call activity, read back safely. A call written by today's outcome carries
 * every field (domain/call/outcome.ts `CallActivityDetails`); older and demo activities carry some of them,
 * or the reason as a bare code. Each field is checked on its own, so one odd field never hides the others.
 */
import { z } from 'zod/mini';
import { CallEnding, Commitment, ContactCheck, DelayReason } from './context';
import { DelayReasonCodeSchema } from './reasons';
import { Activity, IsoDate, IsoDateTime, TaskKind } from '../entities';
import { FOLLOW_UP_REASONS } from '../followup/rules';

const FollowUp = z.object({
  taskId: z.string(),
  kind: TaskKind,
  dueDate: IsoDate,
  dueTime: z.optional(z.string()),
  reason: z.enum(FOLLOW_UP_REASONS),
});
export type RecapFollowUp = z.infer<typeof FollowUp>;

export interface RecapCall {
  activityId: string;
  debtorId: string;
  callId: string | null;
  /** When the call ended (the activity's instant). */
  at: string;
  ending: CallEnding | null;
  reason: DelayReason | null;
  commitment: Commitment | null;
  contactId: string | null;
  contactCheck: ContactCheck | null;
  planId: string | null;
  followUps: RecapFollowUp[];
  recapNow: boolean;
}

function field<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function reasonOf(raw: unknown): DelayReason | null {
  const code = field(DelayReasonCodeSchema, raw);
  return code ? { code, detail: '' } : field(DelayReason, raw);
}

/** The call behind a timeline entry, or null when the activity is not a call. */
export function readRecapCall(activity: Activity): RecapCall | null {
  if (activity.type !== 'call') return null;
  const d = activity.details ?? {};
  return {
    activityId: activity.id,
    debtorId: activity.debtorId,
    callId: field(z.string(), d['callId']),
    at: field(IsoDateTime, d['endedAt']) ?? activity.at,
    ending: field(CallEnding, d['ending']),
    reason: reasonOf(d['reason']),
    commitment: field(Commitment, d['commitment']),
    contactId: field(z.string(), d['contactId']),
    contactCheck: field(ContactCheck, d['contactCheck']),
    planId: field(z.string(), d['planId']),
    followUps: field(z.array(FollowUp), d['followUps']) ?? [],
    recapNow: d['recapNow'] === true,
  };
}

/** The dossier's most recent call, which the timeline offers to recap. */
export function latestCall(activities: readonly Activity[]): Activity | undefined {
  let latest: Activity | undefined;
  for (const a of activities) if (a.type === 'call' && (!latest || Date.parse(a.at) > Date.parse(latest.at))) latest = a;
  return latest;
}

/**
 * Whether the outcome view opens the recap draft at once (a commitment to confirm in writing, seed 001),
 * offers it (any call that went to its end), or leaves it out (nobody was reached).
 */
export function recapMode(call: Pick<RecapCall, 'commitment' | 'ending'>): 'draft' | 'offer' | 'none' {
  const c = call.commitment;
  if ((c?.kind === 'promise' && c.restatedConfirmed) || c?.kind === 'plan' || c?.kind === 'dispute') return 'draft';
  return call.ending?.type === 'completed' ? 'offer' : 'none';
}
