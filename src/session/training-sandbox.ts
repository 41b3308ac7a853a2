/**
 * The training mode's effects for the call machine: a sandbox — an in-memory CadenceStore of its own
 * (storage/memory-store) holding the simulated dossier — where the call is persisted at every transition and
 * its outcome committed, exactly as the live session does with IndexedDB, so the simulation shows what the
 * app would have recorded without a byte reaching the real database. One per simulation, dropped with it.
 */
import type { DebtorBundle } from '../domain/bundle';
import { callOutcome } from '../domain/call/outcome';
import { createMemoryStore } from '../storage/memory-store';
import type { CallEffects } from './call-actor';

export interface TrainingSandbox {
  /** What the call machine is given in training mode: persist and commit, to the sandbox only. */
  effects: CallEffects;
  /** The simulated dossier as the sandbox holds it, once every earlier write has landed. */
  dossier(): Promise<DebtorBundle | undefined>;
  close(): void;
}

export async function openTrainingSandbox(bundle: DebtorBundle, clock: () => string = () => new Date().toISOString()): Promise<TrainingSandbox> {
  const store = createMemoryStore();
  await store.putBundles([bundle]);
  let ids = 0;
  // One write at a time, in order, like the live call writer: a transition never overtakes the one before.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    effects: {
      persist(envelope) {
        const context = envelope.snapshot.context;
        void enqueue(() => store.saveCall({ callId: context.callId, debtorId: context.debtorId, updatedAt: clock(), envelope })).catch(() => undefined);
      },
      commit(context) {
        return enqueue(async () => {
          const outcome = callOutcome(context, clock(), () => `tr-${context.callId.slice(-8)}-${++ids}`);
          await store.commitCallOutcome(context.callId, outcome);
          return outcome;
        });
      },
    },
    dossier: () => enqueue(() => store.getDossier(bundle.debtor.id)),
    close: () => store.close(),
  };
}
