import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import i18next from 'i18next';
import en from '../../i18n/locales/en/exports.json';
import fr from '../../i18n/locales/fr/exports.json';
import enCommon from '../../i18n/locales/en/common.json';
import frCommon from '../../i18n/locales/fr/common.json';
import { generateDemoPortfolio } from '../demo';
import { buildWorklist } from '../worklist';
import { summarizeDebtor } from '../summarize';
import { readImportFile } from '../import/read-file';
import { BOM, cents, centsToExcel, date, num, text, toExcelCsv } from './csv';
import { activitiesCsv, agedBalanceCsv, promisesCsv, worklistCsv } from './csv-exports';

const TODAY = '2026-12-03';
const bundles = generateDemoPortfolio({ today: TODAY });

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { exports: fr, common: frCommon }, en: { exports: en, common: enCommon } }, interpolation: { escapeValue: false } });
  return (key: string, values?: Record<string, string | number>) => i18n.t(key, values);
}

/** Reads a file back as Excel would: the BOM, then `;`-separated cells. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.includes('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('toExcelCsv', () => {
  it('writes decimal commas, French dates, quotes where needed and defuses formulas', () => {
    const csv = toExcelCsv(['Nom', 'Montant', 'Date', 'Taux'], [
      [text('Dupont; fils "et" Cie\nParis'), cents(-123456), date('2026-02-01'), num(12.345, 1)],
      [text('=HYPERLINK("http://x")'), cents(5), date(undefined), num(null)],
      [text('-2+3'), cents(0), date('2026-12-31'), num(3)],
    ]);
    expect(readBack(csv)).toEqual([
      ['Nom', 'Montant', 'Date', 'Taux'],
      ['Dupont; fils "et" Cie\nParis', '-1234,56', '01/02/2026', '12,3'],
      ['\'=HYPERLINK("http://x")', '0,05', '', ''],
      ["'-2+3", '0,00', '31/12/2026', '3'],
    ]);
    expect(centsToExcel(-5)).toBe('-0,05');
  });
});

describe('CSV exports', () => {
  it('exports the worklist with one row per debtor in priority order', async () => {
    const rows = buildWorklist(bundles.map((b) => summarizeDebtor(b)), TODAY);
    const data = readBack(worklistCsv(rows, await translator('fr')));
    expect(data[0]?.[0]).toBe('Débiteur');
    expect(data.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.name));
    const first = rows[0];
    expect(data[1]?.[3]).toBe(centsToExcel(first?.overdueCents ?? 0));
  });

  it('exports promises and activities in English too', async () => {
    const t = await translator('en');
    const names = new Map(bundles.map((b) => [b.debtor.id, b.debtor.name]));
    const numbers = new Map(bundles.flatMap((b) => b.invoices.map((i) => [i.id, i.number] as const)));
    const promises = bundles.flatMap((b) => b.promises);
    const p = readBack(promisesCsv(promises, names, numbers, t));
    expect(p[0]).toEqual(['Debtor', 'Made on', 'Promised date', 'Amount promised (€)', 'Received (€)', 'Status', 'Payment means', 'Invoices']);
    expect(p).toHaveLength(promises.length + 1);
    expect(p[1]?.[5]).toMatch(/^(Pending|Kept|Partly kept|Broken)$/);
    const activities = bundles.flatMap((b) => b.activities);
    const a = readBack(activitiesCsv(activities, names, t));
    expect(a).toHaveLength(activities.length + 1);
    expect(a[1]?.[7]).toBe(activities[0]?.summary.replace(/^([=+\-@\t\r])/, "'$1"));
  });

  it('writes each activity’s outcome in words, never its stored code', async () => {
    const names = new Map(bundles.map((b) => [b.debtor.id, b.debtor.name]));
    const activities = bundles.flatMap((b) => b.activities);
    const codes = new Set(activities.flatMap((a) => (a.outcome ? [a.outcome] : [])));
    expect(codes.size).toBeGreaterThan(3);
    const rows = readBack(activitiesCsv([...activities, { ...activities[0]!, outcome: 'imported' }], names, await translator('fr'))).slice(1);
    const outcomes = new Set(rows.map((r) => r[4]));
    for (const code of codes) expect(outcomes.has(code), `the code ${code} is written as is`).toBe(false);
    expect(outcomes).toContain('pas de réponse');
    expect(outcomes).toContain('reçu (import)');
    // An outcome this version has no label for keeps its code rather than showing a translation key.
    const unknown = readBack(activitiesCsv([{ ...activities[0]!, outcome: 'future_code' }], names, await translator('en')));
    expect(unknown[1]?.[4]).toBe('future_code');
  });

  it('exports the aged balance so that the import reads it back to the same open invoices', async () => {
    const debtors = bundles.map((b) => b.debtor);
    const invoices = bundles.flatMap((b) => b.invoices);
    const csv = agedBalanceCsv(debtors, invoices, TODAY, await translator('fr'));
    const reading = readImportFile(new TextEncoder().encode(csv));
    expect(reading).toMatchObject({ encoding: 'utf-8', bom: true, separator: ';', kind: 'aged_balance', missing: [] });
    if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
    const open = invoices.filter((i) => i.status !== 'paid' && i.amountInclVatCents > i.amountPaidCents);
    const back = reading.outcome.portfolio.invoices;
    expect(reading.outcome.portfolio.errors).toEqual([]);
    expect(back).toHaveLength(open.length);
    const byNumber = new Map(back.map((i) => [i.number, i]));
    for (const inv of open) {
      expect(byNumber.get(inv.number)).toMatchObject({ totalCents: inv.amountInclVatCents, openCents: inv.amountInclVatCents - inv.amountPaidCents, dueDate: inv.dueDate, issueDate: inv.issueDate });
    }
  });
});

/** An amount cell as French Excel reads it: optional minus, digits, a decimal comma and two decimals. */
function excelCents(cell: string | undefined): number {
  const m = /^(-?)(\d+),(\d{2})$/.exec(cell ?? '');
  if (!m) throw new Error(`not an amount with a decimal comma: ${JSON.stringify(cell)}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

describe('every export read back with papaparse gives the amounts it was written from', () => {
  const names = new Map(bundles.map((b) => [b.debtor.id, b.debtor.name]));
  const numbers = new Map(bundles.flatMap((b) => b.invoices.map((i) => [i.id, i.number] as const)));

  it('worklist: overdue, not yet due and disputed per debtor, and the payment-history segment', async () => {
    const rows = buildWorklist(bundles.map((b) => summarizeDebtor(b)), TODAY);
    const data = readBack(worklistCsv(rows, await translator('fr')));
    expect(data[0]?.slice(0, 6)).toEqual(['Débiteur', 'Segment', 'Historique de paiement', 'Échu (€)', 'Non échu (€)', 'En litige (€)']);
    expect(data).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      const line = data[i + 1]!;
      expect([excelCents(line[3]), excelCents(line[4]), excelCents(line[5])]).toEqual([row.overdueCents, row.notYetDueCents, row.disputedCents]);
      expect(line[2]).toMatch(/^(Fiable|À surveiller|Mauvais payeur)$/);
    });
    expect(data.slice(1).some((l) => l[2] === 'Mauvais payeur')).toBe(true);
  });

  it('promises: amount promised and received', async () => {
    const promises = bundles.flatMap((b) => b.promises);
    const data = readBack(promisesCsv(promises, names, numbers, await translator('fr')));
    promises.forEach((p, i) => {
      expect([excelCents(data[i + 1]![3]), excelCents(data[i + 1]![4])]).toEqual([p.amountCents, p.paidCents]);
    });
  });

  it('activities: the amount of each payment, empty for the rest', async () => {
    const activities = bundles.flatMap((b) => b.activities);
    const payments = activities.filter((a) => a.type === 'payment');
    expect(payments.length).toBeGreaterThan(0);
    const data = readBack(activitiesCsv(activities, names, await translator('fr')));
    expect(data[0]?.[5]).toBe('Montant (€)');
    activities.forEach((a, i) => {
      const cell = data[i + 1]![5];
      if (a.type === 'payment') expect(excelCents(cell)).toBe((a.details as { amountCents: number }).amountCents);
      else expect(cell).toBe('');
    });
  });

  it('aged balance: amount and amount due per open invoice, summing to the portfolio', async () => {
    const invoices = bundles.flatMap((b) => b.invoices);
    const open = invoices.filter((i) => i.status !== 'paid' && i.amountInclVatCents > i.amountPaidCents);
    const data = readBack(agedBalanceCsv(bundles.map((b) => b.debtor), invoices, TODAY, await translator('fr')));
    expect(data).toHaveLength(open.length + 1);
    const byNumber = new Map(open.map((i) => [i.number, i]));
    for (const line of data.slice(1)) {
      const inv = byNumber.get(line[3]!)!;
      expect([excelCents(line[6]), excelCents(line[7])]).toEqual([inv.amountInclVatCents, inv.amountInclVatCents - inv.amountPaidCents]);
    }
    const total = data.slice(1).reduce((s, l) => s + excelCents(l[7]), 0);
    expect(total).toBe(open.reduce((s, i) => s + i.amountInclVatCents - i.amountPaidCents, 0));
  });
});
