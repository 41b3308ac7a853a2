/**
 * The `{` picker's logic, apart from the DOM: which variable query the caret stands in, the variables that
 * match it, and the text once one is chosen.
 */
import { SCRIPT_VARIABLES, isScriptVariable } from '../../domain/call/variables';

/** The `{query` being typed just before the caret, or null when the caret is not inside an open brace. */
export function openBraceQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('{');
  if (start < 0) return null;
  const query = before.slice(start + 1);
  return /^[A-Za-z.]*$/.test(query) ? { start, query } : null;
}

export function matchingVariables(query: string): string[] {
  const q = query.toLowerCase();
  const starts = SCRIPT_VARIABLES.filter((v) => v.toLowerCase().startsWith(q));
  const contains = SCRIPT_VARIABLES.filter((v) => !v.toLowerCase().startsWith(q) && v.toLowerCase().includes(q));
  return [...starts, ...contains];
}

/** Replaces `{query` (and a closing brace right after the caret, if any) with `{variable}`. */
export function insertVariable(text: string, caret: number, start: number, variable: string): { text: string; caret: number } {
  const after = text.slice(caret).startsWith('}') ? text.slice(caret + 1) : text.slice(caret);
  const inserted = `{${variable}}`;
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

export type TextPiece = { kind: 'text'; text: string } | { kind: 'variable'; name: string; known: boolean };

/** The text cut into literal runs and `{variables}`, for the chips under each field. */
export function textPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{([^{}\s]*)\}/g)) {
    if (m.index > last) pieces.push({ kind: 'text', text: text.slice(last, m.index) });
    pieces.push({ kind: 'variable', name: m[1]!, known: isScriptVariable(m[1]!) });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** i18n keys cannot hold dots: `contact.name` is described at `studio:variables.contact_name`. */
export const variableKey = (name: string): string => `studio:variables.${name.replace(/\./g, '_')}`;
