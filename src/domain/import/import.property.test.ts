/**
 * Properties of the whole reading + planning path: importing the same file twice changes nothing, and no
 * file, however broken, makes it throw (reliability R9: 10,000 malformed files, 0 uncaught exceptions).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixture } from './fixtures.testing';
import { applyPlan, planChangesNothing, planImport, type AbsentDebtors, type ExistingPortfolio } from './plan';
import { readImportFile } from './read-file';

const fr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dmy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');

const invoiceRow = fc.record({
  customer: fc.integer({ min: 1, max: 12 }),
  number: fc.integer({ min: 1, max: 60 }),
  issue: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true }),
  days: fc.integer({ min: 0, max: 90 }),
  cents: fc.integer({ min: -500_000, max: 5_000_000 }),
  paidShare: fc.integer({ min: 0, max: 100 }),
  style: fc.constantFrom('fr', 'paren', 'plain'),
});

type InvoiceRow = (typeof invoiceRow) extends fc.Arbitrary<infer R> ? R : never;

function agedBalance(rows: readonly InvoiceRow[], separator: string): Uint8Array {
  const lines = [['Code client', 'Client', 'N° facture', 'Date facture', 'Échéance', 'Montant TTC', 'Reste dû'].join(separator)];
  for (const r of rows) {
    const due = new Date(r.issue.getTime() + r.days * 86_400_000);
    const open = r.cents > 0 ? Math.round((r.cents * (100 - r.paidShare)) / 100) : r.cents;
    const money = (c: number) =>
      r.style === 'paren' && c < 0 ? `(${fr.format(-c / 100)})` : r.style === 'plain' ? (c / 100).toFixed(2) : fr.format(c / 100);
    lines.push([`C${r.customer}`, `Société ${r.customer}`, `F-${r.number}`, dmy(r.issue), dmy(due), money(r.cents), money(open)].map((c) => `"${c}"`).join(separator));
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

let n = 0;
const newId = (kind: string) => `${kind}-${++n}`;
const EMPTY: ExistingPortfolio = { debtors: [], invoices: [] };

function importOnce(bytes: Uint8Array, existing: ExistingPortfolio, absentDebtors?: AbsentDebtors) {
  const reading = readImportFile(bytes);
  if (reading.outcome.kind !== 'portfolio') throw new Error(`not a portfolio: ${JSON.stringify(reading.outcome)}`);
  const result = planImport(reading.outcome.portfolio, existing, { importDate: '2026-12-03', newId, ...(absentDebtors ? { absentDebtors } : {}) });
  if (!result.ok) throw new Error('refused');
  return result.plan;
}

describe('import properties', () => {
  // With the same answer for debtors absent from the file (whole portfolio or part): the default may differ
  // the second time, once the file's own debtors are stored.
  it('importing the same file twice changes nothing (over an empty or an earlier portfolio)', () => {
    fc.assert(
      fc.property(
        fc.array(invoiceRow, { minLength: 1, maxLength: 40 }),
        fc.array(invoiceRow, { maxLength: 20 }),
        fc.constantFrom(';', '\t', '|'),
        fc.constantFrom<AbsentDebtors>('close', 'keep'),
        (rows, earlierRows, separator, answer) => {
          const earlier = earlierRows.length ? applyPlan(EMPTY, importOnce(agedBalance(earlierRows, separator), EMPTY)) : EMPTY;
          const file = agedBalance(rows, separator);
          const first = importOnce(file, earlier, answer);
          expect(first.ready).toBe(true);
          const after = applyPlan(earlier, first);
          const second = importOnce(file, after, answer);
          expect(planChangesNothing(second)).toBe(true);
          expect(second.totals.after).toEqual(first.totals.after);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('reads 10,000 malformed files without an uncaught exception', () => {
    const seeds = ['aged-balance-1252.csv', 'aged-balance-utf16le.txt', 'fec-lettering.txt', 'payments-bank.csv', 'aged-balance-v1.csv'].map(fixture);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', ';', '\t', '|', '\r\n', '\u0000', '(', '31/02/2026', 'Total', '-', ',', '\ufeff') }),
    );
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
      fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([i, muts]) => {
        let bytes = Array.from(seeds[i] as Uint8Array);
        for (const m of muts) {
          const at = bytes.length ? m.at % bytes.length : 0;
          if (m.kind === 'flip') bytes[at] = m.byte;
          else if (m.kind === 'cut') bytes = bytes.slice(0, at);
          else bytes.splice(at, 0, ...new TextEncoder().encode(m.text));
        }
        return new Uint8Array(bytes);
      }),
    );
    let read = 0;
    let refused = 0;
    fc.assert(
      fc.property(file, (bytes) => {
        const reading = readImportFile(bytes);
        read++;
        if (reading.outcome.kind === 'portfolio') {
          const plan = planImport(reading.outcome.portfolio, EMPTY, { importDate: '2026-12-03', newId });
          if (!plan.ok) refused++;
        }
      }),
      { numRuns: 10_000 },
    );
    expect(read).toBe(10_000);
    // Some mutated files must be refused (a flipped digit in a date), or the fuzzing is not reaching the rows.
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
