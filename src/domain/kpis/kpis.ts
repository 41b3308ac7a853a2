/**
 * Collection KPIs per month, overall, per agent, per market segment and per payment-history segment (fiable /
 * à surveiller / mauvais payeur, override applied). Pure: the /kpis screen runs this in a worker.
 *
 * For each month M, E = its last day (or `today` in the current month):
 * - receivables(E): what invoices issued by E still owed on E (payments dated after E not yet received);
 *   current receivables: the part not yet overdue on E (due on E or later); sales(M): invoices issued in M.
 * - DSO simple = receivables(E) ÷ sales of the 3 months ending with M × the days of those 3 months.
 * - DSO countback: receivables(E) are matched against sales month by month going back (M, M−1, …): a month
 *   fully absorbed adds its days, the last one the share of its days that is still unpaid.
 * - best possible DSO = current receivables(E) ÷ sales of the 3 months × their days (the DSO if nobody paid late).
 * - average days delinquent = DSO simple − best possible DSO.
 * - CEI (collection effectiveness index) = (receivables at the start + sales(M) − receivables(E)) ÷
 *   (receivables at the start + sales(M) − current receivables(E)) × 100: the share of what could be
 *   collected in the month that was.
 * - collected(M): payments dated in M.
 * - recovery rate (taux de recouvrement) = collected in M on invoices due by E ÷ what those invoices owed at
 *   the start of M (or when issued, if later).
 * - aged balance on E: not yet due, 1–30, 31–60, 61–90, over 90 days late.
 * - promise-kept rate, by count and by amount, over the promises whose date fell in M (pending ones left out).
 * - right-party contact rate = calls of M that reached someone who can commit (completed, refusal, call-back
 *   requested, dispute, payment-plan request) ÷ calls of M.
 * - cost per claim = (call hours × hourly cost + letters × letter cost + registered letters × registered
 *   cost) ÷ claims worked (distinct debtors called or written to in M).
 * Disputed invoices count in receivables (they are owed) like in any DSO. Receivables follow the debtor's
 * agent and both segments; calls, letters and promises the agent who made them and the debtor's two segments.
 * Ratios with a zero denominator are null (shown as "—"), never 0 or Infinity.
 */
import { z } from 'zod/mini';
import { toDayNumber } from '../calendar/isoDate';
import type { KpiCall, KpiDataset, KpiLetter, KpiPromise } from './dataset';

/** Unit costs for the cost per claim, set by the team lead (key `kpiCosts` of the settings store). */
export const KpiCosts = z.object({
  schemaVersion: z.literal(1),
  /** Cost of one agent hour (salary and overheads), in cents. */
  hourlyCents: z.int().check(z.minimum(0)),
  letterCents: z.int().check(z.minimum(0)),
  registeredLetterCents: z.int().check(z.minimum(0)),
});
export type KpiCosts = z.infer<typeof KpiCosts>;

/** Until the lead sets them: 35 € an hour, a letter 1,50 €, a registered letter with receipt 7,00 €. */
export const DEFAULT_KPI_COSTS: KpiCosts = { schemaVersion: 1, hourlyCents: 3500, letterCents: 150, registeredLetterCents: 700 };

export const AGE_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface MonthKpis {
  month: string;
  receivablesCents: number;
  currentCents: number;
  salesCents: number;
  collectedCents: number;
  dsoSimple: number | null;
  dsoCountback: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  recoveryRate: number | null;
  promiseKeptRateCount: number | null;
  promiseKeptRateAmount: number | null;
  rightPartyContactRate: number | null;
  costPerClaimCents: number | null;
  calls: number;
  claimsWorked: number;
  buckets: Record<AgeBucket, number>;
}

export interface KpiReport {
  months: string[];
  overall: MonthKpis[];
  byAgent: Record<string, MonthKpis[]>;
  /** Per market segment (`debtor.segment`). */
  bySegment: Record<string, MonthKpis[]>;
  /** Per payment-history segment (`reliable`, `watch`, `bad_payer`); empty when the dataset has none. */
  byHistory: Record<string, MonthKpis[]>;
}

