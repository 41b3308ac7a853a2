/**
 * Pure helpers of the call screen: amounts typed in euros, the call timer, the script text cut into
 * paragraphs and invoice tables. No DOM, no i18n: the components translate.
 */
import type { InvoiceFact } from '../../domain/call/facts';
import type { ScriptPart } from '../../domain/call/variables';

/**
 * Euros as an agent types them — "1 234,56", "1234.5", "1.234,56 €", "60" — to integer cents. `null` for an
 * empty field, `'invalid'` for anything else (letters, negative, more than two decimals).
 */
export function parseEuros(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  if (!/^\d[\d.,]*$/.test(compact)) return 'invalid';
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let decimalAt = Math.max(lastComma, lastDot);
  // A lone dot before exactly three digits ("1.234") groups thousands the French way.
  if (lastComma === -1 && lastDot !== -1 && compact.indexOf('.') === lastDot && compact.length - lastDot - 1 === 3) decimalAt = -1;
  const whole = (decimalAt === -1 ? compact : compact.slice(0, decimalAt)).replace(/[.,]/g, '');
  const fraction = decimalAt === -1 ? '' : compact.slice(decimalAt + 1);
  if (whole === '' || fraction.length > 2 || /[.,]/.test(fraction)) return 'invalid';
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : 'invalid';
}

/** Cents back into the field, with the language's decimal mark and no grouping: "1234,50" / "1234.50". */
export function centsToInput(cents: number, decimalMark: ',' | '.'): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros}${decimalMark}${String(rest).padStart(2, '0')}`;
}

/** "04:07", or "1:02:09" past the hour. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

export type ScriptBlock =
  | { kind: 'paragraph'; parts: Exclude<ScriptPart, { kind: 'invoices' }>[] }
  | { kind: 'invoices'; variable: 'invoices.overdue' | 'invoices.upcoming'; invoices: InvoiceFact[] };

/**
 * The script's words as paragraphs, with each invoice list lifted out as a table between them (a table
 * cannot sit inside a sentence). An empty list stays in the sentence as a missing fact.
 */
export function scriptBlocks(parts: readonly ScriptPart[]): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  let paragraph: Exclude<ScriptPart, { kind: 'invoices' }>[] = [];
  let afterTable = false;
  const close = () => {
    if (paragraph.some((p) => p.text.trim() !== '')) blocks.push({ kind: 'paragraph', parts: paragraph });
    paragraph = [];
  };
  for (const part of parts) {
    if (part.kind === 'invoices' && part.invoices.length > 0) {
      close();
      blocks.push({ kind: 'invoices', variable: part.variable, invoices: part.invoices });
      afterTable = true;
      continue;
    }
    const inline: Exclude<ScriptPart, { kind: 'invoices' }> =
      part.kind === 'invoices' ? { kind: 'value', variable: part.variable, text: part.text, missing: true } : part;
    if (afterTable && inline.kind === 'text') {
      // The table ended the sentence: drop the punctuation that followed the list in the script.
      const text = inline.text.replace(/^[\s.,;:]+/, '');
      afterTable = false;
      if (text !== '') paragraph.push({ kind: 'text', text });
      continue;
    }
    afterTable = false;
    paragraph.push(inline);
  }
  close();
  return blocks;
}
