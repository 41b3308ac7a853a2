/**
 * Reads a FEC (Fichier des écritures comptables, LPF art. A47 A-1) into open customer items.
 *
 * - Columns: the 18 of the decree, in order (JournalCode … Idevise), or the variant with `Montant` and `Sens`
 *   in place of `Debit` and `Credit`. Tab or `|` separated, dates YYYYMMDD, decimal comma.
 * - Customers are the lines on accounts 411… (clients) and 416… (clients douteux), one debtor per auxiliary
 *   account (`CompAuxNum`/`CompAuxLib`), or per general account when the file has no auxiliary accounts.
 * - Situation date (cut-off): the import settings', else the last `EcritureDate` of the file. Lines after it
 *   are ignored.
 * - A line is open when it is not lettered (`EcritureLet` empty) or its lettering is dated after the cut-off
 *   (`DateLet` > cut-off: it was matched later, so it was still open on the situation date).
 * - A lettered group whose lines do not balance is a partial lettering (a part payment matched with its
 *   invoice): what is left stays open, on the group's latest invoices.
 * - Open debits are invoices, one per `PieceRef` (lines of the same piece are added), dated `PieceDate`.
 * - Open credits reduce the balance: credit notes (credits in the sales journal, the journal holding most
 *   customer debits) and part payments (any other journal); each goes first to the invoice it was lettered
 *   with (after the cut-off), else to the invoice with the same `PieceRef`, then to the oldest
 *   (./portfolio.ts `applyCredits`).
 * - The FEC has no due date: every due date comes from the payment terms of the import settings.
 */
import { parseAmountCents } from './amount';
import { parseImportDate } from './dates';
import type { DelimitedRow } from './delimited';
import type { FileError, RowError, RowErrorReason } from './errors';
import { headerKey } from './fields';
import {
  PREVIEW_ROWS,
  applyCredits,
  invoiceKey,
  type ImportedCredit,
  type ImportedDebtor,
  type ImportedInvoice,
  type ParsedPortfolio,
  type PreviewRow,
} from './portfolio';
import { termsReport } from './aged-balance';
import { DEFAULT_IMPORT_TERMS, dueDateFromTerms, termsFor, type ImportTerms, type PaymentTerms } from './terms';

export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;
const SENS_VARIANT = FEC_COLUMNS.map((c) => (c === 'Debit' ? 'Montant' : c === 'Credit' ? 'Sens' : c));
const COL = Object.fromEntries(FEC_COLUMNS.map((c, i) => [c, i])) as Record<(typeof FEC_COLUMNS)[number], number>;

const CUSTOMER_ACCOUNT = /^41[16]/;

/** Whether the header row is a FEC's (either variant); used to recognise the file. */
export function isFecHeader(cells: readonly string[]): boolean {
  return fecHeaderError(cells) === undefined;
}

/** The first column that breaks the decree's order, or undefined when the header is a FEC's. */
export function fecHeaderError(cells: readonly string[]): FileError | undefined {
  const keys = cells.map(headerKey);
  const variant = keys[11] === 'montant' ? SENS_VARIANT : FEC_COLUMNS;
  for (let i = 0; i < variant.length; i++) {
    const expected = variant[i] as string;
    if (keys[i] !== headerKey(expected)) return { kind: 'fec_header', column: i + 1, expected, found: cells[i] ?? '' };
  }
  return undefined;
}

export interface FecOptions {
  terms?: ImportTerms;
  /** Situation date; default: the last EcritureDate of the file. */
  cutOff?: string;
}

interface FecLine {
  line: number;
  journal: string;
  date: string;
  account: string;
  debtorKey: string;
  piece: string;
  pieceDate: string;
  label: string;
  /** Debit positive, credit negative, in cents. */
  signed: number;
  letter: string;
  letteredOn?: string;
}

export type FecResult = { ok: true; portfolio: ParsedPortfolio } | { ok: false; error: FileError };

