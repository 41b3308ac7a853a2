/**
 * Where a simulation's call lives while it runs: an in-memory CadenceStore of its own (storage/memory-store),
 * holding the generated dossier. The call is saved there at every turn, as the real call writer saves to
 * IndexedDB, and committed there when it ends, so the debrief can show what the app would have recorded —
 * the promise, the follow-up tasks — without a byte reaching the real database. Dropped with the simulation.
 * The in-memory store ships in the simulation page's chunk, never in the first screen's.
 */
import { callOutcome } from '../../domain/call/outcome';
import type { DebtorBundle } from '../../domain/bundle';
import { persistEnvelope } from '../../machines/call.types';
import type { CadenceStore } from '../../storage/api';
import { createMemoryStore } from '../../storage/memory-store';
import type { Simulation } from './simulation';

export interface Sandbox {
  /** Saves the call as it stands; commits its outcome once it has ended. */
  record(sim: Simulation, at: string): Promise<void>;
  /** The simulated dossier as the sandbox holds it now. */
  dossier(sim: Simulation): Promise<DebtorBundle | undefined>;
  close(): void;
}

export async function openSandbox(sim: Simulation): Promise<Sandbox> {
  const store: CadenceStore = createMemoryStore();
  await store.putBundles([sim.setup.dossier.bundle]);
  let ids = 0;
  let committed = false;
  // One write at a time, in order, like the real call writer: a turn never overtakes the one before it.
  let queue: Promise<void> = Promise.resolve();
  return {
    record(current, at) {
      queue = queue.then(async () => {
        if (committed) return;
        const context = current.run.call.context;
        await store.saveCall({ callId: context.callId, debtorId: context.debtorId, updatedAt: at, envelope: persistEnvelope(context) });
        if (current.run.call.status === 'done') {
          committed = true;
          await store.commitCallOutcome(context.callId, callOutcome(context, at, () => `tr-${current.id.slice(0, 8)}-${++ids}`));
        }
      });
      return queue;
    },
    dossier: (current) => queue.then(() => store.getDossier(current.setup.dossier.bundle.debtor.id)),
    close: () => store.close(),
  };
}
