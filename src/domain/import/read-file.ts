/**
 * One file, from its bytes to what Cadence understood: encoding, separator, kind (FEC, aged balance or
 * payments), header mapping, and the rows read. Every choice the reader makes can be overridden by the agent
 * (`ReadOptions`) and the file read again; nothing here stores anything or throws on a bad file.
 *
 * The kind: a header that is a FEC's (./fec.ts) is a FEC; a header only payments files have ("Date de
 * règlement", "Montant reçu") with the payment columns mapped is payments; otherwise an aged balance when
 * its columns map, else payments when theirs do, else an aged balance with the missing columns named.
 */
import { readAgedBalance } from './aged-balance';
import { readDelimited, type Separator } from './delimited';
import { decodeImport, type ImportEncoding } from './encoding';
import type { FileError } from './errors';
import { isFecHeader, readFec } from './fec';
import { autoMap, hasPaymentHeaders, missingFields, type ColumnMapping, type ImportField } from './fields';
import type { ParsedPortfolio } from './portfolio';
import { readPayments, type PaymentsReading } from './payments-file';
import type { ImportTerms } from './terms';

export type FileKind = 'aged_balance' | 'fec' | 'payments';

export interface ReadOptions {
  encoding?: ImportEncoding;
  separator?: Separator;
  kind?: FileKind;
  /** The agent's mapping (or a preset's); else auto-mapped from the headers. */
  mapping?: ColumnMapping;
  terms?: ImportTerms;
  /** FEC situation date. */
  cutOff?: string;
}

/** Above this many rows a file is refused before it is read (the app is tested at 100,000). */
export const MAX_ROWS = 500_000;

export interface FileReading {
  encoding: ImportEncoding;
  encodingDetected: boolean;
  bom: boolean;
  /** Characters the chosen encoding could not decode: > 0 hints at another encoding. */
  replacements: number;
  separator: Separator;
  kind: FileKind;
  headers: string[];
  mapping: ColumnMapping;
  /** Required fields the mapping lacks: the file cannot be read until the agent maps them. */
  missing: ImportField[];
  outcome:
    | { kind: 'portfolio'; portfolio: ParsedPortfolio }
    | { kind: 'payments'; payments: PaymentsReading }
    | { kind: 'file_error'; error: FileError };
}

/** `onProgress` hears the number of rows split so far (every few thousand), for a progress bar. */
export function readImportFile(bytes: Uint8Array, options: ReadOptions = {}, onProgress?: (rows: number) => void): FileReading {
  const decoded = decodeImport(bytes, options.encoding);
  const { rows, separator } = readDelimited(decoded.text, options.separator, onProgress);
  const headers = (rows[0]?.cells ?? []).map((h) => h.trim());
  const base = {
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    bom: decoded.bom,
    replacements: decoded.replacements,
    separator,
    headers,
  };
  const fail = (kind: FileKind, error: FileError, mapping: ColumnMapping = {}, missing: ImportField[] = []): FileReading => ({
    ...base,
    kind,
    mapping,
    missing,
    outcome: { kind: 'file_error', error },
  });
  if (rows.length === 0) return fail(options.kind ?? 'aged_balance', { kind: 'empty_file' });
  if (rows.length - 1 > MAX_ROWS) return fail(options.kind ?? 'aged_balance', { kind: 'too_many_rows', limit: MAX_ROWS });

  const kind = options.kind ?? guessKind(headers);
  if (kind === 'fec') {
    const result = readFec(rows, { ...(options.terms ? { terms: options.terms } : {}), ...(options.cutOff ? { cutOff: options.cutOff } : {}) });
    if (!result.ok) return fail('fec', result.error);
    if (rows.length < 2) return fail('fec', { kind: 'no_data' });
    return { ...base, kind, mapping: {}, missing: [], outcome: { kind: 'portfolio', portfolio: result.portfolio } };
  }
  const mapping = options.mapping ?? autoMap(headers, kind);
  const missing = missingFields(mapping, kind);
  if (missing.length > 0) return fail(kind, { kind: 'missing_column', field: missing[0] as ImportField }, mapping, missing);
  if (rows.length < 2) return fail(kind, { kind: 'no_data' }, mapping);
  if (kind === 'payments') return { ...base, kind, mapping, missing, outcome: { kind: 'payments', payments: readPayments(rows, mapping) } };
  const portfolio = readAgedBalance(rows, mapping, options.terms ? { terms: options.terms } : {});
  return { ...base, kind, mapping, missing, outcome: { kind: 'portfolio', portfolio } };
}

export function guessKind(headers: readonly string[]): FileKind {
  if (isFecHeader(headers)) return 'fec';
  if (hasPaymentHeaders(headers) && missingFields(autoMap(headers, 'payments'), 'payments').length === 0) return 'payments';
  if (missingFields(autoMap(headers, 'aged_balance'), 'aged_balance').length === 0) return 'aged_balance';
  if (missingFields(autoMap(headers, 'payments'), 'payments').length === 0) return 'payments';
  return 'aged_balance';
}
