/**
 * The HTML part of a recap email, made from its plain text (the agent's edited draft), so the debtor's mail
 * client shows a real table where the text has a monospace grid. Paragraphs stay paragraphs, "- " lines
 * become a list, and a grid — a head line, a rule of dashes, rows, as `renderTextTable` writes it — becomes a
 * <table> whose columns are read off the rule. Every piece of text is HTML-escaped; styles are inline and
 * nothing is fetched (no image, no stylesheet, no link to follow), so any mail client shows it as is.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2933;';
const P = 'margin:0 0 12px;';
const CELL = 'padding:4px 10px;border-bottom:1px solid #d5dae1;vertical-align:top;';
const HEAD = 'padding:4px 10px;border-bottom:2px solid #7b8794;text-align:left;font-weight:bold;';

/** A rule line: dashes in runs separated by spaces, e.g. `----------  ----------  ---`. */
const RULE = /^-+( +-+)*$/;

interface Grid {
  head: string[];
  rows: string[][];
  right: boolean[];
}

/** Column spans from the rule's dash runs; the last column runs to the end of the line. */
function spans(rule: string): { start: number; end: number }[] {
  return [...rule.matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function readGrid(lines: string[]): Grid | null {
  const [headLine, rule, ...rowLines] = lines;
  if (headLine === undefined || rule === undefined || !RULE.test(rule.trimEnd()) || rowLines.length === 0) return null;
  const cols = spans(rule.trimEnd());
  if (cols.length < 2) return null;
  const cut = (line: string) =>
    cols.map((c, k) => {
      const next = cols[k + 1];
      return line.slice(c.start, next ? next.start : undefined).trim();
    });
  const rows = rowLines.map(cut);
  // Right-aligned (amounts): every filled cell reaches the rule's end, and some are padded on the left.
  const right = cols.map((c, k) => {
    const segments = rowLines.map((line) => line.slice(c.start, c.end)).filter((seg) => seg.trim() !== '');
    return segments.length > 0 && segments.every((seg) => seg.length === c.end - c.start && !seg.endsWith(' ')) && segments.some((seg) => seg.startsWith(' '));
  });
  return { head: cut(headLine), rows, right };
}

function tableHtml(grid: Grid): string {
  const align = (k: number) => (grid.right[k] ? 'text-align:right;white-space:nowrap;' : 'text-align:left;');
  const head = grid.head.map((h, k) => `<th scope="col" style="${HEAD}${align(k)}">${escapeHtml(h)}</th>`).join('');
  const rows = grid.rows
    .map((row) => {
      // The total line leaves its first cells blank: set it in bold.
      const total = row[0] === '' ? 'font-weight:bold;' : '';
      return `<tr>${row.map((cell, k) => `<td style="${CELL}${align(k)}${total}">${escapeHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table style="border-collapse:collapse;margin:0 0 12px;${FONT}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function blockHtml(block: string): string {
  const lines = block.split('\n');
  // A grid, possibly after one intro line ("Ce règlement concerne les factures suivantes :").
  for (const skip of [0, 1]) {
    const grid = readGrid(lines.slice(skip));
    if (grid) {
      const intro = lines.slice(0, skip).map(escapeHtml).join('<br>');
      return `${intro ? `<p style="${P}">${intro}</p>` : ''}${tableHtml(grid)}`;
    }
  }
  const items = lines.filter((l) => l.startsWith('- '));
  if (items.length > 0 && items.length >= lines.length - 1 && lines.slice(0, lines.length - items.length).every((l) => !l.startsWith('- '))) {
    const intro = lines.slice(0, lines.length - items.length);
    const list = `<ul style="${P}padding-left:20px;">${items.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`;
    return `${intro.length ? `<p style="margin:0 0 4px;">${escapeHtml(intro.join(' '))}</p>` : ''}${list}`;
  }
  return `<p style="${P}">${lines.map(escapeHtml).join('<br>')}</p>`;
}

/** A whole HTML document for the text: `lang` and `title` (the subject) as given, escaped. */
export function plainTextToHtml(text: string, options: { lang: string; title: string }): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^\n+|\s+$/g, ''))
    .filter((b) => b !== '');
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>` +
    `<body style="margin:0;padding:16px;${FONT}">\n${blocks.map(blockHtml).join('\n')}\n</body></html>\n`
  );
}