export const RIGHT_PARTY_OUTCOMES: ReadonlySet<string> = new Set(['completed', 'refusal', 'call_back_requested', 'dispute', 'plan_request']);

/** `YYYY-MM` of the `count` months ending with today's. */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const monthEnd = (month: string) => `${month}-${String(daysIn(month)).padStart(2, '0')}`;
const monthBefore = (month: string) => lastMonths(`${month}-01`, 2)[0] as string;

interface Acc {
  receivables: Float64Array;
  current: Float64Array;
  sales: Float64Array;
  collected: Float64Array;
  recoveryBase: Float64Array;
  recovered: Float64Array;
  buckets: Float64Array;
  promisesDone: Float64Array;
  promisesKept: Float64Array;
  promisedCents: Float64Array;
  promisedPaid: Float64Array;
  calls: Float64Array;
  rpc: Float64Array;
  callSeconds: Float64Array;
  letters: Float64Array;
  registered: Float64Array;
  worked: Set<string>[];
}

function newAcc(slots: number): Acc {
  const f = () => new Float64Array(slots);
  return {
    receivables: f(),
    current: f(),
    sales: f(),
    collected: f(),
    recoveryBase: f(),
    recovered: f(),
    buckets: new Float64Array(slots * AGE_BUCKETS.length),
    promisesDone: f(),
    promisesKept: f(),
    promisedCents: f(),
    promisedPaid: f(),
    calls: f(),
    rpc: f(),
    callSeconds: f(),
    letters: f(),
    registered: f(),
    worked: Array.from({ length: slots }, () => new Set<string>()),
  };
}

