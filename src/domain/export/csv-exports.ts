/**
 * The four CSV exports: worklist, promises, activities and aged balance, in the format of ./csv.ts.
 * Headers and enumerations go through the injected `t` (namespace `exports`), so the file is in the agent's
 * language. The aged balance is written so that Cadence's own import reads it back (same columns as a
 * Sage-like open-items list: customer code, name, SIREN, invoice, dates, amount, amount due).
 */
import type { Activity, Debtor, Invoice, PaymentPromise } from '../entities';
import { daysBetween } from '../calendar/isoDate';
import { PaymentDetails } from '../payments/allocation';
import type { WorklistRow } from '../worklist';
import { cents, date, num, text, toExcelCsv, type CsvCell } from './csv';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The payment-history segment as the worklist shows it, marked when a team lead set it; empty when unknown. */
function historyText(row: WorklistRow, t: Translate): string {
  if (!row.history) return '';
  const segment = t(`exports:historySegment.${row.history.segment}`);
  return row.history.overridden ? t('exports:historySegment.overridden', { segment }) : segment;
}

/** The amount of a payment activity (its details, as src/domain/payments/allocation.ts writes them); empty otherwise. */
function paymentCell(activity: Activity): CsvCell {
  if (activity.type !== 'payment') return num(null);
  const parsed = PaymentDetails.safeParse(activity.details);
  return parsed.success ? cents(parsed.data.amountCents) : num(null);
}

export function worklistCsv(rows: readonly WorklistRow[], t: Translate): string {
  const headers = ['debtor', 'segment', 'history', 'overdue', 'notYetDue', 'disputed', 'oldestDaysLate', 'brokenPromises', 'nextTask', 'nextTaskKind', 'lastAction', 'priority'].map((k) =>
    t(`exports:worklist.${k}`),
  );
  return toExcelCsv(
    headers,
    rows.map((r): CsvCell[] => [
      text(r.name),
      text(t(`exports:segment.${r.segment}`)),
      text(historyText(r, t)),
      cents(r.overdueCents),
      cents(r.notYetDueCents),
      cents(r.disputedCents),
      num(r.oldestDaysLate),
      num(r.brokenPromises),
      date(r.nextTask?.dueDate),
      text(r.nextTask ? t(`exports:task.${r.nextTask.kind}`) : ''),
      date(r.lastAction?.at.slice(0, 10)),
      num(r.tier + 1),
    ]),
  );
}

export function promisesCsv(promises: readonly PaymentPromise[], names: ReadonlyMap<string, string>, invoiceNumbers: ReadonlyMap<string, string>, t: Translate): string {
  const headers = ['debtor', 'createdAt', 'dueDate', 'amount', 'paid', 'status', 'means', 'invoices'].map((k) => t(`exports:promises.${k}`));
  return toExcelCsv(
    headers,
    promises.map((p): CsvCell[] => [
      text(names.get(p.debtorId) ?? p.debtorId),
      date(p.createdAt.slice(0, 10)),
      date(p.dueDate),
      cents(p.amountCents),
      cents(p.paidCents),
      text(t(`exports:promiseStatus.${p.status}`)),
      text(t(`exports:means.${p.means}`)),
      text(p.invoiceIds.map((id) => invoiceNumbers.get(id) ?? id).join(', ')),
    ]),
  );
}

/**
 * An activity's outcome in words (the timeline's labels, `common:outcome`), never its stored code
 * (`no_answer`, `sent`…); a code this version has no label for stays as it is rather than showing a key.
 */
function outcomeText(outcome: string | undefined, t: Translate): string {
  if (!outcome) return '';
  const key = `common:outcome.${outcome}`;
  const label = t(key);
  return label === key || label === `outcome.${outcome}` ? outcome : label;
}

export function activitiesCsv(activities: readonly Activity[], names: ReadonlyMap<string, string>, t: Translate): string {
  const headers = ['debtor', 'date', 'time', 'type', 'outcome', 'amount', 'agent', 'summary'].map((k) => t(`exports:activities.${k}`));
  return toExcelCsv(
    headers,
    activities.map((a): CsvCell[] => [
      text(names.get(a.debtorId) ?? a.debtorId),
      date(a.at.slice(0, 10)),
      text(a.at.slice(11, 16)),
      text(t(`exports:activityType.${a.type}`)),
      text(outcomeText(a.outcome, t)),
      paymentCell(a),
      text(a.agent),
      text(a.summary),
    ]),
  );
}

/** Open and disputed invoices on `today`, one line each, with days late and the aging bucket. */
export function agedBalanceCsv(debtors: readonly Pick<Debtor, 'id' | 'name' | 'siren'>[], invoices: readonly Invoice[], today: string, t: Translate, codes: ReadonlyMap<string, string> = new Map()): string {
  const byId = new Map(debtors.map((d) => [d.id, d]));
  const headers = ['customerCode', 'debtor', 'siren', 'invoice', 'issueDate', 'dueDate', 'amount', 'due', 'daysLate', 'bucket', 'status'].map((k) => t(`exports:aged.${k}`));
  const rows = invoices
    .filter((i) => i.status !== 'paid' && i.amountInclVatCents > i.amountPaidCents)
    .map((i) => {
      const d = byId.get(i.debtorId);
      const late = Math.max(0, daysBetween(i.dueDate, today));
      const bucket = late === 0 ? 'not_due' : late <= 30 ? 'd1_30' : late <= 60 ? 'd31_60' : late <= 90 ? 'd61_90' : 'd90_plus';
      return {
        sort: `${d?.name ?? ''}\u0000${i.dueDate}\u0000${i.number}`,
        cells: [
          text(codes.get(i.debtorId) ?? ''),
          text(d?.name ?? i.debtorId),
          text(d?.siren ?? ''),
          text(i.number),
          date(i.issueDate),
          date(i.dueDate),
          cents(i.amountInclVatCents),
          cents(i.amountInclVatCents - i.amountPaidCents),
          num(late),
          text(t(`exports:bucket.${bucket}`)),
          text(t(`exports:invoiceStatus.${i.status}`)),
        ],
      };
    })
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  return toExcelCsv(headers, rows.map((r) => r.cells));
}
