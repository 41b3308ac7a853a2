/**
 * The import plan: what a parsed file changes in the portfolio Cadence holds, computed before anything is
 * stored, shown in the preview, then written whole (or not at all) by the storage layer.
 *
 * Debtors are matched, in this order, by customer code, by SIREN, then by normalised company name (accents,
 * case, punctuation and legal form ignored). A name match is never taken silently — unless the file has no
 * customer code and exactly one debtor bears the very same name, the only key a name-only file has — it
 * waits for the agent's confirmation (`decisions`: the existing debtor's id, or `new`), and the plan is not ready until every one
 * is decided. An unmatched debtor is new.
 *
 * Invoices are matched by debtor and invoice number (case, spaces and separators ignored):
 * - in the file, not in Cadence → new (open);
 * - in both → updated when an amount, a date or the label differs (a paid invoice listed again is reopened);
 * - open in Cadence, absent from the file → closed: marked paid on the import date for what was still owed
 *   (the file lists what is open on its date, so what left it was settled). That holds for a full export; a
 *   partial one (one branch, one ledger, another company's file) leaves out whole debtors, and closing theirs
 *   would wipe the portfolio. So closures are told apart: invoices missing for a debtor the file lists, and
 *   invoices of debtors absent from the file (`closing`). The agent says whether the file covers the whole
 *   portfolio (`absentDebtors`: `close`) or a part (`keep`); by default the whole, as the rule above says, and
 *   the review screen shows both amounts before anything is stored, with a warning when the file matches no
 *   stored debtor or the absent debtors' closures exceed half the open balance. `closeMissing` (tests, tools)
 *   overrides all.
 * The import owns only the accounting facts: amounts, dates, numbers, labels, open or paid, and a debtor's
 * name, SIREN and customer code. What agents wrote is never touched: contacts (a new debtor gets the file's
 * email and phone as its first contact, an existing one keeps its own), notes, promises, activities, tasks,
 * and disputes (a disputed invoice still open in the file stays disputed, with its reason).
 *
 * A file with refused rows is refused whole, unless the agent chose to import the valid rows only; then the
 * invoices those rows name are neither created nor closed.
 *
 * `applyPlan` gives the portfolio after the plan: planning the same file again on it changes nothing.
 */
import type { ParsedPortfolio, ImportedDebtor, ImportedInvoice } from './portfolio';
import { invoiceKey, normalizedName } from './portfolio';
import type { RowError } from './errors';
import type { DebtorKind } from '../entities';

export interface ExistingDebtor {
  id: string;
  name: string;
  siren?: string;
  customerCode?: string;
  kind?: DebtorKind;
}

export interface ExistingInvoice {
  id: string;
  debtorId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  label: string;
  amountInclVatCents: number;
  amountExclVatCents: number;
  amountPaidCents: number;
  status: 'open' | 'paid' | 'disputed';
  disputeReason?: string;
}

export interface ExistingPortfolio {
  debtors: readonly ExistingDebtor[];
  invoices: readonly ExistingInvoice[];
}

/** The fields an import writes on an invoice. */
export type InvoiceFacts = Pick<
  ExistingInvoice,
  'number' | 'issueDate' | 'dueDate' | 'label' | 'amountInclVatCents' | 'amountExclVatCents' | 'amountPaidCents' | 'status'
>;

export type DebtorChange =
  | { kind: 'new'; key: string; id: string; debtor: ImportedDebtor }
  | { kind: 'updated'; key: string; id: string; set: Partial<Pick<ExistingDebtor, 'name' | 'siren' | 'customerCode' | 'kind'>>; matchedBy: MatchedBy }
  | { kind: 'unchanged'; key: string; id: string; matchedBy: MatchedBy };

export type MatchedBy = 'customer_code' | 'siren' | 'name';

export interface NameConfirmation {
  key: string;
  imported: ImportedDebtor;
  candidates: { id: string; name: string }[];
  /** The agent's answer, when given: a candidate's id or `new`. */
  decision?: string;
}

