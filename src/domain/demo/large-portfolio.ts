/**
 * The load-test portfolio (e.g. 50,000 debtors and 200,000 invoices), yielded in chunks so neither the
 * generator nor the storage import ever holds it whole. Deterministic for a given seed, whatever the chunk size.
 */
import type { DebtorBundle } from '../bundle';
import { DayTable, parseIsoDate } from './calendar';
import { largeDebtor, type LargeContext } from './large-debtor';
import { mulberry32 } from './prng';

export const DEFAULT_LARGE_SEED = 50_000;
const DEFAULT_CHUNK_SIZE = 1_000;
/** The oldest and latest day offsets the large generator uses (history, promise dates, not-yet-due invoices). */
const FIRST_OFFSET = -2_500;
const LAST_OFFSET = 90;

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

/**
 * How many invoices debtor `i` gets: an even split of the total, then uneven within each pair of debtors
 * (1 … t-1 of the pair's t) so counts vary while the grand total stays exact.
 */
function evenShare(i: number, debtors: number, invoices: number): number {
  return Math.floor(((i + 1) * invoices) / debtors) - Math.floor((i * invoices) / debtors);
}

export function* generateLargePortfolio(options: {
  today: string;
  debtors: number;
  invoices: number;
  chunkSize?: number;
  seed?: number;
}): Generator<DebtorBundle[]> {
  const { today, debtors, invoices } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const seed = options.seed ?? DEFAULT_LARGE_SEED;
  parseIsoDate(today);
  assertCount('debtors', debtors, 0);
  assertCount('invoices', invoices, 0);
  assertCount('chunkSize', chunkSize, 1);
  if (debtors === 0 && invoices > 0) throw new RangeError('invoices need at least one debtor');

  const random = mulberry32(seed);
  let invoiceSeq = 0;
  const ctx: LargeContext = {
    days: new DayTable(today, FIRST_OFFSET, LAST_OFFSET),
    random,
    width: Math.max(5, String(debtors).length),
    seed,
    nextInvoiceSeq: () => ++invoiceSeq,
  };

  let chunk: DebtorBundle[] = [];
  let pairSecond = 0;
  for (let i = 0; i < debtors; i++) {
    let count: number;
    if (i % 2 === 1) {
      count = pairSecond;
    } else if (i + 1 < debtors) {
      const total = evenShare(i, debtors, invoices) + evenShare(i + 1, debtors, invoices);
      count = total >= 2 ? 1 + Math.floor(random() * (total - 1)) : total;
      pairSecond = total - count;
    } else {
      count = evenShare(i, debtors, invoices);
    }
    chunk.push(largeDebtor(ctx, i + 1, count));
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
