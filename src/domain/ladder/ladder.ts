/**
 * The reminder ladder around the call (seed 004 "Quand le client ne paie pas", DESIGN "The reminder ladder").
 *
 * For one debtor, the next rung is computed from the open invoices and the activity history:
 *   pre_due_call (large accounts only, a few business days before the due date, nothing overdue)
 *   → first_reminder (due date + 5 days; never labelled "relance n°1")
 *   → call (after the written reminder; seed 001: "sans effet de la relance écrite, relance par téléphone")
 *   → second_reminder (15 days after the first, stating the sanctions)
 *   → formal_notice (mise en demeure, 15 days after the second, with a deadline of 8 or 15 days)
 *   → agency_handover (the day after the notice's deadline).
 * The overdue "episode" starts at the oldest overdue due date: ladder activities before it belong to an
 * earlier, settled episode and are ignored. Disputed invoices are paused (verify the debt before chasing).
 * A rung is recognised on an activity by `details.step` (the convention the demo data and the letter
 * writers use, with `outcome: 'sent'`) or, failing that, by `outcome` itself holding one of the codes below.
 */
import type { ACTIVITY_TYPES } from '../entities';
import { addBusinessDays, addDays, businessDayOnOrAfter } from '../calendar/businessDays';
import { maxDate } from '../calendar/isoDate';
import { toWallTime } from '../calendar/zonedTime';

export const LADDER_RUNGS = ['pre_due_call', 'first_reminder', 'call', 'second_reminder', 'formal_notice', 'agency_handover'] as const;
export type LadderRung = (typeof LADDER_RUNGS)[number];

/** Codes that mark a rung as done, in `details.step` (preferred) or `outcome`. */
export const LADDER_OUTCOMES = {
  preDueCheck: 'pre_due_check',
  firstReminder: 'first_reminder',
  secondReminder: 'second_reminder',
  formalNotice: 'formal_notice',
  agencyHandover: 'agency_handover',
} as const;
export type LadderOutcome = (typeof LADDER_OUTCOMES)[keyof typeof LADDER_OUTCOMES];

/** Key of `Activity.details` naming the ladder step an activity performed. */
export const LADDER_STEP_KEY = 'step';

const WRITTEN_RUNGS: readonly LadderOutcome[] = ['first_reminder', 'second_reminder', 'formal_notice', 'agency_handover'];

export type FormalNoticeDeadlineDays = 8 | 15;

export interface LadderOptions {
  preDueBusinessDays: number;
  firstReminderAfterDays: number;
  callAfterFirstReminderDays: number;
  secondReminderAfterDays: number;
  formalNoticeAfterDays: number;
  formalNoticeDeadlineDays: FormalNoticeDeadlineDays;
  /** Invoices due within this many days of the earliest one share one pre-due call. */
  preDueGroupDays: number;
  timeZone?: string;
}

export const DEFAULT_LADDER_OPTIONS: LadderOptions = {
  preDueBusinessDays: 3,
  firstReminderAfterDays: 5,
  callAfterFirstReminderDays: 5,
  secondReminderAfterDays: 15,
  formalNoticeAfterDays: 15,
  formalNoticeDeadlineDays: 8,
  preDueGroupDays: 7,
};

export interface LadderInvoice {
  id: string;
  issueDate: string;
  dueDate: string;
  amountInclVatCents: number;
  amountPaidCents: number;
  status: 'open' | 'paid' | 'disputed';
}

export interface LadderActivity {
  type: (typeof ACTIVITY_TYPES)[number];
  at: string;
  outcome?: string;
  details?: Record<string, unknown>;
}

export interface LadderInput {
  today: string;
  invoices: readonly LadderInvoice[];
  activities: readonly LadderActivity[];
  /** Key account or large outstanding: gets the pre-due call (seed 004). */
  largeAccount: boolean;
  /** A pending promise's deadline: no escalation is due before the day after it. */
  holdUntil?: string;
  options?: Partial<LadderOptions>;
}

export interface LadderStep {
  rung: LadderRung;
  /** Business day the rung is due (may be before today when it is late). */
  dueOn: string;
  invoiceIds: string[];
  /** The last rung done in this episode, and when. */
  after?: { rung: LadderRung; on: string };
  /** For a formal notice: the deadline to give; for the hand-over: the deadline that passed. */
  deadlineDays?: FormalNoticeDeadlineDays;
  /** true when `dueOn` was pushed past a pending promise. */
  held?: boolean;
}

/**
 * Last day to pay a formal notice dated `letterDate`: `days` calendar days later, moved to the next business
 * day when that falls on a weekend or a French public holiday (the usual rule for a period ending on a
 * non-working day, as in Code de procédure civile art. 642).
 */
export function formalNoticeDeadline(letterDate: string, days: FormalNoticeDeadlineDays): string {
  return businessDayOnOrAfter(addDays(letterDate, days));
}

/** The ladder code an activity records, if any. */
export function ladderStepOf(activity: LadderActivity): LadderOutcome | undefined {
  const codes = Object.values(LADDER_OUTCOMES) as string[];
  const step = activity.details?.[LADDER_STEP_KEY];
  if (typeof step === 'string' && codes.includes(step)) return step as LadderOutcome;
  return activity.outcome && codes.includes(activity.outcome) ? (activity.outcome as LadderOutcome) : undefined;
}

const outstanding = (i: LadderInvoice) => Math.max(0, i.amountInclVatCents - i.amountPaidCents);
const chaseable = (i: LadderInvoice) => i.status === 'open' && outstanding(i) > 0;

