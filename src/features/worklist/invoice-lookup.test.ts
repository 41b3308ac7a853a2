import { describe, expect, it } from 'vitest';
import { toSearchKey } from '../../domain/text';
import type { InvoiceNumberScan } from '../../storage/api';
import { invoiceLookup } from './search';

// Invoice numbers in index order, each with its debtor: FA-1-1 … for d1, FA-2-1 … for d2, and so on.
const numbers = Array.from({ length: 30 }, (_, i) => ({ numberKey: `fa-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`, debtorId: `d${Math.floor(i / 3) + 1}` }))
  .sort((a, b) => (a.numberKey < b.numberKey ? -1 : 1));

/** What the index read gives: the first `limit` debtors under the prefix, in index order. */
function scanOf(prefix: string, limit: number): InvoiceNumberScan {
  const key = toSearchKey(prefix);
  const ids = [...new Set(numbers.filter((n) => n.numberKey.startsWith(key)).map((n) => n.debtorId))];
  return { key, debtorIds: ids.slice(0, limit), complete: ids.length <= limit };
}

/** A store whose reads finish when the test says so (or at once), and may fail. */
function scanner({ held = false } = {}) {
  const asked: string[] = [];
  const finish: (() => void)[] = [];
  let failing = false;
  const store = {
    scanInvoiceNumbers: (prefix: string, limit: number): Promise<InvoiceNumberScan> => {
      asked.push(prefix);
      const fails = failing;
      return new Promise((resolve, reject) => {
        const end = () => (fails ? reject(new Error('closed')) : resolve(scanOf(prefix, limit)));
        if (held) finish.push(end);
        else end();
      });
    },
  };
  return { store, asked, finish: () => finish.splice(0).forEach((f) => f()), fail: (on: boolean) => (failing = on) };
}

describe('invoiceLookup', () => {
  it('answers what the index holds for the query, in index order', async () => {
    const { store } = scanner();
    const lookup = invoiceLookup(store);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(await lookup(' fa-10-2 ')).toEqual(['d10']);
    expect(await lookup('FA')).toEqual(['d1', 'd10', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    expect(await lookup('FA-99')).toEqual([]);
  });

  it('asks storage once for a prefix no invoice number starts with, then answers its extensions itself', async () => {
    const { store, asked, fail } = scanner();
    const lookup = invoiceLookup(store);
    expect(await lookup('Du')).toEqual([]);
    expect(await lookup('Dup')).toEqual([]);
    expect(await lookup('DUPONT ')).toEqual([]);
    // Not an extension of "du": a one-letter query looks nothing up, but reads its range for the next key…
    expect(await lookup('d')).toEqual([]);
    expect(asked).toEqual(['Du', 'd']);
    // …which then answers "dz" without a read of its own.
    expect(await lookup('dz')).toEqual([]);
    expect(asked).toEqual(['Du', 'd']);
    // A failure is not taken for "nothing starts with it".
    fail(true);
    expect(await lookup('mv')).toEqual([]);
    fail(false);
    expect(await lookup('mv/')).toEqual([]);
    expect(asked).toEqual(['Du', 'd', 'mv', 'mv/']);
  });

  it('reads again for a longer number, and not for a prefix read before', async () => {
    const { store, asked } = scanner();
    const lookup = invoiceLookup(store);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(await lookup('FA-10')).toEqual(['d10']);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(asked).toEqual(['FA-1', 'FA-10']);
  });

  it('lets a key typed while a read is under way wait for it, and reads for itself when that read cannot answer it', async () => {
    const { store, asked, finish } = scanner({ held: true });
    const lookup = invoiceLookup(store);
    await lookup('x');
    expect(asked).toEqual(['x']);
    // "xy" extends the read under way: it waits, and the empty "x" answers it without a read.
    const second = lookup('xy');
    await Promise.resolve();
    expect(asked).toEqual(['x']);
    finish();
    expect(await second).toEqual([]);
    expect(asked).toEqual(['x']);
    // "f" holds numbers: "fa" waits for it, then reads its own range.
    await lookup('f');
    const third = lookup('fa-2');
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['x', 'f', 'fa-2']);
    finish();
    expect(await third).toEqual(['d2']);
  });
});
