/**
 * Worklist search, kept pure so it is cheap to test and fast at 50,000 rows: one substring test per row on
 * pre-computed search keys, plus the debtors found by invoice-number prefix in storage.
 */
import { toSearchKey } from '../../domain/text';
import type { CadenceStore } from '../../storage/api';
import { InvoicePages } from './invoice-pages';
import { canScan, joinKeys, scanJoined, type JoinedKeys } from './joined-keys';
import { pickRows, type RowSource } from './row-source';

/** What finding positions reads of the rows: how many, and each one's debtor. */
export type DebtorPositions = Pick<RowSource, 'length' | 'debtorIdAt'>;

/**
 * The debtor ids of `rows`, for a search that answers with positions (the worklist worker): once the rows
 * are sent to the page, the worker keeps 41,516 strings instead of as many row objects and what they hold,
 * which its garbage collector would otherwise walk again during the first keystrokes.
 */
export function debtorPositions(rows: readonly { debtorId: string }[]): DebtorPositions {
  const ids = rows.map((r) => r.debtorId);
  return { length: ids.length, debtorIdAt: (index) => ids[index] as string };
}

/**
 * Searches one worklist. Typing usually extends the query ("dup" → "dupo"): a row whose key lacks "dup"
 * cannot contain "dupo", so the name test then runs only over the previous query's name matches, and a
 * search gets cheaper with every letter instead of rescanning every row.
 */
export class WorklistSearch<Rows extends DebtorPositions = RowSource> {
  private last: { key: string; indexes: number[] } | undefined;
  private lastInvoice: { ids: readonly string[]; rows: number[] } | undefined;
  private positions: Map<string, number> | undefined;

  /**
   * `keys[i]` is the search key of row i; rows are in priority order. Finding positions needs only each row's
   * debtor id (see `debtorPositions`); `match`, which hands back rows, needs the rows themselves.
   */
  constructor(
    private readonly rows: Rows,
    private readonly keys: readonly string[],
  ) {}

  /**
   * Rows whose name contains the query (accents, case and spacing ignored) or whose debtor was matched by
   * invoice number, in priority order. Every row for a blank query.
   */
  match(this: WorklistSearch<RowSource>, query: string, invoiceDebtorIds: Iterable<string> = []): RowSource {
    const indexes = this.matchIndexes(query, invoiceDebtorIds);
    return indexes ? pickRows(this.rows, indexes) : this.rows;
  }

  /**
   * The positions of `match`'s rows, ascending (priority order); undefined for a blank query, meaning every
   * row. What the worklist worker answers the page with: a list of numbers instead of rows.
   */
  matchIndexes(query: string, invoiceDebtorIds: Iterable<string> = []): number[] | undefined {
    const q = toSearchKey(query);
    if (q === '') return undefined;
    const byName = this.nameMatches(q);
    const extra = this.invoiceOnly(invoiceDebtorIds, byName);
    if (extra.length === 0) return byName;
    const merged: number[] = [];
    // Both lists ascend: merging them keeps priority order.
    let i = 0;
    let j = 0;
    while (i < byName.length || j < extra.length) {
      const a = byName[i] ?? Number.POSITIVE_INFINITY;
      const b = extra[j] ?? Number.POSITIVE_INFINITY;
      if (a < b) i++;
      else j++;
      merged.push(Math.min(a, b));
    }
    return merged;
  }

  /** Indexes, ascending, of the rows whose key contains `q`. */
  private nameMatches(q: string): number[] {
    const previous = this.last && q.includes(this.last.key) ? this.last.indexes : undefined;
    let indexes: number[] = [];
    const joined = previous && previous.length <= NARROW_AT_MOST ? undefined : this.prepareScan();
    if (joined && canScan(q)) {
      indexes = scanJoined(joined, q);
    } else if (previous) {
      for (const i of previous) if ((this.keys[i] as string).includes(q)) indexes.push(i);
    } else {
      for (let i = 0; i < this.keys.length; i++) if ((this.keys[i] as string).includes(q)) indexes.push(i);
    }
    this.last = { key: q, indexes };
    return indexes;
  }

  private joined: JoinedKeys | null | undefined;

  /** The keys joined for a scan of every row (./joined-keys.ts), built once: ahead, by the page, in a task of its own. */
  prepareScan(): JoinedKeys | null {
    if (this.joined === undefined) this.joined = joinKeys(this.keys);
    return this.joined;
  }

  /**
   * Indexes, ascending, of the rows of these debtors that are not already among `byName`, found in the map of
   * row positions (`preparePositions`). Typing an invoice number gives the same debtors for several keys in a
   * row ("fa-2026-10", "fa-2026-100"…): their rows are then found once, not on every key.
   */
  private invoiceOnly(debtorIds: Iterable<string>, byName: readonly number[]): number[] {
    const ids = [...debtorIds];
    if (ids.length === 0) return [];
    const last = this.lastInvoice;
    let rowsOf: number[];
    if (last && last.ids.length === ids.length && last.ids.every((id, k) => id === ids[k])) {
      rowsOf = last.rows;
    } else {
      const positions = this.preparePositions();
      rowsOf = [];
      for (const id of new Set(ids)) {
        const at = positions.get(id);
        if (at !== undefined) rowsOf.push(at);
      }
      rowsOf.sort((a, b) => a - b);
      this.lastInvoice = { ids, rows: rowsOf };
    }
    return rowsOf.filter((i) => !sortedHas(byName, i));
  }

