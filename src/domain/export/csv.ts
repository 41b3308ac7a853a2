/**
 * CSV that French Excel opens as is, by a double click: UTF-8 with a BOM (without it Excel reads Windows-1252
 * and "Société" turns into "SociÃ©tÃ©"), `;` between cells (Excel in French uses `,` as the decimal mark),
 * amounts with a decimal comma and no thousands separator (a space would make them text), dates dd/mm/yyyy,
 * CRLF line ends. Quoting is papaparse's (`unparse`): cells holding `;`, quotes or line breaks are quoted.
 * Text cells that start with = + - @ (or a tab / carriage return) get a leading apostrophe, so a debtor's
 * note can never run as a formula when the file is opened (CSV injection); numbers we format ourselves are
 * left alone, so -12,50 stays a number.
 */
import Papa from 'papaparse';

export type CsvCell =
  | { kind: 'text'; value: string }
  | { kind: 'cents'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'number'; value: number; decimals?: number }
  | { kind: 'empty' };

export const text = (value: string): CsvCell => ({ kind: 'text', value });
export const cents = (value: number): CsvCell => ({ kind: 'cents', value });
export const date = (value: string | undefined): CsvCell => (value ? { kind: 'date', value } : { kind: 'empty' });
export const num = (value: number | null | undefined, decimals = 0): CsvCell => (value === null || value === undefined ? { kind: 'empty' } : { kind: 'number', value, decimals });

const FORMULA_START = /^[=+\-@\t\r]/;

/** Integer cents as `1234,56` / `-0,05`, exactly, without going through a float. */
export function centsToExcel(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function cellText(cell: CsvCell): string {
  switch (cell.kind) {
    case 'text':
      return FORMULA_START.test(cell.value) ? `'${cell.value}` : cell.value;
    case 'cents':
      return centsToExcel(cell.value);
    case 'date': {
      const [y, m, d] = cell.value.slice(0, 10).split('-');
      return `${d}/${m}/${y}`;
    }
    case 'number':
      return cell.value.toFixed(cell.decimals ?? 0).replace('.', ',');
    case 'empty':
      return '';
  }
}

export const BOM = '\ufeff';

/** The whole file as a string, BOM first; write it as UTF-8 (a Blob of the string does). */
export function toExcelCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...headers], data: rows.map((r) => r.map(cellText)) },
    { delimiter: ';', newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', header: true },
  );
  return `${BOM}${body}\r\n`;
}