/** `+=` on a typed array slot (strict index access types a read as possibly undefined). */
const add = (arr: Float64Array, i: number, v: number) => {
  arr[i] = (arr[i] ?? 0) + v;
};

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function computeKpis(data: KpiDataset, options: { today: string; months?: number; costs: KpiCosts }): KpiReport {
  const months = lastMonths(options.today, options.months ?? 12);
  // Slot 0 is the month before the first: the receivables the first month's CEI starts from.
  const slots = [monthBefore(months[0] as string), ...months];
  const ends = slots.map((m) => (monthEnd(m) > options.today ? options.today : monthEnd(m)));
  const starts = slots.map((m) => `${m}-01`);
  const slotOf = (date: string) => slots.indexOf(date.slice(0, 7));

  const groups = new Map<string, Acc>();
  const accFor = (key: string) => {
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = newAcc(slots.length)));
    return acc;
  };
  const overall = accFor('*');
  const debtorGroups = new Map<string, Acc[]>();
  // The invoices' figures go first to one accumulator per combination of groups (agent, market segment,
  // payment history: a few dozen), then each is added to its groups once: 200,000 invoices × 13 months add
  // to one accumulator instead of four. The figures are sums of integer cents, exact in a double, so the
  // order of the additions changes nothing.
  const combos = new Map<string, { acc: Acc; into: Acc[] }>();
  const debtorCombo = new Map<string, Acc>();
  // [overall, the debtor's agent, its market segment, its payment-history segment when known].
  for (const d of data.debtors) {
    const accs = [overall, accFor(`a:${d.agent}`), accFor(`s:${d.segment}`)];
    if (d.history !== undefined) accs.push(accFor(`h:${d.history}`));
    debtorGroups.set(d.id, accs);
    const comboKey = JSON.stringify([d.agent, d.segment, d.history ?? null]);
    let combo = combos.get(comboKey);
    if (!combo) combos.set(comboKey, (combo = { acc: newAcc(slots.length), into: accs }));
    debtorCombo.set(d.id, combo.acc);
  }
  // Invoices of a debtor not in the dataset count for the whole team only.
  const orphans = { acc: newAcc(slots.length), into: [overall] };
  // What an agent did counts for that agent, and for the debtor's segments.
  const agentGroups = (agent: string, debtorId: string): Acc[] => [overall, accFor(`a:${agent}`), ...(debtorGroups.get(debtorId)?.slice(2) ?? [])];

  const endDays = ends.map(toDayNumber);
  // A few thousand distinct due dates among 200,000 invoices: each parsed once.
  const dueDays = new Map<string, number>();
  for (const inv of data.invoices) {
    const acc = debtorCombo.get(inv.debtorId) ?? orphans.acc;
    const issued = slotOf(inv.issueDate);
    if (issued !== -1) add(acc.sales, issued, inv.amountCents);
    let dueDay = dueDays.get(inv.dueDate);
    if (dueDay === undefined) dueDays.set(inv.dueDate, (dueDay = toDayNumber(inv.dueDate)));
    let p = 0;
    let paid = 0;
    for (let s = 0; s < slots.length; s++) {
      const end = ends[s] as string;
      const start = starts[s] as string;
      // Paid before the month started (for the recovery base), then up to its end.
      while (p < inv.payments.length && (inv.payments[p]?.date as string) < start) paid += inv.payments[p++]?.cents ?? 0;
      // Settled, and nothing more to receive: this invoice adds nothing to this month or any later one.
      if (paid >= inv.amountCents && p >= inv.payments.length) break;
      const owedAtStart = Math.max(0, inv.amountCents - paid);
      let inMonth = 0;
      while (p < inv.payments.length && (inv.payments[p]?.date as string) <= end) inMonth += inv.payments[p++]?.cents ?? 0;
      paid += inMonth;
      if (inv.issueDate > end) continue;
      const owed = Math.max(0, inv.amountCents - paid);
      const late = (endDays[s] as number) - dueDay;
      // Due on E is not late yet (as on the worklist): still a current receivable, but owed for recovery.
      const due = late >= 0;
      const overdue = late > 0;
      const bucket = s * AGE_BUCKETS.length + (late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4);
      add(acc.receivables, s, owed);
      add(acc.collected, s, inMonth);
      if (!overdue) add(acc.current, s, owed);
      if (due && owedAtStart > 0) {
        add(acc.recoveryBase, s, owedAtStart);
        add(acc.recovered, s, Math.min(inMonth, owedAtStart));
      }
      if (owed > 0) add(acc.buckets, bucket, owed);
    }
  }
  for (const { acc, into } of [...combos.values(), orphans]) for (const target of into) addInvoiceFigures(target, acc);

  for (const pr of data.promises) addPromise(pr, slotOf(pr.dueDate), options.today, agentGroups(pr.agent, pr.debtorId));
  for (const c of data.calls) addCall(c, slotOf(c.date), agentGroups(c.agent, c.debtorId));
  for (const l of data.letters) addLetter(l, slotOf(l.date), agentGroups(l.agent, l.debtorId));

  const report: KpiReport = { months, overall: [], byAgent: {}, bySegment: {}, byHistory: {} };
  for (const [key, acc] of groups) {
    const series = months.map((month, i) => monthKpis(acc, i + 1, month, slots, options.costs));
    if (key === '*') report.overall = series;
    else if (key.startsWith('a:')) report.byAgent[key.slice(2)] = series;
    else if (key.startsWith('h:')) report.byHistory[key.slice(2)] = series;
    else report.bySegment[key.slice(2)] = series;
  }
  return report;
}

const INVOICE_FIGURES = ['sales', 'receivables', 'collected', 'current', 'recoveryBase', 'recovered', 'buckets'] as const;

/** Adds the invoice figures of `from` (one combination of groups) into `to` (one of its groups). */
function addInvoiceFigures(to: Acc, from: Acc) {
  for (const field of INVOICE_FIGURES) {
    const source = from[field];
    const target = to[field];
    for (let i = 0; i < source.length; i++) target[i] = (target[i] as number) + (source[i] as number);
  }
}

