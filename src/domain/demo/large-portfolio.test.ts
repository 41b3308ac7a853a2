import { describe, expect, it } from 'vitest';
import type { DebtorBundle } from '../bundle';
import { bundleProblems, schemaProblems } from './invariants';
import { generateLargePortfolio } from './large-portfolio';
import { largeCompanyName } from './large-debtor';
import { luhnValid } from './siren';

const TODAY = '2026-11-23';
const collect = (opts: Parameters<typeof generateLargePortfolio>[0]): DebtorBundle[][] => [...generateLargePortfolio(opts)];

describe('generateLargePortfolio at full size (50,000 debtors, 200,000 invoices)', () => {
  it('yields exactly the requested counts, in chunks of 1,000, with unique ids and invoice numbers', () => {
    const started = performance.now();
    let debtors = 0;
    let invoices = 0;
    let chunks = 0;
    const sample: DebtorBundle[] = [];
    const numbers = new Set<string>();
    const debtorIds = new Set<string>();
    const invoiceIds = new Set<string>();
    for (const chunk of generateLargePortfolio({ today: TODAY, debtors: 50_000, invoices: 200_000 })) {
      expect(chunk).toHaveLength(1_000);
      chunks++;
      for (const b of chunk) {
        debtors++;
        debtorIds.add(b.debtor.id);
        for (const inv of b.invoices) {
          invoices++;
          numbers.add(inv.number);
          invoiceIds.add(inv.id);
        }
        if (debtors % 97 === 0) sample.push(b);
      }
    }
    const elapsed = performance.now() - started;
    console.info(`generateLargePortfolio(50k/200k): ${elapsed.toFixed(0)} ms`);
    expect([chunks, debtors, invoices]).toEqual([50, 50_000, 200_000]);
    expect([debtorIds.size, invoiceIds.size, numbers.size]).toEqual([50_000, 200_000, 200_000]);
    for (const b of sample) expect([...schemaProblems(b), ...bundleProblems(b, TODAY)]).toEqual([]);
    // Its speed is a benchmark figure (npm run bench), not a pass mark: a loaded CI machine must not fail it.
  }, 120_000);
});

describe('generateLargePortfolio', () => {
  it('hits exact totals for uneven shapes, last chunk partial', () => {
    for (const [d, i, size] of [[1, 7, 1000], [3, 0, 2], [7, 3, 3], [2_001, 7_777, 250], [10, 1_000, 4]] as const) {
      const chunks = collect({ today: TODAY, debtors: d, invoices: i, chunkSize: size });
      const all = chunks.flat();
      expect(all).toHaveLength(d);
      expect(all.reduce((n, b) => n + b.invoices.length, 0)).toBe(i);
      expect(chunks.map((c) => c.length)).toEqual([...Array(Math.ceil(d / size)).keys()].map((k) => Math.min(size, d - k * size)));
    }
  });

  it('yields nothing for zero debtors and rejects bad counts', () => {
    expect(collect({ today: TODAY, debtors: 0, invoices: 0 })).toEqual([]);
    expect(() => collect({ today: TODAY, debtors: 0, invoices: 5 })).toThrow(RangeError);
    expect(() => collect({ today: TODAY, debtors: -1, invoices: 0 })).toThrow(RangeError);
    expect(() => collect({ today: TODAY, debtors: 10, invoices: 1.5 })).toThrow(RangeError);
    expect(() => collect({ today: TODAY, debtors: 10, invoices: 10, chunkSize: 0 })).toThrow(RangeError);
    expect(() => collect({ today: 'yesterday', debtors: 1, invoices: 1 })).toThrow(RangeError);
  });

  it('is deterministic and independent of the chunk size; the seed changes the data', () => {
    const opts = { today: TODAY, debtors: 1_500, invoices: 6_000 };
    const a = collect({ ...opts, chunkSize: 1_000 }).flat();
    expect(collect({ ...opts, chunkSize: 1_000 }).flat()).toEqual(a);
    expect(collect({ ...opts, chunkSize: 7 }).flat()).toEqual(a);
    expect(collect({ ...opts, seed: 1 }).flat()).not.toEqual(a);
  });

  it('spreads invoice counts unevenly while every debtor of an even split gets at least one', () => {
    const counts = collect({ today: TODAY, debtors: 1_000, invoices: 4_000 }).flat().map((b) => b.invoices.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(new Set(counts).size).toBeGreaterThanOrEqual(5);
  });

  it('gives each debtor one preferred contact, a Luhn-valid SIREN and a searchable, unique company name', () => {
    const all = collect({ today: TODAY, debtors: 3_000, invoices: 9_000, seed: 3 }).flat();
    for (const b of all) {
      expect(b.contacts).toHaveLength(1);
      expect(b.contacts[0]?.preferred).toBe(true);
      expect(luhnValid(b.debtor.siren)).toBe(true);
      expect(b.debtor.language).toBe('fr');
    }
    const bases = all.map((b) => b.debtor.name.replace(/ \S+$/, ''));
    expect(new Set(bases).size).toBe(all.length);
    expect(all.filter((b) => b.debtor.name.startsWith('Menuiserie ')).length).toBeGreaterThan(30);
    const stems = new Set(Array.from({ length: 160_000 }, (_, i) => largeCompanyName(i, 0, 0)));
    expect(stems.size).toBe(160_000);
  });

  it('keeps every record of a mid-size run valid and consistent', () => {
    for (const b of collect({ today: TODAY, debtors: 600, invoices: 2_400, seed: 11 }).flat()) {
      expect([...schemaProblems(b), ...bundleProblems(b, TODAY)]).toEqual([]);
    }
  });
});
