/**
 * The device's side of team sync over its records: the outbox read in order and settled after the server's
 * answer, the pull checkpoint, pulled pages applied (./sync-apply.ts), refused mutations and lost edits kept
 * for the UI, and the team link itself (join, first connection: upload everything or start from the team's
 * data). It implements the engine's port (src/sync/client/ports.ts); session/team-sync.ts drives it.
 */
import { Activity as ActivitySchema, type Activity, type Invoice, type PaymentPlan } from '../domain/entities';
import { PaymentDetails } from '../domain/payments/allocation';
import type { FailedMutation, LocalLink, SyncLocal } from '../sync/client/ports';
import { LEAD_ONLY, type LostEdit, type Mutation, type PullResponse, type PushResult, type TeamRole } from '../sync/protocol';
import { readRecords, type CorruptHandler } from './codec';
import { appendMutations, mutationsFor, plainInvoice, type MutationDraft, type OutboxTx, type RecordChange } from './outbox';
import type { FailedEntry, OutboxEntry, PullCheckpoint, StoredLostEdit, TeamLink } from './outbox-types';
import type { Records, RecordTx } from './records';
import { CREDITOR_KEY, RATES_KEY, SETTINGS_KEY, STUDIO_KEY, SYNC_STORES, type CadenceStoreName } from './schema';
import { applyPullPage, storeLostEdits } from './sync-apply';

export interface JoinRequest {
  serverUrl: string;
  deviceName: string;
  userId?: string;
  role?: TeamRole;
}

export interface TeamSyncStore extends SyncLocal {
  teamLink(): Promise<TeamLink | undefined>;
  /**
   * Joins a team: from now on every change to a shared record also writes its mutation. The client id is kept
   * when the device joins again, so the server's replay protection still holds for rows already pushed.
   */
  join(request: JoinRequest, at: string): Promise<TeamLink>;
  /** Leaves the team: no more outbox rows; pending and refused rows, checkpoint and lost edits are dropped. */
  leave(): Promise<void>;
  /** True when the device holds debtors of its own (the first connection then asks what to do with them). */
  hasLocalData(): Promise<boolean>;
  /**
   * Enqueues every shared record as a creation, in one transaction (first connection: "upload"). Records the
   * protocol refuses (data from an old version that no longer passes) are left out and counted.
   */
  uploadAll(at: string): Promise<{ queued: number; skipped: number }>;
  /** Deletes the team's records and resets the checkpoint, so the next pull starts from the team's data. */
  clearShared(): Promise<void>;
  /** Appends mutations made outside a store write (e.g. a trainee's score), in one transaction. */
  enqueue(drafts: readonly MutationDraft[], at: string): Promise<Mutation[]>;
}

/** The stores the team shares, cleared by clearShared (calls and drafts go with the dossiers they belong to). */
const SHARED_DATA: readonly CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks', 'plans', 'summaries', 'kpiDigests', 'calls', 'drafts'];

const outboxTx = (tx: RecordTx) => tx as unknown as OutboxTx;

async function syncRows<T extends { key: string }>(tx: RecordTx, prefix: string): Promise<T[]> {
  return ((await tx.getAll('syncState')) as T[]).filter((r) => r.key.startsWith(prefix));
}

/** Paid on an invoice by payments recorded in Cadence: the server receives the invoice without them. */
function paidByPayments(activities: readonly Activity[]): Map<string, number> {
  const paid = new Map<string, number>();
  for (const a of activities) {
    if (a.type !== 'payment') continue;
    const details = PaymentDetails.safeParse(a.details ?? {});
    for (const x of details.success ? (details.data.allocations ?? []) : []) paid.set(x.invoiceId, (paid.get(x.invoiceId) ?? 0) + x.cents);
  }
  return paid;
}

