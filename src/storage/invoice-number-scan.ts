/**
 * What a read of the invoice numbers under a prefix (CadenceStore.scanInvoiceNumbers) tells about the debtors
 * under it or under a longer prefix: the store's own search (findDebtorIdsByInvoiceNumber).
 */
import type { InvoiceNumberScan } from './api';

/**
 * The first `limit` debtors with a number key starting with `key`, in key order (a debtor comes where its first
 * such number does), as a read of `key` itself would give; undefined when `scan` cannot tell. A scan is the
 * first entries under its prefix, contiguous: those under a longer key are the first of that key's own, so
 * they answer it when they hold `limit` debtors, when the scan read every entry, or when it went past them.
 */
export function debtorsUnder(scan: InvoiceNumberScan, key: string, limit: number): string[] | undefined {
  if (!key.startsWith(scan.key)) return undefined;
  if (limit <= 0) return [];
  const { entries } = scan;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as readonly [string, string])[0] < key) lo = mid + 1;
    else hi = mid;
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  let i = lo;
  for (; i < entries.length; i++) {
    const [numberKey, debtorId] = entries[i] as readonly [string, string];
    if (!numberKey.startsWith(key)) break;
    if (seen.has(debtorId)) continue;
    seen.add(debtorId);
    ids.push(debtorId);
    if (ids.length === limit) return ids;
  }
  return scan.complete || i < entries.length ? ids : undefined;
}

/** A read of the first `entries` entries under a prefix (all of them when undefined). */
export type ScanInvoiceNumbers = (prefix: string, entries?: number) => Promise<InvoiceNumberScan>;

/** Entries read first per debtor wanted: a debtor seldom has more than a few numbers under one prefix. */
const ENTRIES_PER_DEBTOR = 5;
/** Past this many entries, the next read takes them all. */
const READ_ALL_PAST = 1_000_000;

/**
 * Reads the prefix's first entries (`first`, by default five per debtor wanted), then eight times more, then all,
 * until a read tells its first `limit` debtors: one read in the usual case. Returns that read and its answer.
 */
export async function scanForDebtors(
  scan: ScanInvoiceNumbers,
  prefix: string,
  limit: number,
  first = Math.max(1, limit) * ENTRIES_PER_DEBTOR,
): Promise<{ scan: InvoiceNumberScan; debtorIds: string[] }> {
  let count: number | undefined = first;
  for (;;) {
    const read = await scan(prefix, count);
    const debtorIds = debtorsUnder(read, read.key, limit);
    if (debtorIds) return { scan: read, debtorIds };
    if (count === undefined) return { scan: read, debtorIds: [] };
    count = count * 8 > READ_ALL_PAST ? undefined : count * 8;
  }
}
