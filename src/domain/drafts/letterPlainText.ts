/** A letter as plain text: for copy/paste, the agency hand-over dossier, and reading in tests. */
import { renderTextTable } from './common';
import type { LetterDocument } from './letterTypes';

export function letterPlainText(doc: LetterDocument): string {
  const out: string[] = [
    [doc.sender.name, ...doc.sender.lines, ...doc.sender.contact].join('\n'),
    [doc.recipient.name, ...doc.recipient.lines].join('\n'),
    [...doc.mentions, doc.placeAndDate, ...(doc.reference ? [doc.reference] : [])].join('\n'),
    doc.subject,
    doc.salutation,
  ];
  const labelWidth = Math.max(0, ...doc.totals.map((r) => r.label.length));
  const amountWidth = Math.max(0, ...doc.totals.map((r) => r.text.length));
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') out.push(block.text);
    else if (block.kind === 'list') out.push(block.items.map((i) => `– ${i}`).join('\n'));
    else if (block.kind === 'invoices') out.push(renderTextTable(doc.invoiceTable));
    else out.push(doc.totals.map((r) => `${r.label.padEnd(labelWidth)}  ${r.text.padStart(amountWidth)}`).join('\n'));
  }
  out.push(doc.closing, doc.signature.join('\n'));
  return `${out.join('\n\n')}\n`;
}
