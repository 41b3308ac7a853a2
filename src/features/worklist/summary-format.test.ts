/**
 * Summary format 2 (domain/summary.ts) over a database whose summaries format 1 wrote: every row still shows
 * the day the new version opens it, and the worklist's rebuild (refreshSummaries, as WorklistPage asks for
 * the `staleIds`) leaves only format 2 records behind. Never a summary silently dropped or misread.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../../tests/fixtures/db/load';
import { SUMMARY_SCHEMA_VERSION } from '../../domain/summary';
import type { WorklistRow } from '../../domain/worklist';
import { buildFromStore } from './worklist-builder';
import { isDebtorSummary } from '../../storage/codec';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';

const TODAY = '2026-11-23';
let n = 0;

/** What a row shows apart from the payment-history segment, which format 1 fixtures predate. */
const withoutSegment = ({ history: _h, score: _s, ...rest }: WorklistRow) => rest;

describe('summaries stored in format 1', () => {
  it('are read, listed and marked for a rebuild, which writes them in format 2 with the same rows', async () => {
    const name = `summary-format-${++n}-${Date.now()}`;
    await createDbFromFixture(name, FIXTURES.v10);
    const stored = FIXTURES.v10.stores.summaries ?? [];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => (s as { schemaVersion: number }).schemaVersion === 1)).toBe(true);

    const onCorrupt = vi.fn();
    const db = await openCadenceDb(name, { onCorrupt });
    const store = createCadenceStore(db, { onCorrupt });
    const read = await store.listSummaries();
    expect(read.map((s) => s.debtorId).sort()).toEqual(stored.map((s) => (s as { debtorId: string }).debtorId).sort());
    expect(read.every((s) => s.schemaVersion === SUMMARY_SCHEMA_VERSION && s.outdated === true)).toBe(true);

    const before = await buildFromStore(store, TODAY, () => undefined);
    expect(before.staleIds.sort()).toEqual(read.map((s) => s.debtorId).sort());
    expect(before.rows.length).toBeGreaterThan(0);

    await store.refreshSummaries(before.staleIds);
    const raw = await db.getAll('summaries');
    expect(raw).toHaveLength(stored.length);
    // Stored as format 2, without the in-memory mark.
    expect(raw.every((s) => isDebtorSummary(s))).toBe(true);

    const after = await buildFromStore(store, TODAY, () => undefined);
    expect(after.staleIds).toEqual([]);
    expect(after.rows.map(withoutSegment).sort((a, b) => a.debtorId.localeCompare(b.debtorId))).toEqual(
      before.rows.map(withoutSegment).sort((a, b) => a.debtorId.localeCompare(b.debtorId)),
    );
    expect(after.rows.every((r) => r.history !== undefined)).toBe(true);
    expect(onCorrupt).not.toHaveBeenCalled();
    db.close();
  });
});
