/**
 * The training history database (storage/training-history.ts), opened once on first use. Its code comes with
 * the training pages' chunks (imported statically: a dynamic import here split zod's chunk in two in the first
 * screen's load). It is where finished simulations are kept, and it is not the real database.
 */
import { openTrainingHistory, type TrainingHistory } from '../storage/training-history';

let opening: Promise<TrainingHistory> | null = null;

export function trainingHistory(): Promise<TrainingHistory> {
  opening ??= openTrainingHistory();
  // A failed open (storage refused) may succeed on the next visit.
  opening.catch(() => (opening = null));
  return opening;
}
