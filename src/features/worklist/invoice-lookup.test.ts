import { describe, expect, it } from 'vitest';
import { toSearchKey } from '../../domain/text';
import type { InvoiceNumberScan } from '../../storage/api';
import { INVOICE_MATCH_LIMIT, invoiceLookup, READ_ENTRIES } from './search';

// Invoice numbers in index order, each with its debtor: FA-1-1 … for d1, FA-2-1 … for d2, and so on.
const numbers = Array.from({ length: 30 }, (_, i) => ({ numberKey: `fa-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`, debtorId: `d${Math.floor(i / 3) + 1}` }))
  .sort((a, b) => (a.numberKey < b.numberKey ? -1 : 1));

/** What the store's read gives: the first `count` numbers under the prefix with their debtors, in key order. */
function scanOf(prefix: string, count?: number, all = numbers): InvoiceNumberScan {
  const key = toSearchKey(prefix);
  const under = all.filter((n) => n.numberKey.startsWith(key)).map((n) => [n.numberKey, n.debtorId] as const);
  return { key, entries: count === undefined ? under : under.slice(0, count), complete: count === undefined || under.length < count };
}

/** A store whose reads finish when the test says so (or at once), and may fail. */
function scanner({ held = false, all = numbers } = {}) {
  const asked: string[] = [];
  const finish: (() => void)[] = [];
  let failing = false;
  const store = {
    scanInvoiceNumbers: (prefix: string, count?: number): Promise<InvoiceNumberScan> => {
      asked.push(prefix);
      const fails = failing;
      return new Promise((resolve, reject) => {
        const end = () => (fails ? reject(new Error('closed')) : resolve(scanOf(prefix, count, all)));
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

  it('answers a longer number from the read of a shorter one, and reads only what that read cannot tell', async () => {
    const { store, asked } = scanner();
    const lookup = invoiceLookup(store);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(await lookup('FA-10')).toEqual(['d10']);
    expect(await lookup('FA-1-')).toEqual(['d1']);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(asked).toEqual(['FA-1']);
  });

  it('reads again where a partial read ends, and answers from the newer read', async () => {
    // One number per debtor, fa-00000 … for d00000 …, three reads' worth: a read of "fa" holds the first third.
    const pad = (i: number) => String(i).padStart(5, '0');
    const all = Array.from({ length: 3 * READ_ENTRIES }, (_, i) => ({ numberKey: `fa-${pad(i)}`, debtorId: `d${pad(i)}` }));
    const { store, asked } = scanner({ all });
    const lookup = invoiceLookup(store);
    const expected = (key: string) => all.filter((n) => n.numberKey.startsWith(key)).map((n) => n.debtorId).slice(0, INVOICE_MATCH_LIMIT);
    expect(await lookup('FA')).toEqual(expected('fa'));
    // The read went past every number under fa-000 (fa-00000 … fa-00099): no read of its own.
    expect(await lookup('FA-000')).toEqual(expected('fa-000'));
    expect(await lookup('FA-0004')).toEqual(expected('fa-0004'));
    expect(asked).toEqual(['FA']);
    // The last numbers lie past the end of that read: one read, which answers the next key too.
    const last = `FA-${pad(3 * READ_ENTRIES - 1)}`;
    expect(await lookup(last.slice(0, -1))).toEqual(expected(toSearchKey(last.slice(0, -1))));
    expect(await lookup(last)).toEqual([`d${pad(3 * READ_ENTRIES - 1)}`]);
    expect(asked).toEqual(['FA', last.slice(0, -1)]);
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
    // "f" holds numbers: "fa-2" waits for it and is answered from it.
    await lookup('f');
    const third = lookup('fa-2');
    finish();
    expect(await third).toEqual(['d2']);
    expect(asked).toEqual(['x', 'f']);
  });
});
