/**
 * What the KPIs are computed from: flat lists, plain data, so the computation can run in a worker on data
 * read straight from the store. `datasetFromBundles` builds it from debtor bundles.
 */
import type { Activity, Invoice, PaymentPromise } from '../entities';
import { segmentHistoryOf } from '../segmentation/bundle-history';
import { digestFacts, effectiveSegment, historySegment, segmentOf, type HistorySegment, type SegmentDigest } from '../segmentation/history-segment';
import { LADDER_STEP_KEY } from '../ladder/ladder';
import { invoicePayments, paymentsFromActivities } from '../payments/allocation';
import type { DatedPayment } from '../penalties/penalties';

export interface KpiDebtor {
  id: string;
  /** The group the debtor counts in for "per segment" figures (the market segment: key account, SME…). */
  segment: string;
  /**
   * The debtor's payment-history segment (fiable / à surveiller / mauvais payeur, a lead's override applied),
   * for the "per payment history" figures; absent when the dataset was built without it.
   */
  history?: string;
  /** The agent the debtor's receivables count for in "per agent" figures. */
  agent: string;
}

export interface KpiInvoice {
  debtorId: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  /** Dated payments of this invoice, oldest first. */
  payments: readonly DatedPayment[];
  disputed: boolean;
}

export interface KpiPromise {
  debtorId: string;
  /** Agent who took the promise. */
  agent: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  status: 'pending' | 'kept' | 'partial' | 'broken';
}

export interface KpiCall {
  debtorId: string;
  agent: string;
  date: string;
  durationSeconds: number;
  outcome: string;
}

export interface KpiLetter {
  debtorId: string;
  agent: string;
  date: string;
  /** A formal notice goes by registered mail (lettre recommandée avec accusé de réception). */
  registered: boolean;
}

export interface KpiDataset {
  debtors: readonly KpiDebtor[];
  invoices: readonly KpiInvoice[];
  promises: readonly KpiPromise[];
  calls: readonly KpiCall[];
  letters: readonly KpiLetter[];
}

export const UNASSIGNED = '—';

/**
 * What the dataset reads of a debtor's records: a `DebtorBundle` is one, and so is the lighter bundle the KPI
 * worker builds from records checked only for these fields (storage/kpi-source.ts), without the contacts,
 * tasks, names and addresses a dossier needs.
 */
export interface KpiBundle {
  debtor: { id: string; segment: string; segmentOverride?: { segment: HistorySegment } | undefined };
  invoices: readonly Pick<Invoice, 'id' | 'number' | 'issueDate' | 'dueDate' | 'amountInclVatCents' | 'amountPaidCents' | 'status'>[];
  activities: readonly Pick<Activity, 'id' | 'type' | 'at' | 'agent' | 'outcome' | 'details'>[];
  promises: readonly Pick<PaymentPromise, 'id' | 'createdAt' | 'dueDate' | 'amountCents' | 'paidCents' | 'status'>[];
}

/**
 * From bundles. A debtor's agent is the one who called or wrote to it most (ties: the latest); a debtor nobody
 * worked on is unassigned. `segmentOf` picks the "per segment" grouping (the debtor's market segment); `historyOf`,
 * when given, the "per payment history" one (see `paymentHistoryOf`).
 */
export function datasetFromBundles<B extends KpiBundle>(
  bundles: readonly B[],
  segmentOf: (bundle: B) => string,
  timeZone?: string,
  historyOf?: (bundle: B) => string,
): KpiDataset {
  const out: { debtors: KpiDebtor[]; invoices: KpiInvoice[]; promises: KpiPromise[]; calls: KpiCall[]; letters: KpiLetter[] } = {
    debtors: [],
    invoices: [],
    promises: [],
    calls: [],
    letters: [],
  };
  for (const bundle of bundles) {
    const debtorId = bundle.debtor.id;
    // Most debtors have no payment in their timeline: skip building the lookup that would find none.
    const payments = bundle.activities.some((a) => a.type === 'payment') ? paymentsFromActivities(bundle.activities, bundle.invoices, timeZone) : [];
    for (const inv of bundle.invoices) {
      out.invoices.push({
        debtorId,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        amountCents: inv.amountInclVatCents,
        payments: invoicePayments(inv, payments),
        disputed: inv.status === 'disputed',
      });
    }
    const work = new Map<string, { n: number; last: string }>();
    const worked = (agent: string, at: string) => {
      const w = work.get(agent) ?? { n: 0, last: '' };
      work.set(agent, { n: w.n + 1, last: at > w.last ? at : w.last });
    };
    const callAgent = new Map<string, string>();
    for (const a of bundle.activities) {
      const date = a.at.slice(0, 10);
      if (a.type === 'call') {
        const seconds = Number((a.details as { durationSeconds?: unknown } | undefined)?.durationSeconds);
        out.calls.push({ debtorId, agent: a.agent, date, durationSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0, outcome: a.outcome ?? '' });
        callAgent.set(a.at, a.agent);
        worked(a.agent, a.at);
      } else if (a.type === 'letter') {
        const step = a.details?.[LADDER_STEP_KEY];
        out.letters.push({ debtorId, agent: a.agent, date, registered: step === 'formal_notice' });
        worked(a.agent, a.at);
      }
    }
    let agent = UNASSIGNED;
    let best = { n: 0, last: '' };
    for (const [name, w] of work) if (w.n > best.n || (w.n === best.n && w.last > best.last)) [agent, best] = [name, w];
    for (const p of bundle.promises) {
      out.promises.push({ debtorId, agent: callAgent.get(p.createdAt) ?? agent, dueDate: p.dueDate, amountCents: p.amountCents, paidCents: p.paidCents, status: p.status });
    }
    out.debtors.push({ id: debtorId, segment: segmentOf(bundle), agent, ...(historyOf ? { history: historyOf(bundle) } : {}) });
  }
  return out;
}

/**
 * The debtor's payment-history segment as of `today`, as the worklist and dossier show it: computed from the
 * last 12 months (domain/segmentation), replaced by a team lead's override when there is one. The KPIs group
 * every month of the 12 by this one current segment (like the market segment), so a month's figures per
 * segment answer "how do the debtors we now call bad payers behave", not a segment as it was back then.
 */
export function paymentHistoryOf(bundle: KpiBundle, today: string): HistorySegment {
  return effectiveSegment(historySegment(segmentHistoryOf(bundle), today), bundle.debtor.segmentOverride?.segment);
}

/**
 * The same segment from the digest a worklist summary stores (cheap: no dates to parse), `todayDay` being
 * today's day number; the override is the debtor record's.
 */
export function paymentHistoryFromDigest(digest: SegmentDigest, todayDay: number, override?: HistorySegment): HistorySegment {
  return effectiveSegment(segmentOf(digestFacts(digest, todayDay)), override);
}