export function readFec(rows: readonly DelimitedRow[], options: FecOptions = {}): FecResult {
  const header = rows[0]?.cells ?? [];
  const headerError = fecHeaderError(header);
  if (headerError) return { ok: false, error: headerError };
  const sens = headerKey(header[11] ?? '') === 'montant';
  const terms = options.terms ?? DEFAULT_IMPORT_TERMS;

  const errors: RowError[] = [];
  const refused: ParsedPortfolio['refused'] = [];
  const debtors = new Map<string, ImportedDebtor>();
  const lines: FecLine[] = [];
  const lineErrors = new Map<number, RowError[]>();
  let lastDate = '';
  let otherLines = 0;

  for (const row of rows.slice(1)) {
    const rowErrors: RowError[] = [];
    const fail = (col: number, reason: RowErrorReason) =>
      rowErrors.push({ ...reason, line: row.line, column: { index: col + 1, header: header[col] ?? '' } });
    if (row.cells.length < FEC_COLUMNS.length) {
      errors.push({ kind: 'field_count', expected: FEC_COLUMNS.length, found: row.cells.length, line: row.line });
      refused.push({ line: row.line });
      continue;
    }
    const get = (col: number) => (row.cells[col] ?? '').trim();
    const date = parseImportDate(get(COL.EcritureDate));
    if (!date) fail(COL.EcritureDate, { kind: 'invalid_date', value: get(COL.EcritureDate) });
    else if (date > lastDate) lastDate = date;
    const account = get(COL.CompteNum);
    if (!CUSTOMER_ACCOUNT.test(account)) {
      otherLines++;
      // Only the date matters on other accounts (it sets the default cut-off); their amounts are not read.
      if (rowErrors.length) {
        errors.push(...rowErrors);
        refused.push({ line: row.line });
      }
      continue;
    }
    let signed = 0;
    if (sens) {
      const amount = parseAmountCents(get(COL.Debit));
      if (!amount.ok) fail(COL.Debit, { kind: 'invalid_amount', value: get(COL.Debit) });
      const s = get(COL.Credit).toUpperCase();
      const debit = s === 'D' || s === '+1' || s === '1';
      if (!debit && s !== 'C' && s !== '-1') fail(COL.Credit, { kind: 'invalid_sens', value: get(COL.Credit) });
      if (amount.ok) signed = debit ? amount.cents : -amount.cents;
    } else {
      const debit = get(COL.Debit) === '' ? { ok: true as const, cents: 0 } : parseAmountCents(get(COL.Debit));
      const credit = get(COL.Credit) === '' ? { ok: true as const, cents: 0 } : parseAmountCents(get(COL.Credit));
      if (!debit.ok) fail(COL.Debit, { kind: 'invalid_amount', value: get(COL.Debit) });
      if (!credit.ok) fail(COL.Credit, { kind: 'invalid_amount', value: get(COL.Credit) });
      if (debit.ok && credit.ok) signed = debit.cents - credit.cents;
    }
    const pieceDateRaw = get(COL.PieceDate);
    const pieceDate = pieceDateRaw === '' ? date : parseImportDate(pieceDateRaw);
    if (!pieceDate && pieceDateRaw !== '') fail(COL.PieceDate, { kind: 'invalid_date', value: pieceDateRaw });
    const letteredRaw = get(COL.DateLet);
    const letteredOn = letteredRaw === '' ? undefined : parseImportDate(letteredRaw);
    if (letteredRaw !== '' && !letteredOn) fail(COL.DateLet, { kind: 'invalid_date', value: letteredRaw });
    const aux = get(COL.CompAuxNum);
    const key = aux || account;
    if (key === '') fail(COL.CompteNum, { kind: 'missing_value', field: 'customerCode' });
    if (rowErrors.length || !date) {
      errors.push(...rowErrors);
      refused.push({ line: row.line, ...(key ? { debtorKey: key } : {}), ...(get(COL.PieceRef) ? { invoiceNumber: get(COL.PieceRef) } : {}) });
      lineErrors.set(row.line, rowErrors);
      continue;
    }
    if (!debtors.has(key)) {
      const name = (aux ? get(COL.CompAuxLib) : get(COL.CompteLib)) || key;
      debtors.set(key, { key, customerCode: key, name, line: row.line });
    }
    lines.push({
      line: row.line,
      journal: get(COL.JournalCode),
      date,
      account,
      debtorKey: key,
      piece: get(COL.PieceRef),
      pieceDate: pieceDate ?? date,
      label: get(COL.EcritureLib),
      signed,
      letter: get(COL.EcritureLet),
      ...(letteredOn ? { letteredOn } : {}),
    });
  }

  const cutOff = options.cutOff ?? (lastDate || '9999-12-31');
  const inScope = lines.filter((l) => l.date <= cutOff);
  const salesJournal = mostDebitsJournal(inScope);
  const isOpen = (l: FecLine) => l.letter === '' || (l.letteredOn !== undefined && l.letteredOn > cutOff);

  // Open lines, plus the residue of lettered groups that do not balance.
  const openDebits: { line: FecLine; openCents: number; totalCents: number }[] = [];
  const openCredits: FecLine[] = [];
  const groups = new Map<string, FecLine[]>();
  for (const l of inScope) {
    if (isOpen(l)) {
      if (l.signed > 0) openDebits.push({ line: l, openCents: l.signed, totalCents: l.signed });
      else if (l.signed < 0) openCredits.push(l);
    } else {
      const g = `${l.debtorKey}\u0000${l.letter}`;
      const list = groups.get(g);
      if (list) list.push(l);
      else groups.set(g, [l]);
    }
  }
  let partialLetterings = 0;
  for (const group of groups.values()) {
    let residue = group.reduce((s, l) => s + l.signed, 0);
    if (residue === 0) continue;
    partialLetterings++;
    if (residue < 0) {
      const last = group.filter((l) => l.signed < 0).sort((a, b) => (a.date < b.date ? 1 : -1))[0] as FecLine;
      openCredits.push({ ...last, signed: residue });
      continue;
    }
    // The oldest invoices of the group are deemed paid first: what is left sits on the latest ones.
    for (const l of group.filter((x) => x.signed > 0).sort((a, b) => (a.pieceDate < b.pieceDate ? 1 : a.pieceDate > b.pieceDate ? -1 : 0))) {
      if (residue <= 0) break;
      const open = Math.min(residue, l.signed);
      openDebits.push({ line: l, openCents: open, totalCents: l.signed });
      residue -= open;
    }
  }

  const invoices = new Map<string, ImportedInvoice>();
  const termsUsed = new Map<string, PaymentTerms>();
  for (const { line: l, openCents, totalCents } of openDebits.sort((a, b) => a.line.line - b.line.line)) {
    const number = l.piece || `${l.journal}-${l.line}`;
    const k = `${l.debtorKey}\u0000${invoiceKey(number)}`;
    const existing = invoices.get(k);
    if (existing) {
      existing.openCents += openCents;
      existing.totalCents += totalCents;
      continue;
    }
    const t = termsFor(l.debtorKey, terms);
    termsUsed.set(l.debtorKey, t);
    invoices.set(k, {
      debtorKey: l.debtorKey,
      number,
      issueDate: l.pieceDate,
      dueDate: dueDateFromTerms(l.pieceDate, t),
      dueDateFrom: 'terms',
      totalCents,
      totalKnown: true,
      openCents,
      label: l.label,
      line: l.line,
    });
  }
  // A credit lettered after the cut-off was matched with the lines sharing its letter: it settles those first.
  const letteredPiece = new Map<string, string>();
  for (const { line: l } of openDebits) if (l.letter) letteredPiece.set(`${l.debtorKey}\u0000${l.letter}`, l.piece || `${l.journal}-${l.line}`);
  const credits: ImportedCredit[] = openCredits
    .sort((a, b) => a.line - b.line)
    .map((l) => ({
      debtorKey: l.debtorKey,
      kind: l.journal === salesJournal ? 'credit_note' : 'payment',
      reference: (l.letter && letteredPiece.get(`${l.debtorKey}\u0000${l.letter}`)) || l.piece,
      date: l.pieceDate,
      cents: -l.signed,
      line: l.line,
    }));
  const list = [...invoices.values()];
  const unappliedCredits = applyCredits(list, credits);
  const open = list.filter((i) => i.openCents > 0);

  return {
    ok: true,
    portfolio: {
      kind: 'fec',
      debtors: [...debtors.values()],
      invoices: open,
      credits,
      unappliedCredits,
      skipped: [],
      errors,
      refused,
      rowCount: Math.max(0, rows.length - 1),
      ...(open.length > 0 ? { terms: termsReport(terms, termsUsed, open.length) } : {}),
      preview: fecPreview(rows, lines, lineErrors, isOpen, debtors),
      fec: { cutOff, customerLines: lines.length, otherLines, partialLetterings, ...(salesJournal ? { salesJournal } : {}) },
    },
  };
}

function mostDebitsJournal(lines: readonly FecLine[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.signed > 0) counts.set(l.journal, (counts.get(l.journal) ?? 0) + 1);
  let best: string | undefined;
  for (const [journal, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = journal;
  return best;
}

function fecPreview(
  rows: readonly DelimitedRow[],
  lines: readonly FecLine[],
  lineErrors: Map<number, RowError[]>,
  isOpen: (l: FecLine) => boolean,
  debtors: Map<string, ImportedDebtor>,
): PreviewRow[] {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const preview: PreviewRow[] = [];
  for (const row of rows.slice(1)) {
    if (preview.length >= PREVIEW_ROWS) break;
    const errs = lineErrors.get(row.line);
    if (errs) {
      preview.push({ line: row.line, status: 'error', errors: errs });
      continue;
    }
    const l = byLine.get(row.line);
    if (!l) continue;
    const debtor = debtors.get(l.debtorKey)?.name ?? l.debtorKey;
    const base = { line: row.line, debtor, invoiceNumber: l.piece, cents: l.signed };
    if (!isOpen(l)) preview.push({ ...base, status: 'skipped', skipped: 'lettered' });
    else preview.push({ ...base, status: l.signed < 0 ? 'credit' : 'invoice' });
  }
  return preview;
}