/** Every shared record as creations, debtors first; a decided plan travels as its proposal then its decision. */
async function everythingAsDrafts(tx: RecordTx, onCorrupt: CorruptHandler): Promise<MutationDraft[]> {
  const changes: RecordChange[] = [];
  const created = (store: CadenceStoreName, key: string, after: unknown) => changes.push({ store, key, before: undefined, after });
  const activities = readRecords<Activity>(ActivitySchema, 'activities', await tx.getAll('activities'), onCorrupt);
  const paid = paidByPayments(activities);
  for (const store of ['debtors', 'contacts', 'activities', 'promises'] as const) {
    for (const raw of await tx.getAll(store)) created(store, String((raw as { id: string }).id), raw);
  }
  for (const raw of (await tx.getAll('invoices')) as Invoice[]) {
    const own = paid.get(raw.id) ?? 0;
    const amountPaidCents = Math.max(0, raw.amountPaidCents - own);
    const status = own > 0 && raw.status === 'paid' && amountPaidCents < raw.amountInclVatCents ? 'open' : raw.status;
    created('invoices', raw.id, { ...plainInvoice(raw as unknown as Record<string, unknown>), amountPaidCents, status });
  }
  const decisions: RecordChange[] = [];
  for (const plan of (await tx.getAll('plans')) as PaymentPlan[]) {
    const { decidedAt: _at, decidedBy: _by, ...proposal } = plan;
    created('plans', plan.id, { ...proposal, status: 'proposed' });
    if (plan.status !== 'proposed') decisions.push({ store: 'plans', key: plan.id, before: { ...proposal, status: 'proposed' }, after: plan });
  }
  for (const key of [RATES_KEY, CREDITOR_KEY, STUDIO_KEY, SETTINGS_KEY]) {
    const value = await tx.get('settings', key);
    if (value !== undefined) created('settings', key, value);
  }
  const drafts = mutationsFor(changes);
  // Plans are proposed before activities (ORDER in ./outbox.ts); their decisions come after everything.
  drafts.push(...mutationsFor(decisions));
  for (const version of await tx.getAll('scriptVersions')) drafts.push({ name: 'script.publish', args: { version } } as MutationDraft);
  return drafts;
}

