/**
 * Loads the worklist from the summary store and keeps it for the session, so coming back from a dossier is
 * instant and lands on the same row. The cache is keyed by the store, the data version and today's date.
 */
import { buildWorklist, type WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';
import type { CadenceStore } from '../../storage/api';

export interface WorklistData {
  rows: WorklistRow[];
  /** `keys[i]` is the search key of `rows[i]`. */
  keys: string[];
  /** Debtors stored, with or without anything to chase: 0 means the portfolio is empty. */
  debtorCount: number;
}

interface Cached {
  store: CadenceStore;
  version: number;
  today: string;
  data: WorklistData;
}

let cached: Cached | undefined;

/** What the agent left behind on the worklist: the search and the scroll position. */
export const worklistView = { query: '', scrollY: 0 };

export function cachedWorklist(store: CadenceStore, version: number, today: string): WorklistData | undefined {
  return cached && cached.store === store && cached.version === version && cached.today === today ? cached.data : undefined;
}

export async function loadWorklist(
  store: CadenceStore,
  version: number,
  today: string,
  onProgress: (loaded: number) => void,
): Promise<WorklistData> {
  let loaded = 0;
  const summaries = await store.listSummaries((chunk) => {
    loaded += chunk.length;
    onProgress(loaded);
  });
  const rows = buildWorklist(summaries, today);
  const keyById = new Map<string, string>();
  for (const s of summaries) keyById.set(s.debtorId, s.searchKey);
  const keys = rows.map((r) => keyById.get(r.debtorId) ?? toSearchKey(r.name));
  const data: WorklistData = { rows, keys, debtorCount: summaries.length };
  cached = { store, version, today, data };
  return data;
}
