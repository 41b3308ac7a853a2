/**
 * The number pages (v12, ./number-pages.ts) stay in step with the invoice blocks through every write the
 * `invoices` store takes, in one transaction or many, keep their shape through splits and emptied pages, and
 * the search reads them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../../tests/fixtures/db/builders';
import { toStoredInvoice } from './bundles';
import { openCadenceDb, type CadenceDatabase } from './db';
import { plainIdbRecords } from './idb-records';
import { INVOICE_NUMBER_PAGES, invoicesOfBlocks } from './invoice-blocks';
import { entryOf, PAGE_MAX, type NumberPage } from './number-pages';
import type { RecordTx } from './records';
import { createCadenceStore } from './store';

let n = 0;
const open = () => openCadenceDb(`invoice-numbers-${++n}-${Date.now()}`);

const invoice = (id: string, debtorId: string, numberKey: string) => toStoredInvoice(makeInvoice({ id, debtorId, number: numberKey.toUpperCase() }));

type Op =
  | { kind: 'put'; id: string; debtorId: string; numberKey: string }
  | { kind: 'putMany'; items: { id: string; debtorId: string; numberKey: string }[] }
  | { kind: 'newDebtor'; debtorId: string; items: { id: string; numberKey: string }[] }
  | { kind: 'delete'; id: string }
  | { kind: 'clear' };

const id = fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6');
const debtor = fc.constantFrom('d1', 'd2', 'd3');
const numberKey = fc.constantFrom('fa-1', 'fa-2', 'fa-10', 'av-1');
const item = fc.record({ id, debtorId: debtor, numberKey });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: item.map((i) => ({ kind: 'put' as const, ...i })) },
  { weight: 2, arbitrary: fc.array(item, { maxLength: 4 }).map((items) => ({ kind: 'putMany' as const, items })) },
  {
    weight: 1,
    arbitrary: fc.record({
      debtorId: fc.constantFrom('n1', 'n2'),
      items: fc.uniqueArray(fc.record({ id: fc.constantFrom('k1', 'k2', 'k3'), numberKey }), { selector: (i) => i.id, minLength: 1, maxLength: 3 }),
    }).map((r) => ({ kind: 'newDebtor' as const, ...r })),
  },
  { weight: 2, arbitrary: id.map((i) => ({ kind: 'delete' as const, id: i })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

/** What the blocks say the pages must hold: one entry per debtor and distinct number key, sorted. */
async function expectedNumbers(db: CadenceDatabase): Promise<string[]> {
  const keys = new Set<string>();
  for (const i of invoicesOfBlocks(await db.getAll('invoiceBlocks')) as { numberKey: string; debtorId: string }[]) keys.add(entryOf(i.numberKey, i.debtorId));
  return [...keys].sort();
}

/** The pages' entries in page order, after checking their shape: '' first, each sorted and within its range. */
async function storedNumbers(db: CadenceDatabase): Promise<string[]> {
  const pages = (await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[];
  if (pages.length > 0) expect(pages[0]!.first).toBe('');
  pages.forEach((page, i) => {
    const next = pages[i + 1]?.first;
    expect(page.entries.length).toBeLessThanOrEqual(PAGE_MAX);
    if (i > 0) expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries).toEqual([...new Set(page.entries)].sort());
    for (const e of page.entries) expect(e >= page.first && (next === undefined || e < next), `${e} in page ${page.first}`).toBe(true);
  });
  return pages.flatMap((p) => p.entries);
}

