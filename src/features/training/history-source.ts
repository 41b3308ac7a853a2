/**
 * The training history database, opened once on first use (its code is a lazy chunk of its own). It is the
 * only place a simulation writes to, and it is not the real database.
 */
import type { TrainingHistory } from '../../storage/training-history';

let opening: Promise<TrainingHistory> | null = null;

export function trainingHistory(): Promise<TrainingHistory> {
  opening ??= import('../../storage/training-history').then((m) => m.openTrainingHistory());
  // A failed open (storage refused) may succeed on the next visit.
  opening.catch(() => (opening = null));
  return opening;
}
