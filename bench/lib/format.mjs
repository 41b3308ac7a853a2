/** Units for the printed table. KB = 1000 bytes (as the size budget in issue 2 is written). */
export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1000).toFixed(1)} KB`);
export const ms = (x) => (x == null ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
export const ratio = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
export const int = (x) => (x == null ? '–' : String(Math.round(x)));

/** A plain-text table: Figure | Value | Notes, columns padded to their widest cell. */
export function renderTable(sections) {
  const header = ['Figure', 'Value', 'Notes'];
  const lines = [];
  const all = sections.flatMap((s) => s.rows);
  const width = (i) => Math.max(header[i].length, ...all.map((r) => r[i].length));
  const w = [width(0), width(1)];
  const line = (r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`.trimEnd();
  lines.push(line(header), `${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ${'-'.repeat(20)}`);
  for (const s of sections) {
    lines.push(`[${s.title}]`);
    for (const r of s.rows) lines.push(line(r));
  }
  return lines.join('\n');
}
