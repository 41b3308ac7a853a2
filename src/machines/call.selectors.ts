/**
 * Read-only views of a call snapshot for the call screen: the step rail, the current step, and why
 * NEXT is refused. The UI still asks `snapshot.can(event)` for buttons; these say what to show around them.
 */
import type { SnapshotFrom } from 'xstate';
import type { CallContext } from '../domain/call/context';
import { stepBlockers, type StepBlocker } from '../domain/call/rules';
import { STEP_IDS, type StepId } from '../domain/call/steps';
import type { CallMachine } from './call.machine';

export type CallSnapshot = SnapshotFrom<CallMachine>;
export type StepStatus = 'done' | 'current' | 'to_come';

/** The step on screen, or null while cut off or once ended. */
export function currentStep(snapshot: CallSnapshot): StepId | null {
  return snapshot.hasTag('step') ? snapshot.context.step : null;
}

/** Rail 1–10: done (left with NEXT), current (on screen), to come. Once ended, nothing is current. */
export function stepRail(context: CallContext): { id: StepId; number: number; status: StepStatus }[] {
  const onScreen = context.ending || context.interrupted ? null : context.step;
  return STEP_IDS.map((id, i) => ({
    id,
    number: i + 1,
    status: id === onScreen ? 'current' : context.reached.includes(id) ? 'done' : 'to_come',
  }));
}

/** Why NEXT (or FINISH at the last step) is refused on the current step; empty when it is allowed. */
export function currentBlockers(snapshot: CallSnapshot): StepBlocker[] {
  return snapshot.hasTag('step') ? stepBlockers(snapshot.context, snapshot.context.step) : [];
}
