import { createMemo, type Accessor } from 'solid-js';
import { coachText, type CoachHint, type CoachOptions } from '../../domain/coach/rules';

/** The coach's hints for a text signal, recomputed on each change (well under a millisecond; see bench coach). */
export function useCoach(text: Accessor<string>, options: Accessor<CoachOptions>): Accessor<CoachHint[]> {
  return createMemo(() => coachText(text(), options()));
}