export type InvoiceChange =
  | { kind: 'new'; id: string; debtorId: string; facts: InvoiceFacts; line: number }
  | { kind: 'updated'; id: string; debtorId: string; before: InvoiceFacts; facts: InvoiceFacts; line: number }
  | { kind: 'closed'; id: string; debtorId: string; number: string; settledCents: number; paidOn: string; debtorInFile: boolean };

/** Invoices and what is still owed on them. */
export interface ClosedAmount {
  invoices: number;
  cents: number;
}

/**
 * What the file would close, told apart, whatever the agent chose: invoices missing for debtors the file
 * lists, and all the open invoices of debtors the file does not list at all.
 */
export interface ClosingSummary {
  inFile: ClosedAmount;
  absent: ClosedAmount & { debtors: number };
  /**
   * `none`: no absent debtor has anything to close (nothing to ask); `default_full`: asked, the full-portfolio
   * answer preselected; `warned`: asked, the full-portfolio answer still preselected (the rule for a newer export,
   * which the import keeps), with a warning because the file matches no stored debtor (`no_overlap`) or the
   * absent debtors' closures exceed half the open balance (`over_half`). Never blocked: a newer file whose only
   * change is a large paid invoice must import as before.
   */
  choice: 'none' | 'default_full' | 'warned';
  reason?: 'no_overlap' | 'over_half';
  /** What the plan does for the absent debtors: close their invoices or keep them open. */
  absentDebtors?: AbsentDebtors;
}

export type AbsentDebtors = 'close' | 'keep';

export interface PortfolioTotals {
  debtors: number;
  openInvoices: number;
  /** What is still owed on open and disputed invoices. */
  openCents: number;
}

export interface ImportPlan {
  importDate: string;
  debtors: DebtorChange[];
  confirmations: NameConfirmation[];
  invoices: InvoiceChange[];
  counts: {
    debtors: { new: number; updated: number; unchanged: number };
    invoices: { new: number; updated: number; closed: number; unchanged: number };
  };
  totals: { before: PortfolioTotals; after: PortfolioTotals };
  closing: ClosingSummary;
  /** False while a name match, or the absent debtors' choice, waits for the agent. */
  ready: boolean;
}

export interface PlanOptions {
  importDate: string;
  newId: (kind: 'debtor' | 'invoice') => string;
  /** Answers to name matches, by imported debtor key: an existing id, or `new`. */
  decisions?: Readonly<Record<string, string>>;
  validRowsOnly?: boolean;
  /** The agent's answer for debtors absent from the file: the file covers the whole portfolio (`close`) or a part (`keep`). */
  absentDebtors?: AbsentDebtors;
  /** Overrides `absentDebtors` and the default: what to close regardless of the agent's answer. */
  closeMissing?: 'all' | 'debtors_in_file' | 'none';
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; refused: RowError[] };

const owed = (i: Pick<ExistingInvoice, 'amountInclVatCents' | 'amountPaidCents'>) => Math.max(0, i.amountInclVatCents - i.amountPaidCents);
const isOpen = (i: ExistingInvoice) => i.status !== 'paid';

function totalsOf(portfolio: ExistingPortfolio): PortfolioTotals {
  const open = portfolio.invoices.filter(isOpen);
  return { debtors: portfolio.debtors.length, openInvoices: open.length, openCents: open.reduce((s, i) => s + owed(i), 0) };
}

function factsOf(inv: ImportedInvoice, existing?: ExistingInvoice): InvoiceFacts {
  // A file that only says what is owed: 1 000 € owed on an invoice Cadence knows at 2 500 € means 1 500 € paid.
  const total = !inv.totalKnown && existing ? Math.max(existing.amountInclVatCents, inv.openCents) : inv.totalCents;
  return {
    number: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    label: inv.label,
    amountInclVatCents: total,
    // Files rarely give the amount excluding VAT: keep what Cadence knew rather than invent one.
    amountExclVatCents: inv.amountExclVatCents ?? existing?.amountExclVatCents ?? total,
    amountPaidCents: total - inv.openCents,
    // A dispute is the agent's: an invoice still open in the file stays disputed.
    status: existing?.status === 'disputed' ? 'disputed' : 'open',
  };
}

