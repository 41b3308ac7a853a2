/**
 * The KPI worker's read check: each stored debtor, invoice, activity and promise is checked for the fields the
 * KPIs read (domain/kpis/dataset.ts `KpiBundle`), with the same types, enums, ranges and date formats as their
 * zod schemas (domain/entities.ts), instead of a full zod parse. Measured at 50,000 debtors / 200,000 invoices
 * (node 20, the shared 2-core machine at load 18): the full parse of the four stores took 5.1 s, about as long
 * as reading them; this check takes a few tens of ms. The records are our own (every write is parsed by
 * `validateForWrite`), so the fields the KPIs do not read (names, addresses, notes) need no second look here;
 * the dossier and the exports still read them through the full schemas.
 *
 * A record that fails is handed to `onCorrupt` with the field that failed and left out, never thrown.
 */
import { regexes } from 'zod/mini';
import type { KpiBundle } from '../domain/kpis/dataset';
import { HISTORY_SEGMENTS } from '../domain/segmentation/history-segment';
import { stripBidiControls } from '../domain/text';
import { ACTIVITY_TYPES, PROMISE_STATUSES, SEGMENTS } from '../domain/vocabulary';
import type { CorruptHandler } from './codec';
import { recordKey } from './codec';

type KpiDebtorRecord = KpiBundle['debtor'];
type KpiInvoiceRecord = KpiBundle['invoices'][number];
type KpiActivityRecord = KpiBundle['activities'][number];
type KpiPromiseRecord = KpiBundle['promises'][number];

/** Every entity is at schema version 1 (`*_SCHEMA_VERSION` in domain/entities.ts). */
const SCHEMA_VERSION = 1;
// Spelt out rather than imported from domain/entities.ts, which would bring every zod schema into the worker.
const INVOICE_STATUSES: ReadonlySet<unknown> = new Set(['open', 'paid', 'disputed']);
const segments: ReadonlySet<unknown> = new Set(SEGMENTS);
const historySegments: ReadonlySet<unknown> = new Set(HISTORY_SEGMENTS);
const activityTypes: ReadonlySet<unknown> = new Set(ACTIVITY_TYPES);
const promiseStatuses: ReadonlySet<unknown> = new Set(PROMISE_STATUSES);

/** zod's own patterns for `IsoDate` and `IsoDateTime` (domain/primitives.ts), so the same values pass. */
const ISO_DATE = regexes.date;
const ISO_DATE_TIME = regexes.datetime({ offset: true });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isNonNegCents = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A date check that remembers the valid ones: 200,000 invoices carry a few thousand distinct days, so the
 * pattern runs a few thousand times, not 400,000.
 */
function dateCheck(pattern: RegExp): (v: unknown) => v is string {
  const seen = new Set<string>();
  return (v: unknown): v is string => {
    if (typeof v !== 'string') return false;
    if (seen.has(v)) return true;
    if (!pattern.test(v)) return false;
    seen.add(v);
    return true;
  };
}

/** The field of `r` that fails, or undefined when every field the KPIs read is sound. */
type FieldCheck = (r: Record<string, unknown>) => string | undefined;

function debtorFault(r: Record<string, unknown>): string | undefined {
  if (!isId(r.id)) return 'id';
  if (!segments.has(r.segment)) return 'segment';
  const o = r.segmentOverride;
  if (o !== undefined && !(isObj(o) && historySegments.has(o.segment))) return 'segmentOverride';
  return undefined;
}

function invoiceFault(isDate: (v: unknown) => v is string): FieldCheck {
  return (r) => {
    if (!isId(r.id)) return 'id';
    if (!isId(r.debtorId)) return 'debtorId';
    if (typeof r.number !== 'string' || r.number.length === 0) return 'number';
    if (!isDate(r.issueDate)) return 'issueDate';
    if (!isDate(r.dueDate)) return 'dueDate';
    if (!isNonNegCents(r.amountInclVatCents)) return 'amountInclVatCents';
    if (!isNonNegCents(r.amountPaidCents)) return 'amountPaidCents';
    if (!INVOICE_STATUSES.has(r.status)) return 'status';
    return undefined;
  };
}

