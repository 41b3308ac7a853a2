/**
 * The dossier's promises as of today: statuses computed from the payments in the timeline and the grace
 * days (domain/payments/tracking.ts), so a promise whose date passed yesterday with nothing paid reads as
 * broken today even though no write has happened since.
 */
import type { DebtorBundle } from '../../domain/bundle';
import type { PaymentPromise } from '../../domain/entities';
import { paymentsFromActivities, type ReceivedPayment } from '../../domain/payments/allocation';
import { brokenSoFar, withTrackedStatus } from '../../domain/payments/tracking';

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