const sameFacts = (a: InvoiceFacts, b: InvoiceFacts) =>
  a.number === b.number &&
  a.issueDate === b.issueDate &&
  a.dueDate === b.dueDate &&
  a.label === b.label &&
  a.amountInclVatCents === b.amountInclVatCents &&
  a.amountExclVatCents === b.amountExclVatCents &&
  a.amountPaidCents === b.amountPaidCents &&
  a.status === b.status;

const existingFacts = (i: ExistingInvoice): InvoiceFacts => ({
  number: i.number,
  issueDate: i.issueDate,
  dueDate: i.dueDate,
  label: i.label,
  amountInclVatCents: i.amountInclVatCents,
  amountExclVatCents: i.amountExclVatCents,
  amountPaidCents: i.amountPaidCents,
  status: i.status,
});

interface DebtorIndex {
  byCode: Map<string, ExistingDebtor>;
  bySiren: Map<string, ExistingDebtor>;
  byName: Map<string, ExistingDebtor[]>;
}

function indexDebtors(debtors: readonly ExistingDebtor[]): DebtorIndex {
  const index: DebtorIndex = { byCode: new Map(), bySiren: new Map(), byName: new Map() };
  for (const d of debtors) {
    if (d.customerCode) index.byCode.set(d.customerCode, d);
    if (d.siren && !index.bySiren.has(d.siren)) index.bySiren.set(d.siren, d);
    const n = normalizedName(d.name);
    if (n) index.byName.set(n, [...(index.byName.get(n) ?? []), d]);
  }
  return index;
}

