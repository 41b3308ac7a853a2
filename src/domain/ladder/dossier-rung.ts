import type { DebtorBundle } from '../bundle';
import { outstandingCents } from '../payments/allocation';
import { promiseView } from '../payments/promise-view';
import { isLargeAccount, nextRung, type LadderStep } from './ladder';

/** The ladder's next rung for this dossier; pending promises hold escalation until their deadline. */
export function dossierRung(bundle: DebtorBundle, today: string): LadderStep | null {
  const view = promiseView(bundle, today);
  const holds = view.promises.filter((p) => p.status === 'pending').map((p) => p.dueDate).sort();
  const openCents = bundle.invoices.reduce((s, i) => s + (i.status === 'open' ? outstandingCents(i) : 0), 0);
  const lastHold = holds[holds.length - 1];
  return nextRung({
    today,
    invoices: bundle.invoices,
    activities: bundle.activities,
    largeAccount: isLargeAccount(bundle.debtor.segment, openCents),
    ...(lastHold ? { holdUntil: lastHold } : {}),
  });
}
