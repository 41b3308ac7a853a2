import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargePortfolio } from '../../domain/demo';
import { summarizeDebtor } from '../../domain/summarize';
import type { DebtorSummary } from '../../domain/summary';
import { buildWorklist } from '../../domain/worklist';
import { buildFromStore, WorklistBuilder, type SummarySource } from './worklist-builder';

const TODAY = '2026-11-23';

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function build(summaries: readonly DebtorSummary[], chunkSize: number) {
  const builder = new WorklistBuilder(TODAY);
  for (const chunk of chunked(summaries, chunkSize)) builder.add(chunk);
  return builder.finish();
}

const demo = [...generateLargePortfolio({ today: TODAY, debtors: 1_200, invoices: 4_800, seed: 5 })].flat().map(summarizeDebtor);

describe('WorklistBuilder', () => {
  it('gives exactly buildWorklist, whatever the chunk size, with each row’s own search key', () => {
    const expected = buildWorklist(demo, TODAY);
    expect(expected.length).toBeGreaterThan(500);
    const keyOf = new Map(demo.map((s) => [s.debtorId, s.searchKey]));
    for (const size of [1, 7, 250, 1_000, 5_000]) {
      const built = build(demo, size);
      expect(built.rows).toEqual(expected);
      expect(built.keys).toEqual(expected.map((r) => keyOf.get(r.debtorId)));
      expect(built.debtorCount).toBe(demo.length);
      expect(built.staleIds).toEqual([]);
    }
  });

  it('hands out each chunk’s rows in arrival order, which its order puts in priority order', () => {
    const builder = new WorklistBuilder(TODAY);
    const handed = chunked(demo, 300).flatMap((chunk) => builder.add(chunk));
    const built = builder.finish();
    expect(handed).toHaveLength(built.rows.length);
    expect(Array.from(built.order, (i) => handed[i])).toEqual(built.rows);
    expect(built.rows).toEqual(buildWorklist(demo, TODAY));
  });

  it('names the debtors whose summary predates the payment-history digest, listed or not', () => {
    const old = demo.slice(0, 40).map(({ history: _dropped, ...rest }) => rest);
    const built = build([...old, ...demo.slice(40)], 16);
    expect(built.staleIds).toEqual(old.map((s) => s.debtorId));
    // Their rows are still listed, without a segment; the others have one.
    const staleIds = new Set(built.staleIds);
    for (const row of built.rows) expect(row.history === undefined).toBe(staleIds.has(row.debtorId));
  });

  it('names the debtors whose summary was read from format 1, with the same rows as their rebuilt summary', () => {
    const converted = demo.slice(0, 30).map((s): DebtorSummary => ({ ...s, outdated: true }));
    const built = build([...converted, ...demo.slice(30)], 16);
    expect(built.staleIds).toEqual(converted.map((s) => s.debtorId));
    expect(built.rows).toEqual(buildWorklist(demo, TODAY));
  });

  it('keeps the documented order on ties (same tier and score: name, then id) across chunks', () => {
    // Due 2026-11-13 (day 20770), 1,000 cents, not disputed.
    const item = [20_770, 1_000, 0];
    const summaryArb = fc.record({
      debtorId: fc.uuid(),
      name: fc.constantFrom('Alpha', 'Été', 'Zénith', 'alpha'),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(summaryArb, { selector: (s) => s.debtorId, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (specs, size) => {
        const summaries: DebtorSummary[] = specs.map((s) => ({
          schemaVersion: 2, debtorId: s.debtorId, name: s.name, searchKey: s.name.toLowerCase(), segment: 'small_business',
          openItems: s.overdue ? item : [],
        }));
        expect(build(summaries, size).rows).toEqual(buildWorklist(summaries, TODAY));
      }),
    );
  });

  it('is empty, with no debtor seen, before any chunk', () => {
    expect(new WorklistBuilder(TODAY).finish()).toEqual({ rows: [], keys: [], order: new Int32Array(0), debtorCount: 0, staleIds: [] });
  });
});

describe('buildFromStore', () => {
  const source = (chunks: DebtorSummary[][], failAfter = Infinity): SummarySource => ({
    listSummaries: async (onChunk) => {
      chunks.forEach((c, i) => {
        if (i >= failAfter) throw new Error('disk gone');
        onChunk?.(c);
      });
      return chunks.flat();
    },
  });

  it('builds from every chunk the store hands over and reports progress per chunk', async () => {
    const progress: number[] = [];
    const handed: number[] = [];
    const built = await buildFromStore(source(chunked(demo, 500)), TODAY, (n) => progress.push(n), (rows) => handed.push(rows.length));
    expect(progress).toEqual([500, 1_000, 1_200]);
    expect(built.rows).toEqual(buildWorklist(demo, TODAY));
    expect(handed).toHaveLength(3);
    expect(handed.reduce((a, b) => a + b, 0)).toBe(built.rows.length);
  });

  it('fails when the store fails, after the chunks already queued settle', async () => {
    await expect(buildFromStore(source(chunked(demo, 500), 2), TODAY, () => undefined)).rejects.toThrow('disk gone');
  });
});