export function planImport(parsed: ParsedPortfolio, existing: ExistingPortfolio, options: PlanOptions): PlanResult {
  if (parsed.errors.length > 0 && !options.validRowsOnly) return { ok: false, refused: parsed.errors };
  const decisions = options.decisions ?? {};
  const index = indexDebtors(existing.debtors);
  const debtors: DebtorChange[] = [];
  const confirmations: NameConfirmation[] = [];
  const idOfKey = new Map<string, string>();
  const claimed = new Set<string>();

  for (const d of parsed.debtors) {
    let match: ExistingDebtor | undefined;
    let matchedBy: MatchedBy | undefined;
    const byCode = d.customerCode ? index.byCode.get(d.customerCode) : undefined;
    const bySiren = d.siren ? index.bySiren.get(d.siren) : undefined;
    if (byCode && !claimed.has(byCode.id)) [match, matchedBy] = [byCode, 'customer_code'];
    else if (bySiren && !claimed.has(bySiren.id) && !(bySiren.customerCode && d.customerCode && bySiren.customerCode !== d.customerCode))
      [match, matchedBy] = [bySiren, 'siren'];
    else {
      // A debtor that already has another customer code is another customer of the same name.
      const candidates = (index.byName.get(normalizedName(d.name)) ?? []).filter(
        (c) => !claimed.has(c.id) && !(c.customerCode && d.customerCode && c.customerCode !== d.customerCode),
      );
      const same = candidates.filter((c) => c.name.trim() === d.name.trim());
      if (same.length === 1 && !d.customerCode) [match, matchedBy] = [same[0], 'name'];
      else if (candidates.length > 0) {
        const decision = decisions[d.key];
        const chosen = decision && decision !== 'new' ? candidates.find((c) => c.id === decision) : undefined;
        confirmations.push({ key: d.key, imported: d, candidates: candidates.map((c) => ({ id: c.id, name: c.name })), ...(decision ? { decision } : {}) });
        if (chosen) [match, matchedBy] = [chosen, 'name'];
        else if (decision !== 'new') [match, matchedBy] = [candidates[0], 'name'];
      }
    }
    if (match && matchedBy) {
      claimed.add(match.id);
      idOfKey.set(d.key, match.id);
      const set: Partial<Pick<ExistingDebtor, 'name' | 'siren' | 'customerCode' | 'kind'>> = {};
      if (d.customerCode && match.customerCode !== d.customerCode) set.customerCode = d.customerCode;
      if (d.siren && match.siren !== d.siren) set.siren = d.siren;
      // A debtor stored before kinds existed counts as a business.
      if (d.kind && (match.kind ?? 'business') !== d.kind) set.kind = d.kind;
      if (d.name && match.name !== d.name && matchedBy !== 'name') set.name = d.name;
      debtors.push(Object.keys(set).length ? { kind: 'updated', key: d.key, id: match.id, set, matchedBy } : { kind: 'unchanged', key: d.key, id: match.id, matchedBy });
    } else {
      const id = options.newId('debtor');
      idOfKey.set(d.key, id);
      debtors.push({ kind: 'new', key: d.key, id, debtor: d });
    }
  }

  const existingByKey = new Map<string, ExistingInvoice>();
  for (const inv of existing.invoices) existingByKey.set(`${inv.debtorId}\u0000${invoiceKey(inv.number)}`, inv);
  const invoices: InvoiceChange[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const inv of parsed.invoices) {
    const debtorId = idOfKey.get(inv.debtorKey);
    if (!debtorId) continue;
    const k = `${debtorId}\u0000${invoiceKey(inv.number)}`;
    const before = existingByKey.get(k);
    seen.add(k);
    if (!before) {
      invoices.push({ kind: 'new', id: options.newId('invoice'), debtorId, facts: factsOf(inv), line: inv.line });
      continue;
    }
    const facts = factsOf(inv, before);
    const was = existingFacts(before);
    if (sameFacts(facts, was)) unchanged++;
    else invoices.push({ kind: 'updated', id: before.id, debtorId, before: was, facts, line: inv.line });
  }

  // Every closure the file implies, then the absent debtors' ones kept or dropped by the agent's answer.
  const inFile = new Set(idOfKey.values());
  const candidates: Extract<InvoiceChange, { kind: 'closed' }>[] = [];
  if (options.closeMissing !== 'none') {
    const protectedNumbers = new Set(parsed.refused.flatMap((r) => (r.invoiceNumber ? [invoiceKey(r.invoiceNumber)] : [])));
    const protectedDebtors = new Set(parsed.refused.flatMap((r) => (r.debtorKey && !r.invoiceNumber ? [idOfKey.get(r.debtorKey) ?? ''] : [])));
    for (const inv of existing.invoices) {
      if (!isOpen(inv) || seen.has(`${inv.debtorId}\u0000${invoiceKey(inv.number)}`)) continue;
      if (protectedNumbers.has(invoiceKey(inv.number)) || protectedDebtors.has(inv.debtorId)) continue;
      const debtorInFile = inFile.has(inv.debtorId);
      candidates.push({ kind: 'closed', id: inv.id, debtorId: inv.debtorId, number: inv.number, settledCents: owed(inv), paidOn: options.importDate, debtorInFile });
    }
  }
  const before = totalsOf(existing);
  const closing = closingSummary(candidates, existing, inFile, before.openCents, options);
  const closeAbsent = options.closeMissing ? options.closeMissing === 'all' : closing.absentDebtors === 'close';
  for (const c of candidates) if (c.debtorInFile || closeAbsent) invoices.push(c);

  const count = <K extends string>(list: readonly { kind: K }[], kind: K) => list.filter((c) => c.kind === kind).length;
  const plan: ImportPlan = {
    importDate: options.importDate,
    debtors,
    confirmations,
    invoices,
    counts: {
      debtors: { new: count(debtors, 'new'), updated: count(debtors, 'updated'), unchanged: count(debtors, 'unchanged') },
      invoices: { new: count(invoices, 'new'), updated: count(invoices, 'updated'), closed: count(invoices, 'closed'), unchanged },
    },
    totals: { before, after: before },
    closing,
    ready: confirmations.every((c) => c.decision !== undefined),
  };
  plan.totals.after = totalsOf(applyPlan(existing, plan));
  return { ok: true, plan };
}