async function apply(tx: RecordTx, o: Op, newDebtors: Set<string>): Promise<void> {
  // Which debtors hold no invoice is decided as each operation is issued, before anything is awaited.
  if (o.kind === 'clear') newDebtors.clear();
  if (o.kind === 'put') await tx.put('invoices', invoice(o.id, o.debtorId, o.numberKey));
  else if (o.kind === 'putMany') await tx.putMany('invoices', o.items.map((i) => invoice(i.id, i.debtorId, i.numberKey)));
  else if (o.kind === 'delete') await tx.delete('invoices', o.id);
  else if (o.kind === 'clear') await tx.clear('invoices');
  else if (!newDebtors.has(o.debtorId)) {
    // Only for debtors holding no invoice yet, as its contract says; ids of their own.
    newDebtors.add(o.debtorId);
    await tx.putInvoicesOfNewDebtors(o.items.map((i) => invoice(`${o.debtorId}-${i.id}`, o.debtorId, i.numberKey)));
  }
}

describe('invoiceNumbers on IndexedDB', () => {
  it('holds one record per debtor and number key of the stored invoices, whatever the writes and however grouped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), async (transactions) => {
        const db = await open();
        const records = plainIdbRecords(db);
        const newDebtors = new Set<string>();
        for (const ops of transactions) {
          // Every request of one transaction issued without waiting for the others, as bulk writers do.
          await records.write(['invoices'], (tx) => Promise.all(ops.map((o) => apply(tx, o, newDebtors))).then(() => undefined));
          expect(await storedNumbers(db)).toEqual(await expectedNumbers(db));
        }
        db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('splits a page past PAGE_MAX and drops one emptied, the search reading across pages', async () => {
    const db = await open();
    const records = plainIdbRecords(db);
    const pad = (i: number) => String(i).padStart(5, '0');
    const many = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => invoice(`i${pad(from + k)}`, `d${pad(from + k)}`, `fa-${pad(from + k)}`));
    await records.write(['invoices'], (tx) => tx.putInvoicesOfNewDebtors(many(0, 3000)));
    let pages = (await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[];
    expect(pages.length).toBeGreaterThan(3);
    expect(await storedNumbers(db)).toEqual(await expectedNumbers(db));
    // One more debtor at a time, into the same page, until it splits.
    for (let i = 3000; i < 3000 + PAGE_MAX; i += 100) await records.write(['invoices'], (tx) => tx.putInvoicesOfNewDebtors(many(i, i + 100)));
    expect(((await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[]).length).toBeGreaterThan(pages.length);
    expect(await storedNumbers(db)).toEqual(await expectedNumbers(db));
    // Every invoice of the second page deleted: the page goes, the one before takes its range.
    pages = (await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[];
    const second = pages[1]!;
    await records.write(['invoices'], async (tx) => {
      for (const e of second.entries) await tx.delete('invoices', `i${e.slice(3, 8)}`);
    });
    const after = (await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[];
    expect(after.map((p) => p.first)).not.toContain(second.first);
    expect(await storedNumbers(db)).toEqual(await expectedNumbers(db));
    const store = createCadenceStore(db);
    // The search reads across pages, from the page where the prefix falls, until its debtors are found.
    const under = (await expectedNumbers(db)).filter((e) => e.startsWith('fa-0')).map((e) => e.split('\u0000')[1]);
    expect(await store.findDebtorIdsByInvoiceNumber('fa-0', 2500)).toEqual(under.slice(0, 2500));
    expect(await store.findDebtorIdsByInvoiceNumber('fa-0', 10_000)).toEqual(under);
    store.close();
  });

  it('is read by the search: a renumbered invoice is found by its new number only', async () => {
    const db = await open();
    const records = plainIdbRecords(db);
    await records.write(['invoices'], (tx) => tx.putMany('invoices', [invoice('i1', 'd1', 'fa-1'), invoice('i2', 'd2', 'fa-2')]));
    await records.write(['invoices'], (tx) => tx.put('invoices', invoice('i1', 'd1', 'av-9')));
    const store = createCadenceStore(db);
    expect(await store.findDebtorIdsByInvoiceNumber('FA', 10)).toEqual(['d2']);
    expect(await store.findDebtorIdsByInvoiceNumber('av', 10)).toEqual(['d1']);
    store.close();
  });
});
