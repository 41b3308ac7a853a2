import type { Activity, Contact, Debtor, Invoice, PaymentPromise, Task } from './entities';

/** Everything Cadence knows about one debtor: the unit of seeding, import, export and the dossier screen. */
export interface DebtorBundle {
  debtor: Debtor;
  contacts: Contact[];
  invoices: Invoice[];
  activities: Activity[];
  promises: PaymentPromise[];
  tasks: Task[];
}
