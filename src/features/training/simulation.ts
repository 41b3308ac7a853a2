/**
 * One simulated call as the training screen holds it: the persona, its generated dossier, the call and persona
 * machines' snapshots (machines/training.logic.ts) and the transcript so far. Every step returns a new value,
 * nothing is written anywhere: the screen keeps it in a signal, and only the finished session's record goes to
 * the training history (its own database).
 */
import { STEP_IDS, stepIndex, type StepId } from '../../domain/call/steps';
import { readTurn, type TraineeBehaviour } from '../../domain/coach/turn';
import { Rng } from '../../domain/demo/prng';
import { TRANSCRIPT_SCHEMA_VERSION, type Transcript, type TranscriptTurn } from '../../domain/training/transcript';
import type { PersonaOutcome } from '../../domain/training/outcomes';
import { replyText } from '../../machines/persona.logic';
import { currentStep, startTraining, trainingStep, type TrainingRun, type TrainingSetup } from '../../machines/training.logic';
import { builtinScript } from '../../scripts/builtin';
import { generatePersonaDossier } from '../../scripts/persona-dossier';
import { fillPersonaText, personaTextContext, type PersonaTextContext } from '../../scripts/persona-fill';
import type { Phrasing } from '../../scripts/persona-schema';
import type { ResolvedPersona } from '../../scripts/persona-validate';

export interface Simulation {
  id: string;
  persona: ResolvedPersona;
  setup: TrainingSetup;
  text: PersonaTextContext;
  run: TrainingRun;
  turns: TranscriptTurn[];
  startedAt: string;
  startedAtMs: number;
  seed: number;
}

export interface SimulationStart {
  persona: ResolvedPersona;
  agent: { agentName: string; company: string };
  today: string;
  nowMs: number;
  seed: number;
  id: string;
}

export function startSimulation(start: SimulationStart): Simulation {
  const { persona, agent, today, nowMs, seed } = start;
  const dossier = generatePersonaDossier(persona, { seed, today, formerAgent: agent.agentName });
  const startedAt = new Date(nowMs).toISOString();
  const setup: TrainingSetup = {
    persona,
    dossier,
    call: {
      callId: `tr-call-${start.id}`.slice(0, 64),
      debtorId: dossier.bundle.debtor.id,
      contactId: dossier.bundle.contacts[0]?.id ?? null,
      agentName: agent.agentName,
      script: builtinScript(persona.locale),
      startedAt,
      today,
    },
  };
  return {
    id: start.id,
    persona,
    setup,
    text: personaTextContext(persona, dossier, agent, today),
    run: startTraining(setup),
    turns: [],
    startedAt,
    startedAtMs: nowMs,
    seed,
  };
}

export interface PhrasingChoice {
  phrasing: Phrasing;
  text: string;
}

/** The step's phrasings, filled, in an order that varies by step and seed so the good one is not always first. */
export function phrasingsFor(sim: Simulation, step: StepId): PhrasingChoice[] {
  const rng = new Rng(sim.seed * 31 + stepIndex(step) + 1);
  const list = sim.persona.phrasings[step].map((phrasing) => ({ phrasing, text: fillPersonaText(phrasing.text, sim.text), key: rng.float() }));
  return list.sort((a, b) => a.key - b.key).map(({ phrasing, text }) => ({ phrasing, text }));
}

export type TraineeChoice = { kind: 'phrasing'; phrasing: Phrasing } | { kind: 'own'; text: string } | { kind: 'skip' };

/** The trainee speaks (or skips) at the current step; the debtor answers; the call moves on. */
export function applyChoice(sim: Simulation, choice: TraineeChoice, nowMs: number): Simulation {
  const step = currentStep(sim.run);
  if (step === null || sim.run.persona.status === 'done') return sim;
  const atMs = Math.max(0, nowMs - sim.startedAtMs);
  let trainee: TranscriptTurn;
  let behaviour: TraineeBehaviour | null;
  if (choice.kind === 'skip') {
    trainee = { speaker: 'trainee', step, text: '', atMs, skipped: true };
    behaviour = null;
  } else if (choice.kind === 'phrasing') {
    trainee = { speaker: 'trainee', step, text: fillPersonaText(choice.phrasing.text, sim.text), atMs, phrasingId: choice.phrasing.id, label: choice.phrasing.fault };
    behaviour = choice.phrasing.fault;
  } else {
    const text = choice.text.trim();
    behaviour = readTurn(text, { locale: sim.persona.locale, step, special: sim.persona.special }).behaviour;
    trainee = { speaker: 'trainee', step, text, atMs };
  }
  const run = trainingStep(sim.setup, sim.run, behaviour === null ? { type: 'SKIP' } : { type: 'SAY', behaviour });
  const turns = [...sim.turns, trainee];
  const reply = run.persona.context.reply;
  if (behaviour !== null && reply) {
    turns.push({ speaker: 'debtor', step, text: fillPersonaText(replyText(sim.persona, reply), sim.text), atMs });
  }
  return { ...sim, run, turns };
}

export function simulationStep(sim: Simulation): StepId | null {
  return currentStep(sim.run);
}

export function simulationOutcome(sim: Simulation): PersonaOutcome | null {
  return sim.run.persona.status === 'done' ? sim.run.persona.context.outcome : null;
}

/** Steps the trainee has been through: spoken at, or skipped. */
export function stepStates(sim: Simulation): Record<StepId, 'done' | 'skipped' | 'current' | 'ahead'> {
  const current = simulationStep(sim);
  return Object.fromEntries(
    STEP_IDS.map((step) => {
      const turns = sim.turns.filter((t) => t.speaker === 'trainee' && t.step === step);
      if (turns.some((t) => !t.skipped)) return [step, 'done'];
      if (turns.length > 0) return [step, 'skipped'];
      return [step, step === current ? 'current' : 'ahead'];
    }),
  ) as Record<StepId, 'done' | 'skipped' | 'current' | 'ahead'>;
}

export type MoodLevel = 'warm' | 'neutral' | 'tense' | 'angry';

/** The mood in four words the trainee can read, from the persona's own scale and floor. */
export function moodLevel(sim: Simulation): MoodLevel {
  const { mood } = sim.run.persona.context;
  const floor = sim.persona.mood.floor;
  if (mood >= 2) return 'warm';
  if (mood >= 0) return 'neutral';
  return mood - floor <= 1 ? 'angry' : 'tense';
}

export function transcriptOf(sim: Simulation, endMs: number): Transcript {
  return {
    schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
    personaId: sim.persona.id,
    locale: sim.persona.locale,
    special: sim.persona.special,
    expected: [...sim.persona.expected],
    outcome: simulationOutcome(sim) ?? 'no_commitment',
    endMs: Math.max(0, endMs - sim.startedAtMs),
    turns: sim.turns,
  };
}