function activityFault(isDateTime: (v: unknown) => v is string): FieldCheck {
  return (r) => {
    if (!isId(r.id)) return 'id';
    if (!isId(r.debtorId)) return 'debtorId';
    if (!activityTypes.has(r.type)) return 'type';
    if (!isDateTime(r.at)) return 'at';
    if (typeof r.agent !== 'string') return 'agent';
    if (r.outcome !== undefined && typeof r.outcome !== 'string') return 'outcome';
    if (r.details !== undefined && (!isObj(r.details) || Array.isArray(r.details))) return 'details';
    return undefined;
  };
}

function promiseFault(isDate: (v: unknown) => v is string, isDateTime: (v: unknown) => v is string): FieldCheck {
  return (r) => {
    if (!isId(r.id)) return 'id';
    if (!isId(r.debtorId)) return 'debtorId';
    if (!isDateTime(r.createdAt)) return 'createdAt';
    if (!isDate(r.dueDate)) return 'dueDate';
    if (!Number.isSafeInteger(r.amountCents) || (r.amountCents as number) <= 0) return 'amountCents';
    if (!isNonNegCents(r.paidCents)) return 'paidCents';
    if (!promiseStatuses.has(r.status)) return 'status';
    return undefined;
  };
}

/** The records of `values` that pass `fault`; the others reported to `onCorrupt` and left out. */
function checked<T>(store: string, values: readonly unknown[], fault: FieldCheck, onCorrupt: CorruptHandler): T[] {
  const out: T[] = [];
  for (const v of values) {
    const field = !isObj(v) ? '' : v.schemaVersion !== SCHEMA_VERSION ? 'schemaVersion' : fault(v);
    if (field === undefined) out.push(v as T);
    else onCorrupt({ store, key: recordKey(v), issues: [{ path: field, message: field === '' ? 'Not a record' : `Invalid ${field}` }] });
  }
  return out;
}

/**
 * Records written before every write stripped direction controls (storage/codec.ts) may still hold some: the
 * strings the KPIs group by (agent names, call outcomes) lose them here, as a full read would have done.
 */
function withoutBidi(a: KpiActivityRecord): KpiActivityRecord {
  const agent = stripBidiControls(a.agent);
  const outcome = a.outcome === undefined ? undefined : stripBidiControls(a.outcome);
  return agent === a.agent && outcome === a.outcome ? a : { ...a, agent, ...(outcome === undefined ? {} : { outcome }) };
}

export interface StoredKpiRecords {
  debtors: readonly unknown[];
  invoices: readonly unknown[];
  activities: readonly unknown[];
  promises: readonly unknown[];
}

/**
 * One light bundle per sound debtor, in the order read, holding its sound invoices, activities and promises
 * in the order read (as `kpiBundles` does with full records). Records of an unknown debtor are left out.
 */
export function kpiBundlesFromStored(stored: StoredKpiRecords, onCorrupt: CorruptHandler): KpiBundle[] {
  const isDate = dateCheck(ISO_DATE);
  const isDateTime = dateCheck(ISO_DATE_TIME);
  interface Building {
    debtor: KpiDebtorRecord;
    invoices: KpiInvoiceRecord[];
    activities: KpiActivityRecord[];
    promises: KpiPromiseRecord[];
  }
  const bundles = new Map<string, Building>();
  for (const debtor of checked<KpiDebtorRecord>('debtors', stored.debtors, debtorFault, onCorrupt)) {
    bundles.set(debtor.id, { debtor, invoices: [], activities: [], promises: [] });
  }
  for (const i of checked<KpiInvoiceRecord & { debtorId: string }>('invoices', stored.invoices, invoiceFault(isDate), onCorrupt)) {
    bundles.get(i.debtorId)?.invoices.push(i);
  }
  for (const a of checked<KpiActivityRecord & { debtorId: string }>('activities', stored.activities, activityFault(isDateTime), onCorrupt)) {
    bundles.get(a.debtorId)?.activities.push(withoutBidi(a));
  }
  for (const p of checked<KpiPromiseRecord & { debtorId: string }>('promises', stored.promises, promiseFault(isDate, isDateTime), onCorrupt)) {
    bundles.get(p.debtorId)?.promises.push(p);
  }
  return [...bundles.values()];
}
