/**
 * Model-based checks with xstate/graph, for every built-in persona in both languages:
 * - the persona machine alone reaches every outcome its data defines, and no other;
 * - the call machine and the persona machine, stepped together by training.logic.ts as the screen does,
 *   reach every outcome through the trainee's choices, never refuse an event (no stuck state), and end
 *   together, the call recorded with the ending that matches the persona's outcome.
 */
import { fromTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { TRAINEE_BEHAVIOURS } from '../domain/coach/turn';
import { BUILTIN_PERSONAS } from '../scripts/personas';
import { possibleOutcomes } from '../scripts/persona-validate';
import { personaMachine } from './persona.machine';
import { allPersonaEvents, trainingSetup } from './persona.testing';
import { CALL_ENDING_OF, callEnded, isOver, startTraining, trainingStep, type TraineeAction, type TrainingRun } from './training.logic';

const PERSONAS = [...BUILTIN_PERSONAS.fr, ...BUILTIN_PERSONAS.en];
const ACTIONS: TraineeAction[] = [...TRAINEE_BEHAVIOURS.map((behaviour) => ({ type: 'SAY' as const, behaviour })), { type: 'SKIP' }];

describe.each(PERSONAS.map((p) => [`${p.locale}/${p.id}`, p] as const))('%s', (_, persona) => {
  it('the persona machine reaches exactly the outcomes its data defines', { timeout: 60_000 }, () => {
    const paths = getShortestPaths(personaMachine, {
      input: { persona },
      events: allPersonaEvents(),
      serializeState: (s) => JSON.stringify([s.value, s.context.mood, s.context.patience, s.context.pending]),
    });
    const finals = new Set(paths.filter((p) => p.state.status === 'done').map((p) => p.state.value as string));
    expect([...finals].sort()).toEqual([...possibleOutcomes(persona)].sort());
    for (const expected of persona.expected) expect(finals).toContain(expected);
  });

  // The English personas carry the French ones' behaviour exactly (personas.test.ts checks it): the joint
  // exploration, the costly one, runs once per scenario.
  it.runIf(persona.locale === 'fr')('runs with the call machine without a stuck state, ending both together on matching endings', { timeout: 60_000 }, () => {
    const setup = trainingSetup(persona);
    const joint = fromTransition((run: TrainingRun, action: TraineeAction) => trainingStep(setup, run, action), startTraining(setup));
    const paths = getShortestPaths(joint, {
      events: ACTIONS,
      serializeState: (s) => {
        const { call, persona: p } = s.context;
        return JSON.stringify([call.value, call.context.commitment?.kind ?? null, p.value, p.context.mood, p.context.patience, p.context.pending]);
      },
    });
    const outcomes = new Set<string>();
    for (const { state } of paths) {
      const run = state.context;
      if (run.persona.status === 'done') {
        // The persona never ends alone: the call ends in the same step, with the matching ending.
        expect(callEnded(run)).toBe(true);
        const outcome = run.persona.context.outcome!;
        expect(run.call.context.ending?.type, outcome).toBe(CALL_ENDING_OF[outcome]);
        outcomes.add(outcome);
      } else {
        expect(callEnded(run)).toBe(false);
        expect(isOver(run)).toBe(false);
        // Not stuck: every trainee action moves the call on.
        for (const action of ACTIONS) expect(trainingStep(setup, run, action)).not.toBe(run);
      }
    }
    expect([...outcomes].sort()).toEqual([...possibleOutcomes(persona)].sort());
  });
});