function addPromise(p: KpiPromise, s: number, today: string, accs: Acc[]) {
  if (s === -1 || p.status === 'pending' || p.dueDate > today) return;
  for (const acc of accs) {
    add(acc.promisesDone, s, 1);
    if (p.status === 'kept') add(acc.promisesKept, s, 1);
    add(acc.promisedCents, s, p.amountCents);
    add(acc.promisedPaid, s, Math.min(p.paidCents, p.amountCents));
  }
}

function addCall(c: KpiCall, s: number, accs: Acc[]) {
  if (s === -1) return;
  for (const acc of accs) {
    add(acc.calls, s, 1);
    if (RIGHT_PARTY_OUTCOMES.has(c.outcome)) add(acc.rpc, s, 1);
    add(acc.callSeconds, s, c.durationSeconds);
    acc.worked[s]?.add(c.debtorId);
  }
}

function addLetter(l: KpiLetter, s: number, accs: Acc[]) {
  if (s === -1) return;
  for (const acc of accs) {
    if (l.registered) add(acc.registered, s, 1);
    else add(acc.letters, s, 1);
    acc.worked[s]?.add(l.debtorId);
  }
}

function monthKpis(acc: Acc, s: number, month: string, slots: readonly string[], costs: KpiCosts): MonthKpis {
  const receivables = acc.receivables[s] as number;
  const current = acc.current[s] as number;
  const sales = acc.sales[s] as number;
  const window = [s, s - 1, s - 2].filter((i) => i >= 0);
  const sales3 = window.reduce((sum, i) => sum + (acc.sales[i] as number), 0);
  const days3 = window.reduce((sum, i) => sum + daysIn(slots[i] as string), 0);
  const dsoSimple = sales3 > 0 ? (receivables / sales3) * days3 : null;
  const bestPossibleDso = sales3 > 0 ? (current / sales3) * days3 : null;
  let dsoCountback: number | null = null;
  if (receivables === 0) dsoCountback = 0;
  else {
    let left = receivables;
    let days = 0;
    for (let i = s; i >= 0 && left > 0; i--) {
      const monthSales = acc.sales[i] as number;
      const d = daysIn(slots[i] as string);
      if (left >= monthSales) {
        left -= monthSales;
        days += d;
      } else {
        days += (left / monthSales) * d;
        left = 0;
      }
    }
    // Receivables older than every month looked at: the countback is at least what it covered.
    dsoCountback = days;
  }
  const begin = acc.receivables[s - 1] as number;
  const ceiBase = begin + sales - current;
  const cost = ((acc.callSeconds[s] as number) / 3600) * costs.hourlyCents + (acc.letters[s] as number) * costs.letterCents + (acc.registered[s] as number) * costs.registeredLetterCents;
  const worked = acc.worked[s]?.size ?? 0;
  const buckets = Object.fromEntries(AGE_BUCKETS.map((b, i) => [b, acc.buckets[s * AGE_BUCKETS.length + i] as number])) as Record<AgeBucket, number>;
  return {
    month,
    receivablesCents: receivables,
    currentCents: current,
    salesCents: sales,
    collectedCents: acc.collected[s] as number,
    dsoSimple,
    dsoCountback,
    bestPossibleDso,
    averageDaysDelinquent: dsoSimple !== null && bestPossibleDso !== null ? dsoSimple - bestPossibleDso : null,
    cei: ceiBase > 0 ? ((begin + sales - receivables) / ceiBase) * 100 : null,
    recoveryRate: ratio(acc.recovered[s] as number, acc.recoveryBase[s] as number),
    promiseKeptRateCount: ratio(acc.promisesKept[s] as number, acc.promisesDone[s] as number),
    promiseKeptRateAmount: ratio(acc.promisedPaid[s] as number, acc.promisedCents[s] as number),
    rightPartyContactRate: ratio(acc.rpc[s] as number, acc.calls[s] as number),
    costPerClaimCents: worked > 0 ? Math.round(cost / worked) : null,
    calls: acc.calls[s] as number,
    claimsWorked: worked,
    buckets,
  };
}
