/**
 * The page's side of the import worker (./import.worker.ts): one module worker per import screen, which
 * keeps the file, the plan and does the writing, and answers each request in order. Cancelling a read
 * terminates the worker at once (a sync parse cannot be interrupted any other way); cancelling a commit asks
 * the worker to abort its one transaction before it commits. Where module workers are missing (unit tests, old engines), the same
 * core runs on this thread.
 */
import { createImportCore } from './import-worker-core';
import { isBlob, type ImportMessage, type ImportRequest, type PaymentText, type PlanView, type PresetUse, type ReadingView } from './import-protocol';
import type { PaymentsPlan } from '../../domain/import/payments-plan';
import type { ReadOptions } from '../../domain/import/read-file';
import { StorageError } from '../../storage/errors';

/** The part of a Worker this uses, so tests can stand in for one. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ImportMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ImportRequest, transfer?: Transferable[]): void;
  terminate(): void;
}

const createModuleWorker = (): WorkerLike => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

/** The worker's core on this thread, each message handled on a later task as a worker would. */
export function inThreadWorker(): WorkerLike {
  let ended = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      setTimeout(() => !ended && core.handle(request), 0);
    },
    terminate() {
      ended = true;
    },
  };
  const core = createImportCore((message) => setTimeout(() => !ended && worker.onmessage?.({ data: message } as MessageEvent<ImportMessage>), 0));
  return worker;
}

const aborted = () => new DOMException('Import cancelled', 'AbortError');

interface Pending {
  type: Exclude<ImportRequest['type'], 'cancel'>;
  resolve: (message: ImportMessage) => void;
  reject: (error: unknown) => void;
  onProgress?: (message: ImportMessage) => void;
}

export type CommitRequest = Omit<Extract<ImportRequest, { type: 'commit' }>, 'type' | 'seq' | 'paymentText'> & { paymentText: PaymentText };
export type PlanRequest = Omit<Extract<ImportRequest, { type: 'plan' }>, 'type' | 'seq'>;

export class ImportSession {
  private worker: WorkerLike | undefined;
  private readonly pending: Pending[] = [];
  private seq = 0;
  private disposing = false;
  private readonly create: () => WorkerLike;

  constructor(createWorker?: () => WorkerLike) {
    this.create = createWorker ?? (typeof Worker === 'function' ? createModuleWorker : inThreadWorker);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = ({ data }) => this.receive(data);
    worker.onerror = (event) => this.end(new Error(event.message || 'import worker failed to start'));
    this.worker = worker;
    return worker;
  }

  private receive(message: ImportMessage): void {
    const head = this.pending[0];
    if (!head) return;
    if (message.kind === 'progress' || message.kind === 'committing') return head.onProgress?.(message);
    this.pending.shift();
    if (message.kind === 'failed') head.reject(new StorageError(message.storageKind, message.message));
    else head.resolve(message);
    if (this.disposing && this.pending.length === 0) this.end(aborted());
  }

  /** Ends the worker; every request still waiting rejects with `error`. */
  private end(error: unknown): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.splice(0)) p.reject(error);
  }

  private request(request: Exclude<ImportRequest, { type: 'cancel' }>, transfer: Transferable[] = [], onProgress?: Pending['onProgress']): Promise<ImportMessage> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.push({ type: request.type, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(request, transfer);
    });
  }

  /** Reads the file (a Blob the worker reads, or a buffer transferred to it); `signal` cancels by ending the worker. */
  async read(
    bytes: Blob | ArrayBuffer,
    options: ReadOptions,
    source: { dbName: string; fileName: string; preset: PresetUse },
    controls: { onProgress?: (rows: number) => void; signal?: AbortSignal } = {},
  ): Promise<ReadingView> {
    const { signal, onProgress } = controls;
    if (signal?.aborted) throw aborted();
    const onAbort = () => this.end(aborted());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const message = await this.request({ type: 'read', bytes, options, ...source }, isBlob(bytes) ? [] : [bytes], (m) => m.kind === 'progress' && onProgress?.(m.rows));
      if (message.kind !== 'read') throw new Error(`Unexpected answer ${message.kind} to a read`);
      return message.reading;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The plan of the last file read; `undefined` when the file is refused. Resolves `stale` when a newer plan was asked meanwhile. */
  async plan(request: PlanRequest): Promise<{ seq: number; plan: PlanView | undefined; stale: boolean }> {
    const seq = ++this.seq;
    const message = await this.request({ type: 'plan', seq, ...request });
    if (message.kind !== 'planned') throw new Error(`Unexpected answer ${message.kind} to a plan`);
    return { seq, plan: message.plan, stale: seq !== this.seq };
  }

  /** Every line of the last payments file read, matched against what is stored. */
  async planPayments(request: { dbName: string; today: string }): Promise<PaymentsPlan> {
    const message = await this.request({ type: 'planPayments', ...request });
    if (message.kind !== 'paymentsPlanned') throw new Error(`Unexpected answer ${message.kind} to a payments plan`);
    return message.plan;
  }

  /** Writes plan `seq`: resolves `committed`, or `cancelled` when `cancelCommit` came before the transaction began to commit. */
  async commit(seq: number, request: CommitRequest, onProgress?: (written: number, total: number, switching: boolean) => void): Promise<'committed' | 'cancelled'> {
    const message = await this.request({ type: 'commit', seq, ...request }, [], (m) => m.kind === 'committing' && onProgress?.(m.written, m.total, m.switching));
    if (message.kind === 'committed' || message.kind === 'cancelled') return message.kind;
    throw new Error(`Unexpected answer ${message.kind} to a commit`);
  }

  cancelCommit(): void {
    this.worker?.postMessage({ type: 'cancel' });
  }

  /**
   * Ends the worker. A commit under way is let finish first (the agent leaving the page must not undo an
   * import already confirmed); the worker ends once it has answered.
   */
  dispose(): void {
    if (this.pending.some((p) => p.type === 'commit')) this.disposing = true;
    else this.end(aborted());
  }
}
