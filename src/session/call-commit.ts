/**
 * The real call's outcome commit, the `commitOutcome` actor the session provides to the call machine: every
 * write of the call lands first, then the outcome (activity, promise or plan, follow-ups, contact changes)
 * is committed to the dossier in one transaction, which also closes the call in progress. Another mode (a
 * script preview, training) provides its own commit instead.
 */
import type { DebtorBundle } from '../domain/bundle';
import type { CallContext } from '../domain/call/context';
import { callOutcome, type CallOutcome, type OutcomeDossier } from '../domain/call/outcome';
import { callAttempts } from '../domain/call/outcome-followups';
import { planBases } from '../domain/call/outcome-plan';
import { dossierPenalties } from '../domain/penalties/dossier-penalties';
import type { CadenceStore } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';

export interface CommitDeps {
  store: Pick<CadenceStore, 'commitCallOutcome' | 'getRateSettings'>;
  rescue: Pick<CallRescue, 'clear'> | null;
  /** The call's save queue: closed (every write landed) before the outcome is committed. */
  writer: { close(): Promise<void> };
  bundle: DebtorBundle;
  newId: () => string;
  today: () => string;
}

/**
 * What the outcome needs from the dossier: the debtor's previous calls (contact pacing) and, for a plan
 * offer, the balances it could settle with the penalties accrued today (rates from Settings).
 */
export async function outcomeDossier(context: CallContext, deps: Pick<CommitDeps, 'store' | 'bundle' | 'today'>): Promise<OutcomeDossier> {
  const previousAttempts = callAttempts(deps.bundle.activities);
  if (context.commitment?.kind !== 'plan') return { previousAttempts };
  const today = deps.today();
  const penalties = dossierPenalties(deps.bundle, await deps.store.getRateSettings(), today);
  return { previousAttempts, planBases: planBases(deps.bundle.invoices, today, penalties.interestCents + penalties.indemnityCents) };
}

/** Commits the ended call `context`, ended at `endedAt`; rejects (nothing committed) when a write fails. */
export async function commitCallOutcome(context: CallContext, endedAt: string, deps: CommitDeps): Promise<CallOutcome> {
  await deps.writer.close();
  const outcome = callOutcome(context, endedAt, deps.newId, await outcomeDossier(context, deps));
  await deps.store.commitCallOutcome(context.callId, outcome);
  deps.rescue?.clear(context.callId);
  return outcome;
}
