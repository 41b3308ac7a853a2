/**
 * Reads an aged balance (balance âgée) or open-items list: one row per open invoice, mapped by ./fields.ts.
 *
 * - Total and subtotal lines ("Total", "Sous-total client", "Total général", "Cumul") carry no invoice
 *   number: they are left out and listed, so the screen can say which lines were not imported.
 * - A row naming only a customer (no invoice, no amount) heads a group: the rows below it with an empty
 *   customer belong to it, as Sage and Cegid print their aged balances.
 * - A negative open amount is a credit note (or an unmatched payment): it is taken off the debtor's open
 *   invoices, the one it names first, then the oldest (./portfolio.ts `applyCredits`).
 * - An invoice amount larger than the open amount means a part payment: the invoice keeps its full amount and
 *   the difference counts as paid.
 * - Rows of the same invoice (an invoice paid in instalments with several due dates) are merged: amounts
 *   added, the earliest due date kept.
 * - No due date column, or an empty due date: the due date comes from the payment terms of the import
 *   settings, and the result says so (`terms`).
 * Bad rows are listed with their line and column; they never stop the reading of the others.
 */
import { parseAmountCents } from './amount';
import { parseImportDate } from './dates';
import type { DelimitedRow } from './delimited';
import type { ColumnRef, RowError, RowErrorReason } from './errors';
import { parseDebtorKind } from './debtor-kind';
import { headerKey, type ColumnMapping, type ImportField } from './fields';
import {
  PREVIEW_ROWS,
  applyCredits,
  debtorKey,
  invoiceKey,
  parseSiren,
  type ImportedCredit,
  type ImportedDebtor,
  type ImportedInvoice,
  type ParsedPortfolio,
  type PreviewRow,
  type SkippedLine,
} from './portfolio';
import { DEFAULT_IMPORT_TERMS, dueDateFromTerms, termsFor, type ImportTerms, type PaymentTerms } from './terms';

const TOTAL_LABEL = /^(soustotal|subtotal|totalgeneral|grandtotal|total|cumul|totaux)/;
const TOTAL_START = /^\W*(sous|sub|tot|grand|cumul)/i;

export interface AgedBalanceOptions {
  terms?: ImportTerms;
}

interface RowContext {
  headers: readonly string[];
  mapping: ColumnMapping;
  row: DelimitedRow;
  errors: RowError[];
}

function cell(ctx: RowContext, field: ImportField): string {
  const at = ctx.mapping[field];
  return at === undefined ? '' : (ctx.row.cells[at] ?? '').trim();
}

function columnRef(ctx: RowContext, field: ImportField): ColumnRef | undefined {
  const at = ctx.mapping[field];
  return at === undefined ? undefined : { index: at + 1, header: ctx.headers[at] ?? '' };
}

function fail(ctx: RowContext, field: ImportField, reason: RowErrorReason): void {
  const column = columnRef(ctx, field);
  ctx.errors.push({ ...reason, line: ctx.row.line, ...(column ? { column } : {}) } as RowError);
}

function dateCell(ctx: RowContext, field: ImportField): string | undefined {
  const raw = cell(ctx, field);
  if (raw === '') return undefined;
  const iso = parseImportDate(raw);
  if (!iso) fail(ctx, field, { kind: 'invalid_date', value: raw });
  return iso;
}

function amountCell(ctx: RowContext, field: ImportField): number | undefined {
  const raw = cell(ctx, field);
  if (raw === '') return undefined;
  const parsed = parseAmountCents(raw);
  if (!parsed.ok) fail(ctx, field, { kind: 'invalid_amount', value: raw });
  return parsed.ok ? parsed.cents : undefined;
}

