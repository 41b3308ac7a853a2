/**
 * The rules every generated bundle must keep, as a list of human-readable problems (empty when sound).
 * The tests of both generators run it on their output; it is also handy to vet an imported portfolio.
 */
import type { DebtorBundle } from '../bundle';
import { Activity, Contact, Debtor, Invoice, PaymentPromise, Task } from '../entities';
import { calendarDay } from '../format';

/** Zod errors of every record of the bundle, prefixed with the record id. */
export function schemaProblems(bundle: DebtorBundle): string[] {
  const problems: string[] = [];
  const check = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: { id: string }): void => {
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${value.id}: ${String(result.error)}`);
  };
  check(Debtor, bundle.debtor);
  bundle.contacts.forEach((c) => check(Contact, c));
  bundle.invoices.forEach((i) => check(Invoice, i));
  bundle.activities.forEach((a) => check(Activity, a));
  bundle.promises.forEach((p) => check(PaymentPromise, p));
  bundle.tasks.forEach((t) => check(Task, t));
  return problems;
}

export function bundleProblems(bundle: DebtorBundle, today: string): string[] {
  const problems: string[] = [];
  const id = bundle.debtor.id;
  const records = [...bundle.contacts, ...bundle.invoices, ...bundle.activities, ...bundle.promises, ...bundle.tasks];
  for (const r of records) if (r.debtorId !== id) problems.push(`${r.id} points to ${r.debtorId}, not ${id}`);

  const preferred = bundle.contacts.filter((c) => c.preferred).length;
  if (bundle.contacts.length === 0 || preferred !== 1) problems.push(`${id}: ${preferred} preferred contacts`);

  const invoiceIds = new Set(bundle.invoices.map((i) => i.id));
  const contactIds = new Set(bundle.contacts.map((c) => c.id));
  for (const inv of bundle.invoices) {
    if (inv.amountInclVatCents < inv.amountExclVatCents) problems.push(`${inv.id}: incl < excl`);
    if (inv.amountPaidCents > inv.amountInclVatCents) problems.push(`${inv.id}: paid > incl`);
    if ((inv.status === 'paid') !== (inv.amountPaidCents === inv.amountInclVatCents)) problems.push(`${inv.id}: status ${inv.status} vs paid amount`);
    if ((inv.status === 'disputed') !== Boolean(inv.disputeReason)) problems.push(`${inv.id}: dispute reason vs status`);
    if (inv.issueDate > inv.dueDate) problems.push(`${inv.id}: issued after due`);
    if (inv.issueDate > today) problems.push(`${inv.id}: issued in the future`);
    if (calendarDay(bundle.debtor.createdAt) > inv.issueDate) problems.push(`${inv.id}: issued before the account existed`);
  }
  for (const a of bundle.activities) {
    if (calendarDay(a.at) >= today) problems.push(`${a.id}: activity not in the past`);
    if (a.at > bundle.debtor.updatedAt) problems.push(`${a.id}: later than debtor.updatedAt`);
    const contactId = a.details?.contactId;
    if (contactId !== undefined && !contactIds.has(String(contactId))) problems.push(`${a.id}: unknown contact`);
    const linked = a.details?.invoiceIds;
    if (Array.isArray(linked) && linked.some((i) => !invoiceIds.has(String(i)))) problems.push(`${a.id}: unknown invoice`);
  }
  for (const p of bundle.promises) {
    if (p.invoiceIds.some((i) => !invoiceIds.has(i))) problems.push(`${p.id}: unknown invoice`);
    if (p.contactId && !contactIds.has(p.contactId)) problems.push(`${p.id}: unknown contact`);
    const paidOnInvoices = bundle.invoices.filter((i) => p.invoiceIds.includes(i.id)).reduce((sum, i) => sum + i.amountPaidCents, 0);
    if (p.paidCents > paidOnInvoices) problems.push(`${p.id}: ${p.paidCents} paid against invoices that received ${paidOnInvoices}`);
    if (calendarDay(p.createdAt) >= today) problems.push(`${p.id}: created today or later`);
    const ok =
      (p.status === 'kept' && p.paidCents >= p.amountCents) ||
      (p.status === 'partial' && p.paidCents > 0 && p.paidCents < p.amountCents && p.dueDate < today) ||
      (p.status === 'broken' && p.paidCents < p.amountCents && p.dueDate < today) ||
      (p.status === 'pending' && p.dueDate >= today);
    if (!ok) problems.push(`${p.id}: status ${p.status} inconsistent with ${p.paidCents}/${p.amountCents} due ${p.dueDate}`);
  }
  for (const t of bundle.tasks) {
    if (t.done !== Boolean(t.doneAt)) problems.push(`${t.id}: done vs doneAt`);
  }
  return problems;
}
