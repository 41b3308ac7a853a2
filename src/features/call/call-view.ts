/**
 * Pure helpers of the call screen: the call timer, the script text cut into
 * paragraphs and invoice tables, the steps built ahead. No DOM, no i18n: the components translate.
 */
import type { InvoiceFact } from '../../domain/call/facts';
import { STEP_IDS, stepIndex, type StepId } from '../../domain/call/steps';
import type { ScriptPart } from '../../domain/call/variables';

/** "04:07", or "1:02:09" past the hour. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/**
 * The steps built ahead while the agent reads `id`, most likely first: the next one (Next), the one before
 * (Back), the one after next. A step the agent reaches by one key is then never built in that key's task.
 */
export function stepsNear(id: StepId): StepId[] {
  const at = stepIndex(id);
  return [STEP_IDS[at + 1], STEP_IDS[at - 1], STEP_IDS[at + 2]].filter((s): s is StepId => s !== undefined);
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