  /**
   * The row of each debtor, built once. Finding the 200 debtors of an invoice prefix used to take a pass over
   * every row for each new set of debtors (they are spread over the priority order, and those with nothing
   * overdue are never found, so the pass seldom stopped early): 30–80 ms of the worker's time inside the
   * keystroke in an issue 15 trace at 50,000 debtors. The worker builds this once the rows are sent, before
   * the agent types; otherwise the first invoice match builds it.
   */
  preparePositions(): Map<string, number> {
    while (!this.positions) this.preparePositionsStep(Number.POSITIVE_INFINITY);
    return this.positions;
  }

  private partial: { positions: Map<string, number>; next: number } | undefined;

  /**
   * Builds the map `preparePositions` returns a part at a time, `count` rows per call, for a thread that must
   * stay responsive (the page: 41,516 rows took one 60 ms task at 4× CPU); true once it is built.
   */
  preparePositionsStep(count: number): boolean {
    if (this.positions) return true;
    const partial = (this.partial ??= { positions: new Map(), next: this.rows.length - 1 });
    // From the last row up, so a debtor with several rows keeps its first.
    const stop = Math.max(-1, partial.next - count);
    for (let i = partial.next; i > stop; i--) partial.positions.set(this.rows.debtorIdAt(i), i);
    partial.next = stop;
    if (stop >= 0) return false;
    this.positions = partial.positions;
    this.partial = undefined;
    return true;
  }
}

/** Past this many rows found by the previous key, the next key scans every row in one pass instead. */
const NARROW_AT_MOST = 4_000;

function sortedHas(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Invoice numbers are short codes: looking them up for a one-letter query would only add noise. */
export function looksLikeInvoiceQuery(query: string): boolean {
  return query.trim().length >= 2;
}

/** Debtors found by invoice number per search, at most: enough for any real prefix, bounded for a short one. */
export const INVOICE_MATCH_LIMIT = 200;

/** The debtors whose invoice numbers start with the query, when it looks like one; none when the lookup fails. */
export function invoiceDebtorIds(store: Pick<CadenceStore, 'findDebtorIdsByInvoiceNumber'>, query: string): Promise<string[]> {
  if (!looksLikeInvoiceQuery(query)) return Promise.resolve([]);
  return store.findDebtorIdsByInvoiceNumber(query.trim(), INVOICE_MATCH_LIMIT).catch(() => []);
}

/**
 * `invoiceDebtorIds` for the searches of one loaded worklist, answered from the number pages it has read
 * (./invoice-pages.ts). A key whose pages are here is answered within its own task; one whose pages are not
 * waits for a read (2–3 pages) and is answered a frame later. After each key, the pages where the next
 * character would fall are read in the background, while its rows are shown and the agent types on. A
 * one-character query looks nothing up, but its pages are read then. A failed read is not remembered. It lives
 * as long as the rows it searches, which are themselves read once (a new load makes a new one).
 */
export type InvoiceLookup = (query: string) => Promise<string[]>;

/** Reads for one key before it gives up (a directory that keeps changing under it, or failing reads). */
const READS_PER_KEY = 4;

export function invoiceLookup(store: Pick<CadenceStore, 'readNumberPages'>): InvoiceLookup {
  const pages = new InvoicePages();
  /** Reads under way, by the page (or, before any directory is known, the key) each was asked for. */
  const reading = new Map<string, Promise<boolean>>();
  /** Reads these pages (and the next `each - 1` after each); false when the read failed. */
  const read = (starts: readonly string[], each: number): Promise<boolean> => {
    const done = store.readNumberPages(starts, each).then(
      (got) => {
        pages.remember(got);
        return true;
      },
      () => false,
    );
    for (const start of starts) reading.set(start, done);
    void done.then(() => {
      for (const start of starts) if (reading.get(start) === done) reading.delete(start);
    });
    return done;
  };
  /** The key asked last: reading ahead for an older one stops. */
  let latest = '';
  /**
   * Reads ahead, beside any read under way, the pages the key after `key` may need and no read has asked for:
   * a read-ahead that waited for the one before came too late for a key typed 10–20 ms after its rows. Once
   * read, once more: a next key whose numbers run on past the pages read names the page after them.
   */
  const readAhead = (key: string, rounds = 2): void => {
    const next = pages.childPages(key, INVOICE_MATCH_LIMIT).filter((first) => !reading.has(first));
    if (next.length === 0) return;
    void read(next, 2).then((ok) => {
      if (ok && rounds > 1 && key === latest) readAhead(key, rounds - 1);
    });
  };
  const lookup = async (key: string): Promise<string[]> => {
    for (let reads = 0; ; ) {
      const found = pages.answer(key, INVOICE_MATCH_LIMIT);
      if ('debtorIds' in found) {
        if (found.debtorIds.length > 0) readAhead(key);
        return found.debtorIds;
      }
      // Before any directory, the missing "page" is the key itself: a read under way for another key will
      // bring one, and likely the pages wanted.
      const pending = reading.get(found.missing) ?? (pages.hasDirectory() ? undefined : reading.values().next().value);
      if (reads++ === READS_PER_KEY) return [];
      if (!(await (pending ?? read([found.missing], 3))) && !pending) return [];
    }
  };
  return async (query: string): Promise<string[]> => {
    const key = toSearchKey(query.trim());
    if (key === '') return [];
    latest = key;
    const answer = lookup(key);
    return looksLikeInvoiceQuery(query) ? answer : [];
  };
}
