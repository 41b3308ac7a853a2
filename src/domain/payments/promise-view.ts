/**
 * The dossier's promises as of today: statuses computed from the payments in the timeline and the grace
 * days (domain/payments/tracking.ts), so a promise whose date passed yesterday with nothing paid reads as
 * broken today even though no write has happened since.
 */
import type { DebtorBundle } from '../bundle';
import type { PaymentPromise } from '../entities';
import { paymentsFromActivities, type ReceivedPayment } from './allocation';
import { brokenSoFar, withTrackedStatus } from './tracking';

export interface PromiseView {
  promises: PaymentPromise[];
  payments: ReceivedPayment[];
  /** Broken and partial promises so far (seed "Astuces", conseil 4). */
  broken: number;
}

export function promiseView(bundle: Pick<DebtorBundle, 'promises' | 'activities' | 'invoices'>, today: string): PromiseView {
  const payments = paymentsFromActivities(bundle.activities, bundle.invoices);
  const promises = withTrackedStatus(bundle.promises, payments, today);
  return { promises, payments, broken: brokenSoFar(promises) };
}