/** A total or subtotal line: no invoice number, and a cell that starts with "Total", "Sous-total"… */
function totalLine(ctx: RowContext): SkippedLine | undefined {
  const number = cell(ctx, 'invoiceNumber');
  // Cheap test first: almost every row has an invoice number that is not a total's label.
  if (number !== '' && !TOTAL_START.test(number)) return undefined;
  if (number !== '' && !TOTAL_LABEL.test(headerKey(number))) return undefined;
  const label = ctx.row.cells.map((c) => c.trim()).find((c) => TOTAL_LABEL.test(headerKey(c)));
  if (label === undefined) return undefined;
  const key = headerKey(label);
  const amount = parseAmountCents(cell(ctx, 'openAmount'));
  // "Total" beside a customer code is that customer's subtotal; alone (or "Total général") it is the file's.
  const code = cell(ctx, 'customerCode');
  const sub = key.startsWith('sous') || key.startsWith('subtotal') || (!/^(totalgeneral|grandtotal)/.test(key) && code !== '' && code !== label);
  return { line: ctx.row.line, kind: sub ? 'subtotal' : 'total', label, ...(amount.ok ? { cents: amount.cents } : {}) };
}

/**
 * `rows[0]` is the header row; `mapping` gives the column of each field (./fields.ts `autoMap`, edited by the
 * agent). The caller has checked `missingFields(mapping)` is empty.
 */
