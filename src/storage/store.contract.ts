/**
 * The contract every CadenceStore keeps, run on each implementation (./store.contract.test.ts): IndexedDB and
 * in memory must be interchangeable, down to error kinds, ordering, summaries and all-or-nothing writes.
 * Implementation-only checks (upgrades, quota, corrupt records on disk) stay in each store's own tests.
 */
import { describe } from 'vitest';
import { backupContract } from './contract/backup.contract';
import { callsContract } from './contract/calls.contract';
import { importCommitContract, type MakeRecords } from './contract/import-commit.contract';
import { dossiersContract } from './contract/dossiers.contract';
import type { MakeStore } from './contract/harness';
import { outboxContract } from './contract/outbox.contract';
import { paymentsContract } from './contract/payments.contract';
import { plansContract } from './contract/plans.contract';
import { segmentsContract, staleSummariesContract } from './contract/segments.contract';
import { settingsContract } from './contract/settings.contract';

export type { MakeStore } from './contract/harness';

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`CadenceStore contract: ${name}`, () => {
    dossiersContract(makeStore);
    callsContract(makeStore);
    paymentsContract(makeStore);
    plansContract(makeStore);
    settingsContract(makeStore);
    segmentsContract(makeStore);
    staleSummariesContract(makeStore);
    backupContract(makeStore);
    outboxContract(makeStore);
  });
}

/** The import commit runs on the Records port (not the CadenceStore interface): checked on each backend. */
export function runImportCommitContract(name: string, makeRecords: MakeRecords): void {
  describe(`Import commit contract: ${name}`, () => importCommitContract(makeRecords));
}
