/**
 * One debtor's part of the KPI dataset (./dataset.ts), packed so 50,000 of them are read from IndexedDB fast.
 *
 * The KPI worker used to read every debtor, invoice, activity and promise (300,000 objects at 50,000
 * debtors): deserialising them was 2.8 s of its 3.6 s. A digest is what `datasetFromBundles` derives from a
 * debtor's records, already derived (payments allocated to invoices, the debtor's agent chosen, each promise's
 * agent found), with every number of the debtor in ONE typed array (dates as day numbers, enums as small
 * ints) and its few strings (agents, call outcomes) interned in one array: six values per debtor to
 * deserialise instead of six objects per record. The array is an Int32Array when every number fits one (the
 * app records call durations in whole seconds; an invoice under 21 million euros): half the bytes of a
 * Float64Array, which is what IndexedDB reads from disk and copies to the worker (the large demo's 50,000
 * digests: 23.2 MB → 13.9 MB in V8's serialisation). A debtor with a larger amount or a fractional duration
 * keeps a Float64Array.
 * Only the payment-history segment depends on today; its
 * inputs are packed too (the worklist summary's `SegmentDigest`) and it is computed at read time.
 *
 * Layout of `nums`: a header of HEADER numbers (the counts of each section), then the sections in order:
 * - invoices, INVOICE_STRIDE each: issue day, due day, amount incl. VAT in cents, disputed (0/1), payments;
 * - payments, PAYMENT_STRIDE each (the invoices' payments, invoice after invoice, oldest first): day, cents;
 * - promises, PROMISE_STRIDE each: agent (index into `strings`), due day, amount, paid, status;
 * - calls, CALL_STRIDE each: agent, day, duration in seconds, outcome (index into `strings`);
 * - letters, LETTER_STRIDE each: agent, day, registered (0/1);
 * - the history's invoices, 4 numbers each (SegmentDigest.invoices), then its failed promise days.
 * Every number is an integer or a duration, exact in a double.
 *
 * Version 2: the Int32Array (version 1 was always a Float64Array). Digests of an older version are rebuilt
 * from the records by the KPI worker and written back (features/kpis/kpis-core.ts).
 */
import { fromDayNumber, toDayNumber } from '../calendar/isoDate';
import { HISTORY_SEGMENTS, type HistorySegment, type SegmentDigest } from '../segmentation/history-segment';
import { segmentDigestOf } from '../segmentation/bundle-history';
import { PROMISE_STATUSES, SEGMENTS } from '../vocabulary';
import { datasetFromBundles, paymentHistoryFromDigest, type KpiBundle, type KpiDataset, type KpiDebtor, type KpiInvoice } from './dataset';

/** Raised when what a digest holds or how it is derived changes: older digests are then not trusted. */
export const KPI_DIGEST_VERSION = 2;

const HEADER = 7;
const INVOICE_STRIDE = 5;
const PAYMENT_STRIDE = 2;
const PROMISE_STRIDE = 5;
const CALL_STRIDE = 4;
const LETTER_STRIDE = 3;
const HISTORY_STRIDE = 4;

/** A record the digest's build left out because it failed its schema: reported again each time it is read. */
export interface DigestCorruptRecord {
  store: string;
  key: string | undefined;
  issues: { path: string; message: string }[];
}

export interface KpiDigest {
  /** KPI_DIGEST_VERSION when written. */
  v: number;
  debtorId: string;
  /** The market segment (`debtor.segment`). */
  segment: string;
  /** The team lead's payment-history override, when set. */
  override?: HistorySegment;
  /** The agent the debtor's receivables count for (dataset.ts `UNASSIGNED` when nobody worked on it). */
  agent: string;
  /** Agent names and call outcomes, each once. */
  strings: string[];
  /** Int32Array when every number fits one, else Float64Array (see the layout above). */
  nums: Int32Array | Float64Array;
  /** Records of this debtor left out when the digest was built (they failed their schema). */
  corrupt?: DigestCorruptRecord[];
}

function interner(): { strings: string[]; index: (s: string) => number } {
  const strings: string[] = [];
  const seen = new Map<string, number>();
  return {
    strings,
    index(s) {
      let i = seen.get(s);
      if (i === undefined) {
        i = strings.length;
        seen.set(s, i);
        strings.push(s);
      }
      return i;
    },
  };
}