export function createTeamSyncStore(records: Records, onCorrupt: CorruptHandler = () => undefined): TeamSyncStore {
  const read = <T>(stores: readonly CadenceStoreName[], work: (tx: RecordTx) => Promise<T>) => records.read(stores, work);
  const write = <T>(stores: readonly CadenceStoreName[], work: (tx: RecordTx) => Promise<T>) => records.write(stores, work, { durable: true });
  const link = () => read(['syncState'], async (tx) => (await tx.get('syncState', 'team')) as TeamLink | undefined);

  return {
    teamLink: link,
    async link(): Promise<LocalLink | undefined> {
      const team = await link();
      return team ? { clientId: team.clientId, deviceName: team.deviceName } : undefined;
    },

    async join(request, at) {
      return write(['syncState'], async (tx) => {
        const previous = (await tx.get('syncState', 'team')) as TeamLink | undefined;
        const team: TeamLink = {
          key: 'team',
          serverUrl: request.serverUrl,
          clientId: previous?.clientId ?? crypto.randomUUID(),
          deviceName: request.deviceName,
          joinedAt: previous?.joinedAt ?? at,
          ...(request.userId ? { userId: request.userId } : {}),
          ...(request.role ? { role: request.role } : {}),
        };
        await tx.put('syncState', team);
        return team;
      });
    },

    async leave() {
      await write(SYNC_STORES, async (tx) => {
        const clock = await tx.get('syncState', 'clock');
        await tx.clear('outbox');
        await tx.clear('syncState');
        // The clock stays: ids keep increasing if this database joins again under the same client id.
        if (clock !== undefined) await tx.put('syncState', clock as never);
      });
    },

    hasLocalData: () => read(['debtors'], async (tx) => (await tx.count('debtors')) > 0),

    async uploadAll(at) {
      const stores: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'plans', 'settings', 'scriptVersions', 'outbox', 'syncState'];
      return write(stores, async (tx) => {
        const team = (await tx.get('syncState', 'team')) as TeamLink | undefined;
        // An agent's device does not offer the team its settings, decisions or scripts: the server would refuse
        // each one (lead only), and the refusals would only clutter what the agent is shown.
        const drafts = (await everythingAsDrafts(tx, onCorrupt)).filter((d) => team?.role !== 'agent' || !LEAD_ONLY.has(d.name));
        const queued = (await appendMutations(outboxTx(tx), drafts, at, { skipInvalid: true })).length;
        return { queued, skipped: drafts.length - queued };
      });
    },

    async clearShared() {
      await write([...SHARED_DATA, 'outbox', 'syncState'], async (tx) => {
        for (const store of SHARED_DATA) await tx.clear(store);
        await tx.clear('outbox');
        await tx.put('syncState', { key: 'checkpoint', cookie: null } satisfies PullCheckpoint);
      });
    },

    enqueue: (drafts, at) => write(['outbox', 'syncState'], (tx) => appendMutations(outboxTx(tx), drafts, at)),

    async pending(limit) {
      const rows = (await read(['outbox'], (tx) => tx.getAll('outbox', { limit }))) as OutboxEntry[];
      return rows.map((r) => r.mutation);
    },

    counts: () =>
      read(SYNC_STORES, async (tx) => ({
        pending: await tx.count('outbox'),
        failed: (await syncRows<FailedEntry>(tx, 'failed:')).length,
      })),

    async failed(): Promise<FailedMutation[]> {
      const rows = await read(['syncState'], (tx) => syncRows<FailedEntry>(tx, 'failed:'));
      return rows.sort((a, b) => (a.key < b.key ? -1 : 1)).map((r) => ({ mutation: r.mutation, reason: r.reason }));
    },

    async settle(results: readonly PushResult[]) {
      await write(SYNC_STORES, async (tx) => {
        const lost: LostEdit[] = [];
        for (const result of results) {
          const row = (await tx.get('outbox', result.id)) as OutboxEntry | undefined;
          await tx.delete('outbox', result.id);
          if (result.status === 'rejected' && row) {
            await tx.put('syncState', { key: `failed:${result.id}`, mutation: row.mutation, reason: result.code ?? 'invalid', at: row.at } satisfies FailedEntry);
          }
          lost.push(...(result.lost ?? []));
        }
        await storeLostEdits(tx, lost);
      });
    },

    async checkpoint() {
      const row = await read(['syncState'], async (tx) => (await tx.get('syncState', 'checkpoint')) as PullCheckpoint | undefined);
      return { cookie: row?.cookie ?? null, lastSyncAt: row?.lastSyncAt ?? null };
    },

    applyPull: (page: PullResponse, today: string) => applyPullPage(records, page, today, onCorrupt),

    async markSynced(at) {
      await write(['syncState'], async (tx) => {
        const row = (await tx.get('syncState', 'checkpoint')) as PullCheckpoint | undefined;
        await tx.put('syncState', { key: 'checkpoint', cookie: row?.cookie ?? null, lastSyncAt: at } satisfies PullCheckpoint);
      });
    },

    async lostEdits() {
      const rows = await read(['syncState'], (tx) => syncRows<StoredLostEdit>(tx, 'lost:'));
      return rows.filter((r) => !r.dismissed).map((r) => r.edit).sort((a, b) => a.version - b.version);
    },

    async dismissLostEdit({ mutationId, field }) {
      await write(['syncState'], async (tx) => {
        const key = `lost:${mutationId}:${field}`;
        const row = (await tx.get('syncState', key)) as StoredLostEdit | undefined;
        // Kept as dismissed, not deleted: a later pull that reports the same lost edit must not bring it back.
        if (row) await tx.put('syncState', { ...row, dismissed: true });
      });
    },
  };
}
