import { describe, expect, it } from 'vitest';
import { invoiceTable, renderTextTable } from '../drafts/common';
import { escapeHtml, plainTextToHtml } from './html';

const invoice = {
  number: 'F-2026-0101',
  issueDate: '2026-09-14',
  dueDate: '2026-10-14',
  label: 'Pains & viennoiseries <septembre>',
  amountExclVatCents: 100_000,
  amountInclVatCents: 120_000,
};

function grid(): string {
  const table = invoiceTable([invoice, { ...invoice, number: 'F-2026-0142', amountInclVatCents: 60_000, amountExclVatCents: 50_000, label: 'Farine' }], 'fr', { labelMaxLength: 30 });
  table.rows.push(['', '', '', 'Total TTC', '1 800,00 €']);
  return renderTextTable(table);
}

const cellsOf = (html: string, tag: 'td' | 'th') => [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('plainTextToHtml', () => {
  it('turns the monospace invoice grid into a real table, cell by cell, amounts right-aligned', () => {
    const html = plainTextToHtml(`Bonjour,\n\nCe règlement concerne les factures suivantes :\n\n${grid()}\n\nCordialement,\nCamille`, { lang: 'fr', title: 'Récapitulatif' });
    expect(html).toContain('<table');
    expect(cellsOf(html, 'th')).toEqual(['Facture', 'Date', 'Libellé', 'Montant HT', 'Montant TTC'].map(() => expect.any(String)));
    const cells = cellsOf(html, 'td');
    expect(cells.slice(0, 5)).toEqual(['F-2026-0101', '14/09/2026', 'Pains &amp; viennoiseries &lt;septem…', expect.stringMatching(/^1\s000,00\s€$/), expect.stringMatching(/^1\s200,00\s€$/)]);
    expect(cells.slice(-2)).toEqual(['Total TTC', '1 800,00 €']);
    expect(html).toMatch(/<td style="[^"]*font-weight:bold;">Total TTC<\/td>/);
    expect(html).toMatch(/<td style="[^"]*text-align:right;[^"]*">1\s200,00\s€<\/td>/);
    expect(html).toMatch(/<td style="[^"]*text-align:left;[^"]*">F-2026-0101<\/td>/);
    expect(html).toContain('<p style="margin:0 0 12px;">Cordialement,<br>Camille</p>');
  });

  it('escapes every value, markup typed by anyone stays text', () => {
    const html = plainTextToHtml('<script>alert(1)</script> & "quotes" \'single\'\n\n- <b>un</b>\n- deux', { lang: 'fr" onload="x', title: '</title><img src=x>' });
    expect(html).not.toMatch(/<script|<b>|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
    expect(html).toContain('<li>&lt;b&gt;un&lt;/b&gt;</li><li>deux</li>');
    expect(html).toContain('<html lang="fr&quot; onload=&quot;x">');
  });

  it('fetches nothing: no remote image, stylesheet, script or link', () => {
    const html = plainTextToHtml(`Voir https://example.com/x.png\n\n${grid()}`, { lang: 'en', title: 'Recap' });
    expect(html).not.toMatch(/<(img|link|script|iframe|a)\b/i);
    expect(html).not.toMatch(/url\(|src=|href=/i);
  });

  it('keeps a text that merely has dashes as a paragraph', () => {
    const html = plainTextToHtml('Notes\n---\nrien', { lang: 'fr', title: 'x' });
    expect(html).not.toContain('<table');
    expect(html).toContain('Notes<br>---<br>rien');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