function closingSummary(
  candidates: readonly Extract<InvoiceChange, { kind: 'closed' }>[],
  existing: ExistingPortfolio,
  inFile: ReadonlySet<string>,
  openCents: number,
  options: PlanOptions,
): ClosingSummary {
  const sum = (list: readonly { settledCents: number }[]): ClosedAmount => ({ invoices: list.length, cents: list.reduce((s, c) => s + c.settledCents, 0) });
  const absentList = candidates.filter((c) => !c.debtorInFile);
  const summary: ClosingSummary = {
    inFile: sum(candidates.filter((c) => c.debtorInFile)),
    absent: { ...sum(absentList), debtors: new Set(absentList.map((c) => c.debtorId)).size },
    choice: 'none',
  };
  if (absentList.length === 0) return summary;
  // Debtors the file names that Cadence already held: none means another ledger, branch or company.
  const overlap = existing.debtors.some((d) => inFile.has(d.id));
  const reason = !overlap ? 'no_overlap' : summary.absent.cents * 2 > openCents ? 'over_half' : undefined;
  summary.choice = reason ? 'warned' : 'default_full';
  if (reason) summary.reason = reason;
  summary.absentDebtors = options.absentDebtors ?? 'close';
  return summary;
}

/** The portfolio once the plan is written: what the storage layer must end up holding. */
export function applyPlan(existing: ExistingPortfolio, plan: ImportPlan): { debtors: ExistingDebtor[]; invoices: ExistingInvoice[] } {
  const debtors = new Map(existing.debtors.map((d) => [d.id, { ...d }]));
  for (const change of plan.debtors) {
    if (change.kind === 'new') {
      const d = change.debtor;
      debtors.set(change.id, { id: change.id, name: d.name, ...(d.siren ? { siren: d.siren } : {}), ...(d.customerCode ? { customerCode: d.customerCode } : {}), ...(d.kind ? { kind: d.kind } : {}) });
    } else if (change.kind === 'updated') {
      const d = debtors.get(change.id);
      if (d) Object.assign(d, change.set);
    }
  }
  const invoices = new Map(existing.invoices.map((i) => [i.id, { ...i }]));
  for (const change of plan.invoices) {
    if (change.kind === 'new') invoices.set(change.id, { id: change.id, debtorId: change.debtorId, ...change.facts });
    else if (change.kind === 'updated') {
      const inv = invoices.get(change.id);
      if (inv) Object.assign(inv, change.facts);
    } else {
      const inv = invoices.get(change.id);
      if (inv) Object.assign(inv, { status: 'paid', amountPaidCents: inv.amountInclVatCents });
    }
  }
  return { debtors: [...debtors.values()], invoices: [...invoices.values()] };
}

/**
 * What the plan marks paid, told apart for the result and the import journal: invoices missing for debtors
 * the file lists, those of absent debtors, and how many of the latter stay open by the agent's answer.
 */
export function closuresOf(plan: Pick<ImportPlan, 'invoices' | 'closing'>): { inFile: ClosedAmount; absent: ClosedAmount; absentKeptOpen: number } {
  const closed = plan.invoices.filter((c): c is Extract<InvoiceChange, { kind: 'closed' }> => c.kind === 'closed');
  const sum = (list: typeof closed): ClosedAmount => ({ invoices: list.length, cents: list.reduce((s, c) => s + c.settledCents, 0) });
  const absent = sum(closed.filter((c) => !c.debtorInFile));
  return { inFile: sum(closed.filter((c) => c.debtorInFile)), absent, absentKeptOpen: plan.closing.absent.invoices - absent.invoices };
}

/** Whether the plan would change anything at all (a second import of the same file must not). */
export function planChangesNothing(plan: ImportPlan): boolean {
  return plan.invoices.length === 0 && plan.debtors.every((d) => d.kind === 'unchanged');
}
