/**
 * The call activities of one script, for the studio's analytics: every activity is read in key order, one
 * short transaction per chunk with a pause between chunks, so a portfolio of 50,000 debtors never holds the
 * main thread for long. Only call activities of the script are kept (their details, unparsed: the domain's
 * `callForAnalytics` reads what it needs and skips what it cannot).
 */
import type { Records } from './records';

export interface ScanPaging {
  chunkSize: number;
  pause: () => Promise<void>;
}

interface RawActivity {
  id: string;
  type?: unknown;
  details?: { scriptId?: unknown };
}

export async function scriptCallDetails(records: Records, paging: ScanPaging, scriptId: string): Promise<unknown[]> {
  const found: unknown[] = [];
  let after: string | undefined;
  for (;;) {
    const values = (await records.read(['activities'], (tx) => tx.getAll('activities', { after, limit: paging.chunkSize }))) as RawActivity[];
    for (const a of values) {
      if (a.type === 'call' && a.details && a.details.scriptId === scriptId) found.push(a.details);
    }
    if (values.length < paging.chunkSize) break;
    // The key path is `id`, present on every stored record.
    after = values[values.length - 1]!.id;
    await paging.pause();
  }
  return found;
}
