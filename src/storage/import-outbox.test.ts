/**
 * An import (bulk writes, putMany) on a device joined to a team: every record it creates reaches the outbox in
 * the import's own transaction, debtors first, each a valid protocol mutation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../domain/entities';
import { planImport } from '../domain/import/plan';
import { planRecords } from '../domain/import/plan-records';
import { readImportFile } from '../domain/import/read-file';
import { Mutation } from '../sync/protocol';
import { openCadenceDb } from './db';
import { idbRecords } from './idb-records';
import { commitImport } from './import-commit';
import { createCadenceStore } from './store';

const NOW = '2026-12-03T08:00:00.000Z';
const TODAY = '2026-12-03';
let n = 0;

describe('an import on a device in a team', () => {
  it('sends what the import created, in the import’s transaction', async () => {
    const db = await openCadenceDb(`import-outbox-${++n}-${Date.now()}`);
    const store = createCadenceStore(db);
    await store.sync!.join({ serverUrl: 'http://127.0.0.1:8787', deviceName: 'Desk' }, NOW);
    const reading = readImportFile(new Uint8Array(readFileSync(new URL('../../tests/fixtures/imports/aged-balance-v1.csv', import.meta.url))));
    if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
    const result = planImport(reading.outcome.portfolio, { debtors: [], invoices: [] }, { importDate: TODAY, newId: (k) => `${k}-${Math.random().toString(36).slice(2)}` });
    if (!result.ok) throw new Error('refused');
    const records = planRecords(result.plan, {
      storedInvoices: new Map<string, Invoice>(),
      now: NOW,
      agent: 'Camille Martin',
      newId: (k) => `${k}-${Math.random().toString(36).slice(2)}`,
      paymentSummary: (_d, cents) => `Réglé : ${cents}`,
    });
    // A cancelled import shares nothing: its transaction is aborted with the mutations it would have added.
    await expect(commitImport(idbRecords(db), { id: 'imp-0', kind: 'aged_balance', fileName: 'v1', createdAt: NOW }, records, TODAY, NOW, { cancelled: () => true })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await store.sync!.counts()).toEqual({ pending: 0, failed: 0 });
    await commitImport(idbRecords(db), { id: 'imp-1', kind: 'aged_balance', fileName: 'v1', createdAt: NOW }, records, TODAY, NOW, { batch: 2 });
    const pending = await store.sync!.pending(10_000);
    const debtors = pending.filter((m) => m.name === 'debtor.create');
    const invoices = pending.filter((m) => m.name === 'invoice.create');
    expect(debtors).toHaveLength(records.debtors.length);
    expect(invoices).toHaveLength(records.invoices.length);
    expect(pending.findIndex((m) => m.name === 'invoice.create')).toBeGreaterThan(pending.findLastIndex((m) => m.name === 'debtor.create'));
    for (const m of pending) expect(Mutation.safeParse(m).success).toBe(true);
    store.close();
  });
});