const promiseStatusIndex = new Map<string, number>(PROMISE_STATUSES.map((s, i) => [s, i]));

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The bundle with its invoices, activities and promises in key order (ids compared by code unit, as
 * IndexedDB orders string keys): the order every read of the store gives them, so a digest does not depend
 * on the order a writer happened to hold them in (an import's file order, a bundle as generated).
 */
export function inKeyOrder<B extends KpiBundle>(bundle: B): B {
  return { ...bundle, invoices: byId(bundle.invoices), activities: byId(bundle.activities), promises: byId(bundle.promises) };
}

/**
 * The digest of one debtor, from the same bundle its worklist summary is built from: `datasetFromBundles`
 * on that bundle alone (its records in key order), packed. `corrupt` lists the debtor's records that were
 * left out of the bundle.
 */
export function kpiDigest(written: KpiBundle, corrupt: readonly DigestCorruptRecord[] = []): KpiDigest {
  const bundle = inKeyOrder(written);
  const data = datasetFromBundles([bundle], (b) => b.debtor.segment);
  const debtor = data.debtors[0] as KpiDebtor;
  const { strings, index } = interner();
  const history = segmentDigestOf(bundle);
  const payments = data.invoices.reduce((n, inv) => n + inv.payments.length, 0);
  const counts = [data.invoices.length, payments, data.promises.length, data.calls.length, data.letters.length, history.invoices.length / HISTORY_STRIDE, history.failedPromiseDays.length];
  const size =
    HEADER +
    counts[0]! * INVOICE_STRIDE +
    counts[1]! * PAYMENT_STRIDE +
    counts[2]! * PROMISE_STRIDE +
    counts[3]! * CALL_STRIDE +
    counts[4]! * LETTER_STRIDE +
    history.invoices.length +
    history.failedPromiseDays.length;
  const values = new Array<number>(size);
  let at = 0;
  let int32 = true;
  const put = (...list: number[]) => {
    for (const v of list) {
      values[at++] = v;
      if (int32 && !Object.is(v | 0, v)) int32 = false; // -0 and fractions too
    }
  };
  put(...counts);
  for (const inv of data.invoices) put(toDayNumber(inv.issueDate), toDayNumber(inv.dueDate), inv.amountCents, inv.disputed ? 1 : 0, inv.payments.length);
  for (const inv of data.invoices) for (const p of inv.payments) put(toDayNumber(p.date), p.cents);
  for (const p of data.promises) put(index(p.agent), toDayNumber(p.dueDate), p.amountCents, p.paidCents, promiseStatusIndex.get(p.status) as number);
  for (const c of data.calls) put(index(c.agent), toDayNumber(c.date), c.durationSeconds, index(c.outcome));
  for (const l of data.letters) put(index(l.agent), toDayNumber(l.date), l.registered ? 1 : 0);
  put(...history.invoices, ...history.failedPromiseDays);
  const nums = int32 ? Int32Array.from(values) : Float64Array.from(values);
  const override = bundle.debtor.segmentOverride?.segment;
  return {
    v: KPI_DIGEST_VERSION,
    debtorId: debtor.id,
    segment: debtor.segment,
    ...(override === undefined ? {} : { override }),
    agent: debtor.agent,
    strings,
    nums,
    ...(corrupt.length > 0 ? { corrupt: corrupt.map((c) => ({ store: c.store, key: c.key, issues: c.issues.map((i) => ({ path: i.path, message: i.message })) })) } : {}),
  };
}

const segments: ReadonlySet<unknown> = new Set(SEGMENTS);
const historySegments: ReadonlySet<unknown> = new Set(HISTORY_SEGMENTS);
const isInt = (v: number) => Number.isSafeInteger(v);
const isDay = (v: number) => isInt(v) && v >= -719_162 && v <= 2_932_896; // 0001-01-01 … 9999-12-31
const isCents = (v: number) => isInt(v) && v >= 0;

function corruptListFault(v: unknown): boolean {
  if (v === undefined) return false;
  if (!Array.isArray(v)) return true;
  const isIssue = (i: unknown) => typeof i === 'object' && i !== null && typeof (i as Record<string, unknown>).path === 'string' && typeof (i as Record<string, unknown>).message === 'string';
  return !v.every((c) => {
    if (typeof c !== 'object' || c === null) return false;
    const r = c as Record<string, unknown>;
    return typeof r.store === 'string' && (r.key === undefined || typeof r.key === 'string') && Array.isArray(r.issues) && r.issues.every(isIssue);
  });
}

/**
 * Why a stored value is not a sound digest (undefined when it is): its version, a field, or a number out of
 * its range or layout. A digest that fails is not read; the debtor's records are (see storage/kpi-source.ts).
 */
export function kpiDigestFault(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a record';
  const d = value as Record<string, unknown>;
  if (d.v !== KPI_DIGEST_VERSION) return 'v';
  if (typeof d.debtorId !== 'string' || d.debtorId.length === 0) return 'debtorId';
  if (!segments.has(d.segment)) return 'segment';
  if (d.override !== undefined && !historySegments.has(d.override)) return 'override';
  if (typeof d.agent !== 'string') return 'agent';
  if (!Array.isArray(d.strings) || !d.strings.every((s) => typeof s === 'string')) return 'strings';
  if (corruptListFault(d.corrupt)) return 'corrupt';
  // By tag, not `instanceof`: a structured clone may come from another realm (a test's DOM, a worker).
  if (!NUMS_TAGS.has(Object.prototype.toString.call(d.nums)) || (d.nums as Float64Array).length < HEADER) return 'nums';
  return numsFault(d.nums as Int32Array | Float64Array, d.strings.length);
}

const NUMS_TAGS: ReadonlySet<string> = new Set(['[object Int32Array]', '[object Float64Array]']);

function numsFault(n: Int32Array | Float64Array, strings: number): string | undefined {
  const [invoices, payments, promises, calls, letters, history, failed] = Array.from(n.subarray(0, HEADER));
  const counts = [invoices, payments, promises, calls, letters, history, failed] as number[];
  if (!counts.every((c) => isInt(c) && c >= 0)) return 'nums.header';
  const expected = HEADER + counts[0]! * INVOICE_STRIDE + counts[1]! * PAYMENT_STRIDE + counts[2]! * PROMISE_STRIDE + counts[3]! * CALL_STRIDE + counts[4]! * LETTER_STRIDE + counts[5]! * HISTORY_STRIDE + counts[6]!;
  if (n.length !== expected) return 'nums.length';
  const isString = (v: number) => isInt(v) && v >= 0 && v < strings;
  let at = HEADER;
  let paymentTotal = 0;
  for (let i = 0; i < counts[0]!; i++, at += INVOICE_STRIDE) {
    if (!isDay(n[at]!) || !isDay(n[at + 1]!) || !isCents(n[at + 2]!) || (n[at + 3] !== 0 && n[at + 3] !== 1) || !isCents(n[at + 4]!)) return 'nums.invoices';
    paymentTotal += n[at + 4]!;
  }
  if (paymentTotal !== counts[1]) return 'nums.invoices';
  for (let i = 0; i < counts[1]!; i++, at += PAYMENT_STRIDE) if (!isDay(n[at]!) || !isInt(n[at + 1]!)) return 'nums.payments';
  for (let i = 0; i < counts[2]!; i++, at += PROMISE_STRIDE) {
    if (!isString(n[at]!) || !isDay(n[at + 1]!) || !isCents(n[at + 2]!) || !isCents(n[at + 3]!) || !(isInt(n[at + 4]!) && n[at + 4]! >= 0 && n[at + 4]! < PROMISE_STATUSES.length)) return 'nums.promises';
  }
  for (let i = 0; i < counts[3]!; i++, at += CALL_STRIDE) {
    if (!isString(n[at]!) || !isDay(n[at + 1]!) || !(Number.isFinite(n[at + 2]!) && n[at + 2]! >= 0) || !isString(n[at + 3]!)) return 'nums.calls';
  }
  for (let i = 0; i < counts[4]!; i++, at += LETTER_STRIDE) if (!isString(n[at]!) || !isDay(n[at + 1]!) || (n[at + 2] !== 0 && n[at + 2] !== 1)) return 'nums.letters';
  for (let i = 0; i < counts[5]!; i++, at += HISTORY_STRIDE) {
    if (!isDay(n[at]!) || !isCents(n[at + 1]!) || !(n[at + 2] === -1 || isDay(n[at + 2]!)) || (n[at + 3] !== 0 && n[at + 3] !== 1)) return 'nums.history';
  }
  for (let i = 0; i < counts[6]!; i++, at++) if (!isDay(n[at]!)) return 'nums.history';
  return undefined;
}

/** Day number → ISO date, each distinct day formatted once (a portfolio holds a few thousand). */
function dayFormatter(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = fromDayNumber(day)));
    return s;
  };
}