export function readAgedBalance(rows: readonly DelimitedRow[], mapping: ColumnMapping, options: AgedBalanceOptions = {}): ParsedPortfolio {
  const terms = options.terms ?? DEFAULT_IMPORT_TERMS;
  const headers = rows[0]?.cells ?? [];
  const debtors = new Map<string, ImportedDebtor>();
  const invoices = new Map<string, ImportedInvoice>();
  const credits: ImportedCredit[] = [];
  const skipped: SkippedLine[] = [];
  const errors: RowError[] = [];
  const refused: ParsedPortfolio['refused'] = [];
  const preview: PreviewRow[] = [];
  const termsUsed = new Map<string, PaymentTerms>();
  let termInvoices = 0;
  let group: { code: string; name: string } | undefined;

  for (const row of rows.slice(1)) {
    const ctx: RowContext = { headers, mapping, row, errors: [] };
    const show = (entry: Omit<PreviewRow, 'line'>) => {
      if (preview.length < PREVIEW_ROWS) preview.push({ line: row.line, ...entry });
    };
    const total = totalLine(ctx);
    if (total) {
      skipped.push(total);
      show({ status: 'skipped', skipped: total.kind, ...(total.cents !== undefined ? { cents: total.cents } : {}) });
      continue;
    }
    let code = cell(ctx, 'customerCode');
    let name = cell(ctx, 'customerName');
    const number = cell(ctx, 'invoiceNumber');
    const openRaw = cell(ctx, 'openAmount');
    if ((code !== '' || name !== '') && number === '' && openRaw === '') {
      group = { code, name };
      const label = name || code;
      skipped.push({ line: row.line, kind: 'group_header', label });
      show({ status: 'skipped', skipped: 'group_header', debtor: label });
      continue;
    }
    if (code === '' && name === '' && group) ({ code, name } = group);

    if (code === '' && name === '') fail(ctx, mapping.customerCode !== undefined ? 'customerCode' : 'customerName', { kind: 'missing_value', field: 'customerName' });
    if (number === '') fail(ctx, 'invoiceNumber', { kind: 'missing_value', field: 'invoiceNumber' });
    const open = amountCell(ctx, 'openAmount');
    if (openRaw === '') fail(ctx, 'openAmount', { kind: 'missing_value', field: 'openAmount' });
    const invoiceAmount = amountCell(ctx, 'invoiceAmount');
    const exclVat = amountCell(ctx, 'amountExclVat');
    const issue = dateCell(ctx, 'issueDate');
    const due = dateCell(ctx, 'dueDate');
    const sirenRaw = cell(ctx, 'siren');
    const siren = sirenRaw === '' ? undefined : parseSiren(sirenRaw);
    if (sirenRaw !== '' && !siren) fail(ctx, 'siren', { kind: 'invalid_siren', value: sirenRaw });
    const kindRaw = cell(ctx, 'debtorKind');
    const kind = kindRaw === '' ? undefined : parseDebtorKind(kindRaw);
    if (kindRaw !== '' && !kind) fail(ctx, 'debtorKind', { kind: 'invalid_debtor_kind', value: kindRaw });
    const dateMissing = due === undefined && issue === undefined && cell(ctx, 'dueDate') === '' && cell(ctx, 'issueDate') === '';
    if (dateMissing) fail(ctx, mapping.dueDate !== undefined ? 'dueDate' : 'issueDate', { kind: 'missing_value', field: 'dueDate' });

    const key = debtorKey(code || undefined, name || code);
    if (ctx.errors.length > 0 || open === undefined || (due === undefined && issue === undefined)) {
      errors.push(...ctx.errors);
      refused.push({ line: row.line, ...(code || name ? { debtorKey: key } : {}), ...(number ? { invoiceNumber: number } : {}) });
      show({ status: 'error', debtor: name || code, invoiceNumber: number, errors: ctx.errors });
      continue;
    }
    if (!debtors.has(key)) {
      const email = cell(ctx, 'email');
      const phone = cell(ctx, 'phone');
      debtors.set(key, {
        key,
        ...(code ? { customerCode: code } : {}),
        name: name || code,
        ...(siren ? { siren } : {}),
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        ...(kind ? { kind } : {}),
        line: row.line,
      });
    }
    const issueDate = issue ?? (due as string);
    if (open < 0) {
      credits.push({ debtorKey: key, kind: 'credit_note', reference: number, date: issueDate, cents: -open, line: row.line });
      show({ status: 'credit', debtor: name || code, invoiceNumber: number, cents: open });
      continue;
    }
    if (open === 0) {
      skipped.push({ line: row.line, kind: 'zero_balance', label: number, cents: 0 });
      show({ status: 'skipped', skipped: 'zero_balance', debtor: name || code, invoiceNumber: number, cents: 0 });
      continue;
    }
    let dueDate = due;
    if (dueDate === undefined) {
      const t = termsFor(key, terms);
      dueDate = dueDateFromTerms(issueDate, t);
      termsUsed.set(key, t);
      termInvoices++;
    }
    const fullCents = Math.max(open, invoiceAmount ?? open);
    const invKey = `${key}\u0000${invoiceKey(number)}`;
    const existing = invoices.get(invKey);
    if (existing) {
      existing.openCents += open;
      existing.totalCents += fullCents;
      if (dueDate < existing.dueDate) existing.dueDate = dueDate;
    } else {
      invoices.set(invKey, {
        debtorKey: key,
        number,
        issueDate,
        dueDate,
        dueDateFrom: due === undefined ? 'terms' : 'file',
        totalCents: fullCents,
        totalKnown: invoiceAmount !== undefined,
        openCents: open,
        ...(exclVat !== undefined && exclVat > 0 ? { amountExclVatCents: exclVat } : {}),
        label: cell(ctx, 'label'),
        line: row.line,
      });
    }
    show({ status: 'invoice', debtor: name || code, invoiceNumber: number, dueDate, cents: open });
  }

  const list = [...invoices.values()];
  const unappliedCredits = applyCredits(list, credits);
  return {
    kind: 'aged_balance',
    debtors: [...debtors.values()],
    invoices: list.filter((i) => i.openCents > 0),
    credits,
    unappliedCredits,
    skipped,
    errors,
    refused,
    rowCount: Math.max(0, rows.length - 1),
    ...(termInvoices > 0 ? { terms: termsReport(terms, termsUsed, termInvoices) } : {}),
    preview,
  };
}

export function termsReport(terms: ImportTerms, used: Map<string, PaymentTerms>, invoices: number) {
  return {
    default: terms.default,
    overrides: [...used.keys()].filter((k) => terms.overrides[k]).map((k) => ({ debtorKey: k, terms: terms.overrides[k] as PaymentTerms })),
    invoices,
  };
}
