/**
 * A script meets the dossier: the step texts with their `{variables}` filled, and the field list the
 * call machine needs to check captures. The words for `{contact.role}` come from the script itself.
 */
import type { ScriptFields } from '../domain/call/context';
import type { CallFacts } from '../domain/call/facts';
import { fillScript, scriptParts, type ScriptPart, type ScriptWords } from '../domain/call/variables';
import type { StepId } from '../domain/call/steps';
import type { CallScript, ScriptStep } from './schema';

export function scriptWords(script: CallScript): ScriptWords {
  return { roles: script.roles, ...(script.awaited ? { awaited: script.awaited } : {}) };
}

/** The step's words for this dossier: its `sayNoUpcoming` when nothing is coming due, so no empty list is read out. */
export function sayFor(step: ScriptStep, facts: CallFacts): string {
  return step.sayNoUpcoming && facts.upcoming.length === 0 ? step.sayNoUpcoming : step.say;
}

export function scriptStep(script: CallScript, stepId: StepId): ScriptStep {
  const step = script.steps.find((s) => s.id === stepId);
  // validateScript guarantees all ten steps; a miss here means an unvalidated script reached the UI.
  if (!step) throw new Error(`Script ${script.id} has no step ${stepId}`);
  return step;
}

export interface FilledStep {
  step: ScriptStep;
  /** `say` cut into text and filled values, for highlighting facts and tabulating invoices. */
  parts: ScriptPart[];
  say: string;
  tips: string[];
}

export function fillStep(script: CallScript, stepId: StepId, facts: CallFacts): FilledStep {
  const step = scriptStep(script, stepId);
  const words = scriptWords(script);
  const say = sayFor(step, facts);
  return {
    step,
    parts: scriptParts(say, facts, script.locale, words),
    say: fillScript(say, facts, script.locale, words),
    tips: step.tips.map((tip) => fillScript(tip, facts, script.locale, words)),
  };
}

export function fillText(script: CallScript, text: string, facts: CallFacts): string {
  return fillScript(text, facts, script.locale, scriptWords(script));
}

/** The captures the machine checks (type, required, choice values), keyed by step. */
export function scriptFields(script: CallScript): ScriptFields {
  const fields: ScriptFields = {};
  for (const step of script.steps) {
    fields[step.id] = step.captures.map((f) => ({
      id: f.id,
      type: f.type,
      required: f.required,
      ...(f.type === 'choice' ? { options: f.options.map((o) => o.value) } : {}),
    }));
  }
  return fields;
}