/**
 * The dataset `datasetFromBundles(bundles, b => b.debtor.segment, undefined, b => paymentHistoryOf(b, today))`
 * gives on the bundles the digests were built from (in the same order, each in key order, `inKeyOrder`).
 * Each digest must pass `kpiDigestFault`.
 */
export function datasetFromDigests(digests: readonly KpiDigest[], today: string): KpiDataset {
  const builder = datasetBuilder(today);
  builder.add(digests);
  return builder.dataset;
}

/**
 * The dataset of `datasetFromDigests`, built a chunk of digests at a time (`add` in debtor order): the KPI
 * worker adds each chunk as IndexedDB hands it over, while the next one is being read.
 */
export function datasetBuilder(today: string): { add(digests: readonly KpiDigest[]): void; readonly dataset: KpiDataset } {
  const day = dayFormatter();
  const todayDay = toDayNumber(today);
  const out: { debtors: KpiDebtor[]; invoices: KpiInvoice[]; promises: KpiDataset['promises'][number][]; calls: KpiDataset['calls'][number][]; letters: KpiDataset['letters'][number][] } = {
    debtors: [],
    invoices: [],
    promises: [],
    calls: [],
    letters: [],
  };
  const add = (digests: readonly KpiDigest[]): void => {
    for (const d of digests) {
      const { debtorId, strings: s, nums: n } = d;
      const [invoices, payments, promises, calls, letters, history, failed] = [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, n[6]!];
      let at = HEADER;
      let pay = HEADER + invoices * INVOICE_STRIDE;
      for (let i = 0; i < invoices!; i++, at += INVOICE_STRIDE) {
        const count = n[at + 4]!;
        const list: { date: string; cents: number }[] = [];
        for (let p = 0; p < count; p++, pay += PAYMENT_STRIDE) list.push({ date: day(n[pay]!), cents: n[pay + 1]! });
        out.invoices.push({ debtorId, issueDate: day(n[at]!), dueDate: day(n[at + 1]!), amountCents: n[at + 2]!, payments: list, disputed: n[at + 3] === 1 });
      }
      at += payments! * PAYMENT_STRIDE;
      for (let i = 0; i < promises!; i++, at += PROMISE_STRIDE) {
        const status = PROMISE_STATUSES[n[at + 4]!] as (typeof PROMISE_STATUSES)[number];
        out.promises.push({ debtorId, agent: s[n[at]!] as string, dueDate: day(n[at + 1]!), amountCents: n[at + 2]!, paidCents: n[at + 3]!, status });
      }
      for (let i = 0; i < calls!; i++, at += CALL_STRIDE) {
        out.calls.push({ debtorId, agent: s[n[at]!] as string, date: day(n[at + 1]!), durationSeconds: n[at + 2]!, outcome: s[n[at + 3]!] as string });
      }
      for (let i = 0; i < letters!; i++, at += LETTER_STRIDE) out.letters.push({ debtorId, agent: s[n[at]!] as string, date: day(n[at + 1]!), registered: n[at + 2] === 1 });
      const historyEnd = at + history! * HISTORY_STRIDE;
      const segmentDigest: SegmentDigest = { invoices: Array.from(n.subarray(at, historyEnd)), failedPromiseDays: Array.from(n.subarray(historyEnd, historyEnd + failed!)) };
      out.debtors.push({ id: debtorId, segment: d.segment, agent: d.agent, history: paymentHistoryFromDigest(segmentDigest, todayDay, d.override) });
    }
  };
  return { add, dataset: out };
}
