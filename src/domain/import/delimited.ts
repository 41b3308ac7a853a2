/**
 * Splits the text of a CSV/TSV file into rows with papaparse (quotes, doubled quotes, separators and line
 * breaks inside quoted cells), keeping the file line where each row starts so errors can name it.
 *
 * The separator is sniffed here rather than by papaparse's own guess: French files put a decimal comma in
 * every amount, which papaparse can take for the separator when every row has the same number of amounts. The
 * rule: on the first lines (at most 10), count each candidate (`;`, tab, `|`, `,`) outside quotes; a candidate
 * that appears the same number of times on every line beats one that varies; then the one seen most often on
 * the first line (the header rarely holds a decimal comma); ties go to `;`, tab, `|`, `,` in that order.
 */
import Papa from 'papaparse';

export const SEPARATORS = [';', '\t', '|', ','] as const;
export type Separator = (typeof SEPARATORS)[number];

export interface DelimitedRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
}

export interface DelimitedText {
  separator: Separator;
  rows: DelimitedRow[];
}

const SNIFF_LINES = 10;
/** Rows between two progress reports: often enough for a bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 5_000;

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

export function sniffSeparator(text: string): Separator {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, SNIFF_LINES);
  if (lines.length === 0) return ';';
  let best: { sep: Separator; steady: boolean; first: number } | undefined;
  for (const sep of SEPARATORS) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const steady = counts.every((c) => c === first);
    if (!best || (steady && !best.steady) || (steady === best.steady && first > best.first)) best = { sep, steady, first };
  }
  return best?.sep ?? ';';
}

/** Rows with at least one non-blank cell, each with its starting line; blank lines are skipped. */
export function readDelimited(text: string, separator: Separator = sniffSeparator(text), onProgress?: (rows: number) => void): DelimitedText {
  const rows: DelimitedRow[] = [];
  let line = 1;
  let consumed = 0;
  const newline = text.includes('\n') ? '\n' : '\r';
  Papa.parse<string[]>(text, {
    delimiter: separator,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const cursor = result.meta.cursor;
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '')) {
        rows.push({ line, cells });
        if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(rows.length);
      }
      // The row spans text[consumed, cursor): its line breaks (inside quotes too) move the next row down.
      for (let i = text.indexOf(newline, consumed); i !== -1 && i < cursor; i = text.indexOf(newline, i + 1)) line++;
      consumed = cursor;
    },
  });
  return { separator, rows };
}
