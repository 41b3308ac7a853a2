/**
 * Messages between the import screen and its module worker (./import.worker.ts). The worker keeps the file
 * as read, the records it is compared with and the plan; the page only ever receives views of them small
 * enough to clone in a millisecond (counts, the 20 preview rows, the first errors), never 100,000 rows.
 */
import type { RowError } from '../../domain/import/errors';
import type { AbsentDebtors, closuresOf, ImportPlan } from '../../domain/import/plan';
import type { PaymentsPlan } from '../../domain/import/payments-plan';
import type { ParsedPortfolio } from '../../domain/import/portfolio';
import type { FileReading, ReadOptions } from '../../domain/import/read-file';
import type { StorageErrorKind } from '../../storage/errors';

/** What an import marks paid, told apart (domain/import/plan.ts). */
export type ImportClosures = ReturnType<typeof closuresOf>;

/** Errors listed on screen; the rest are counted. */
export const ERRORS_SHOWN = 50;

export interface PortfolioView {
  rowCount: number;
  debtors: number;
  invoices: number;
  skipped: ParsedPortfolio['skipped'];
  terms?: ParsedPortfolio['terms'];
  /** The first `ERRORS_SHOWN` errors. */
  errors: RowError[];
  errorCount: number;
  refusedCount: number;
  preview: ParsedPortfolio['preview'];
}

/** A payments file as read: the lines kept, the rows refused (first `ERRORS_SHOWN`) and the rows left out. */
export interface PaymentsView {
  payments: number;
  errors: RowError[];
  errorCount: number;
  /** Lines of money going out or of zero (fees, refunds), left out. */
  ignored: number[];
}

export type ReadingView = Omit<FileReading, 'outcome'> & {
  outcome: { kind: 'portfolio'; portfolio: PortfolioView } | { kind: 'payments'; payments: PaymentsView } | Extract<FileReading['outcome'], { kind: 'file_error' }>;
  /** `applied`: the mapping saved for files with these columns was used; `saved`: the agent's mapping was saved. */
  preset?: 'applied' | 'saved';
};

/**
 * What a read does with the source's saved mapping: `auto` applies it (unless the options carry a mapping),
 * `save` saves the options' mapping as the source's, `reset` forgets it and maps automatically.
 */
export type PresetUse = 'auto' | 'save' | 'reset';

/**
 * The plan as the preview shows it: counts, totals, the name matches to confirm and what it closes (told
 * apart: `closures`), without the changes.
 */
export type PlanView = Omit<ImportPlan, 'debtors' | 'invoices'> & { closures: ImportClosures };

/** The payment activity's timeline text, translated by the page with markers the worker fills in. */
export interface PaymentText {
  template: string;
  locale: string;
}
export const AMOUNT_MARK = '\u0001amount\u0001';
export const INVOICES_MARK = '\u0001invoices\u0001';

export type ImportRequest =
  /**
   * The file as chosen (a Blob: the worker reads its bytes, the page never holds them) or its bytes,
   * transferred (not copied) to the worker.
   */
  | { type: 'read'; bytes: Blob | ArrayBuffer; options: ReadOptions; dbName: string; fileName: string; preset: PresetUse }
  /**
   * Plan the last file read against the database `dbName`; `seq` names the answer. `absentDebtors`: the
   * agent's answer for debtors absent from the file, once given.
   */
  | { type: 'plan'; seq: number; dbName: string; importDate: string; decisions: Record<string, string>; validRowsOnly: boolean; absentDebtors?: AbsentDebtors }
  /** Match the last payments file read against the database `dbName` (lines dated after `today` refused). */
  | { type: 'planPayments'; dbName: string; today: string }
  /** Write the plan answered as `seq`, in one transaction. */
  | { type: 'commit'; seq: number; dbName: string; fileName: string; now: string; today: string; agent: string; paymentText: PaymentText }
  /** Abort a commit still writing (nothing is stored); ignored once its transaction is committing. */
  | { type: 'cancel' };

export type ImportMessage =
  /** Rows split so far. */
  | { kind: 'progress'; rows: number }
  | { kind: 'read'; reading: ReadingView }
  /** `plan` is absent when the file is refused (rows in error and "valid rows only" not chosen). */
  | { kind: 'planned'; seq: number; plan?: PlanView }
  /** Every line of the payments file, matched: the page records the sure and confirmed ones through the store. */
  | { kind: 'paymentsPlanned'; plan: PaymentsPlan }
  /** Records written so far, of `total`, in the one transaction; `switching` once it is committing (cancel is over). */
  | { kind: 'committing'; written: number; total: number; switching: boolean }
  | { kind: 'committed' }
  | { kind: 'cancelled' }
  /** A bug or a storage failure, not a bad file: bad files come back as a reading with errors. */
  | { kind: 'failed'; message: string; storageKind: StorageErrorKind };

/** A Blob, told from an ArrayBuffer by what it can do: `instanceof` fails across realms (a test's buffers). */
export const isBlob = (bytes: Blob | ArrayBuffer): bytes is Blob => typeof (bytes as Blob).arrayBuffer === 'function';