/** Next rung for the debtor, or null when nothing is due (all paid or disputed, or already handed over). */
export function nextRung(input: LadderInput): LadderStep | null {
  const o = { ...DEFAULT_LADDER_OPTIONS, ...input.options };
  const dayOf = (a: LadderActivity) => toWallTime(a.at, o.timeZone).date;
  const open = input.invoices.filter(chaseable);
  const overdue = open.filter((i) => i.dueDate < input.today);
  if (overdue.length === 0) return input.largeAccount ? preDueStep(input, open, o, dayOf) : null;

  const episodeStart = overdue.map((i) => i.dueDate).sort()[0] as string;
  const history = input.activities.filter((a) => dayOf(a) > episodeStart);
  const lastOf = (outcome: LadderOutcome) =>
    history.filter((a) => ladderStepOf(a) === outcome).map((a) => ({ on: dayOf(a), activity: a })).sort((x, y) => (x.on < y.on ? 1 : -1))[0];
  const reached = [...WRITTEN_RUNGS].reverse().map((r) => ({ rung: r, last: lastOf(r) })).find((x) => x.last);

  let step: Omit<LadderStep, 'invoiceIds'>;
  if (!reached?.last) {
    step = { rung: 'first_reminder', dueOn: businessDayOnOrAfter(addDays(episodeStart, o.firstReminderAfterDays)) };
  } else {
    const on = reached.last.on;
    const after = { rung: reached.rung as LadderRung, on };
    switch (reached.rung) {
      case 'first_reminder': {
        const secondOn = businessDayOnOrAfter(addDays(on, o.secondReminderAfterDays));
        const called = history.some((a) => a.type === 'call' && dayOf(a) >= on);
        step =
          !called && input.today < secondOn
            ? { rung: 'call', dueOn: businessDayOnOrAfter(addDays(on, o.callAfterFirstReminderDays)), after }
            : { rung: 'second_reminder', dueOn: secondOn, after };
        break;
      }
      case 'second_reminder':
        step = {
          rung: 'formal_notice',
          dueOn: businessDayOnOrAfter(addDays(on, o.formalNoticeAfterDays)),
          after,
          deadlineDays: o.formalNoticeDeadlineDays,
        };
        break;
      case 'formal_notice': {
        const given = reached.last.activity.details?.deadlineDays;
        const deadlineDays: FormalNoticeDeadlineDays = given === 8 || given === 15 ? given : o.formalNoticeDeadlineDays;
        // The day after the notice's last day to pay, that day itself moved off a weekend or holiday.
        step = { rung: 'agency_handover', dueOn: businessDayOnOrAfter(addDays(formalNoticeDeadline(on, deadlineDays), 1)), after, deadlineDays };
        break;
      }
      default:
        return null;
    }
  }
  if (input.holdUntil && step.dueOn <= input.holdUntil) {
    step = { ...step, dueOn: businessDayOnOrAfter(addDays(input.holdUntil, 1)), held: true };
  }
  // The letter lists every invoice overdue on the day it goes out.
  const asOf = maxDate(input.today, step.dueOn);
  return { ...step, invoiceIds: open.filter((i) => i.dueDate < asOf).map((i) => i.id) };
}

/** A formal notice of the current overdue episode: its day (Europe/Paris) and, when recorded, the invoices it demanded. */
export interface FormalNotice {
  day: string;
  invoiceIds?: readonly string[];
}

/**
 * The formal notices sent in the current overdue episode, oldest first: a consumer's legal interest on an invoice
 * runs from the first one that demanded it (Code civil 1231-6). A notice of an earlier, settled episode does not
 * count. One recorded without its invoices (older records) stands for every invoice overdue on its day.
 */
export function formalNotices(input: Pick<LadderInput, 'today' | 'invoices' | 'activities'>, timeZone?: string): FormalNotice[] {
  const episodeStart = input.invoices.filter((i) => chaseable(i) && i.dueDate < input.today).map((i) => i.dueDate).sort()[0];
  if (!episodeStart) return [];
  return input.activities
    .filter((a) => ladderStepOf(a) === 'formal_notice')
    .map((a) => {
      const ids = a.details?.['invoiceIds'];
      const invoiceIds = Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined;
      return { day: toWallTime(a.at, timeZone).date, ...(invoiceIds ? { invoiceIds } : {}) };
    })
    .filter((n) => n.day > episodeStart && n.day <= input.today)
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** The day of the first formal notice that demanded `invoice`, if any (see `formalNotices`). */
export function noticeDayFor(notices: readonly FormalNotice[], invoice: { id: string; dueDate: string }): string | undefined {
  return notices.find((n) => (n.invoiceIds ? n.invoiceIds.includes(invoice.id) : n.day > invoice.dueDate))?.day;
}

function preDueStep(
  input: LadderInput,
  open: readonly LadderInvoice[],
  o: LadderOptions,
  dayOf: (a: LadderActivity) => string,
): LadderStep | null {
  const checks = input.activities.filter((a) => a.type === 'call' && ladderStepOf(a) === LADDER_OUTCOMES.preDueCheck).map(dayOf);
  const unchecked = open.filter((i) => !checks.some((d) => d >= i.issueDate)).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const earliest = unchecked[0];
  if (!earliest) return null;
  const group = unchecked.filter((i) => i.dueDate <= addDays(earliest.dueDate, o.preDueGroupDays));
  return {
    rung: 'pre_due_call',
    dueOn: maxDate(businessDayOnOrAfter(input.today), addBusinessDays(earliest.dueDate, -o.preDueBusinessDays)),
    invoiceIds: group.map((i) => i.id),
  };
}

/** Seed 004: a pre-due call is worth it for key accounts or a significant outstanding amount. */
export function isLargeAccount(segment: string, openCents: number, thresholdCents = 1_000_000): boolean {
  return segment === 'key_account' || openCents >= thresholdCents;
}
