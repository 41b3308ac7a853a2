/**
 * A debtor persona as an actor: it hears each trainee turn (the behaviour read from a picked phrasing or from
 * typed words by the coach rules), moves its mood and patience, answers with a line of its data, and ends on
 * one of the outcomes. The rules live in persona.logic.ts; this file is the chart: one `talking` state and
 * one final state per outcome, so a test (and the screen) reads the outcome from the state value.
 *
 * No DOM, no storage, no clock: the persona's data comes in `input`.
 */
import { assign, setup } from 'xstate';
import { PERSONA_OUTCOMES, type PersonaOutcome } from '../domain/training/outcomes';
import type { ResolvedPersona } from '../scripts/persona-validate';
import { initialPersonaState, personaTurn, type PersonaEvent, type PersonaState, type ReplyRef } from './persona.logic';

export interface PersonaInput {
  persona: ResolvedPersona;
}

export interface PersonaContext extends PersonaState {
  persona: ResolvedPersona;
  /** The debtor's answer to the last event, if they said something. */
  reply: ReplyRef | null;
  outcome: PersonaOutcome | null;
}

export type PersonaTag = 'talking' | 'ended';

const finalStates = Object.fromEntries(
  PERSONA_OUTCOMES.map((outcome) => [outcome, { type: 'final' as const, tags: ['ended' as const], entry: { type: 'settle' as const, params: { outcome } } }]),
) as Record<PersonaOutcome, { type: 'final'; tags: ['ended']; entry: { type: 'settle'; params: { outcome: PersonaOutcome } } }>;

const endings = PERSONA_OUTCOMES.map((outcome) => ({
  guard: { type: 'endsAs' as const, params: { outcome } },
  target: outcome,
  actions: 'hear' as const,
}));

export const personaMachine = setup({
  types: {
    context: {} as PersonaContext,
    events: {} as PersonaEvent,
    input: {} as PersonaInput,
    tags: {} as PersonaTag,
  },
  actions: {
    hear: assign(({ context, event }) => {
      const { state, reply } = personaTurn(context.persona, context, event);
      return { ...state, reply };
    }),
    settle: assign((_, params: { outcome: PersonaOutcome }) => ({ outcome: params.outcome })),
  },
  guards: {
    endsAs: ({ context, event }, params: { outcome: PersonaOutcome }) => personaTurn(context.persona, context, event).ends === params.outcome,
  },
}).createMachine({
  id: 'persona',
  context: ({ input }) => ({ persona: input.persona, ...initialPersonaState(input.persona), reply: null, outcome: null }),
  initial: 'talking',
  states: {
    talking: {
      tags: ['talking'],
      on: {
        TURN: [...endings, { actions: 'hear' }],
        SKIP: [...endings, { actions: 'hear' }],
      },
    },
    ...finalStates,
  },
});

export type PersonaMachine = typeof personaMachine;
