/**
 * Everything an import can refuse, as data: the parsers never throw on bad input, they return these, and the
 * screen turns each into a translated sentence (`importErrorMessage` → a key of the `imports` namespace with
 * its values). Row errors always carry the file line (1 = the first line of the file, header included) and the
 * column (its header as written, and its 1-based position).
 */
import type { ImportField } from './fields';

export interface ColumnRef {
  /** 1-based position of the column in the file. */
  index: number;
  /** The header as written in the file (or the FEC's column name). */
  header: string;
}

export type RowErrorReason =
  | { kind: 'invalid_date'; value: string }
  | { kind: 'invalid_amount'; value: string }
  | { kind: 'missing_value'; field: ImportField }
  | { kind: 'invalid_siren'; value: string }
  /** A business/consumer column holding something else than the words ./debtor-kind.ts knows. */
  | { kind: 'invalid_debtor_kind'; value: string }
  | { kind: 'invalid_sens'; value: string }
  /** A payment whose value date is after today: it cannot have been received yet. */
  | { kind: 'future_payment_date'; value: string }
  | { kind: 'field_count'; expected: number; found: number };

export type RowError = RowErrorReason & { line: number; column?: ColumnRef };

export type FileError =
  | { kind: 'empty_file' }
  | { kind: 'no_data' }
  | { kind: 'unknown_kind' }
  | { kind: 'missing_column'; field: ImportField }
  | { kind: 'fec_header'; column: number; expected: string; found: string }
  | { kind: 'too_many_rows'; limit: number };

export type ImportError = RowError | FileError;

const ROW_KINDS = new Set<ImportError['kind']>([
  'invalid_date',
  'invalid_amount',
  'missing_value',
  'invalid_siren',
  'invalid_debtor_kind',
  'invalid_sens',
  'future_payment_date',
  'field_count',
]);

export const isRowError = (error: ImportError): error is RowError => ROW_KINDS.has(error.kind);

/** i18next's `t`, injected so this file stays pure. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A calendar day as the interface shows dates; dd/mm/yyyy (the French UI's) unless the screen passes its locale's. */
export type FormatDay = (isoDate: string) => string;
const ddmmyyyy: FormatDay = (iso) => (/^\d{4}-\d{2}-\d{2}$/u.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/**
 * The sentence for an error, e.g. « Ligne 38, colonne « Échéance » (3) : date impossible « 31/02/2026 ». »
 * Values from the file are passed as interpolation values, never as part of a key, so a cell cannot inject
 * markup or nested translations (i18next does not nest inside interpolated values).
 */
export function formatImportError(error: ImportError, t: Translate, formatDay: FormatDay = ddmmyyyy): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error)) {
    if (k === 'kind' || k === 'field') continue;
    if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  }
  // The other values are cells as written; this one is the day Cadence read, shown as dates are on screen.
  if (error.kind === 'future_payment_date') values.value = formatDay(error.value);
  if ('field' in error) values.field = t(`imports:field.${error.field}`);
  if (!isRowError(error)) return t(`imports:error.${error.kind}`, values);
  const reason = t(`imports:error.${error.kind}`, values);
  return error.column
    ? t('imports:error.atColumn', { line: error.line, column: error.column.header, position: error.column.index, reason })
    : t('imports:error.atLine', { line: error.line, reason });
}
