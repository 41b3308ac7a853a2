/**
 * The studio's checks on a script being written: every problem with the path of the field it sits in (so the
 * editor can focus it), a severity (errors block publishing, warnings do not) and the values its translated
 * message needs (`studio:checks.<code>`). Unlike `validateScript`, which stops at the first failure of a
 * script coming in from outside, this lists every problem at once, on a draft that may be half-typed.
 */
import { STEP_IDS, type StepId } from '../../domain/call/steps';
import { SCRIPT_VARIABLES, isScriptVariable, variablesIn } from '../../domain/call/variables';
import { checkWording } from '../../domain/call/wording';
import type { CallScript } from '../schema';
import COURTESY from './courtesy.json';

export type CheckSeverity = 'error' | 'warning';
export type CheckCode =
  | 'empty_text'
  | 'unknown_variable'
  | 'say_too_long'
  | 'commitment_no_amount'
  | 'commitment_no_date'
  | 'no_courtesy'
  | 'missing_capture'
  | 'duplicate_field'
  | 'duplicate_option'
  | 'duplicate_objection'
  | 'objection_without_answer'
  | 'missing_step'
  | 'unexpected_step'
  | 'no_four_c'
  | 'wording';

export interface ScriptIssue {
  code: CheckCode;
  severity: CheckSeverity;
  /** Where the problem sits, as a dotted path into the script (`steps.2.say`, `objections.0.answers`). */
  path: string;
  values: Record<string, string | number>;
}

export interface StudioCheckOptions {
  /** The concision budget: the most words a step's `say` may hold. Set in the studio. */
  sayWordBudget: number;
}

export const DEFAULT_SAY_WORD_BUDGET = 45;
export const SAY_WORD_BUDGET_RANGE = { min: 10, max: 200 } as const;

/**
 * Captures the call screen and the outcome read by id: a script that drops or retypes one would lose what
 * the agent types there. None today: the reason's details at step 5 are the call screen's own field (with
 * the reason, they reach the outcome, the recap and the timeline), so a script no longer carries a
 * look-alike "Précisions sur la raison" capture (issue 10); words typed in one by an older call join the
 * reason (domain/call/outcome.ts `reasonWithDetail`).
 */
export const MACHINE_CAPTURES: readonly { stepId: StepId; fieldId: string; type: CallScript['steps'][number]['captures'][number]['type'] }[] = [];

const OPENING: StepId = 'presentation';
const CLOSING: StepId = 'conclusion';

const blank = (s: string): boolean => s.trim() === '';

/** Words as the debtor hears them: a `{variable}` counts as one word. */
export function sayWordCount(text: string): number {
  return text
    .replace(/\{[^}]*\}/g, ' x ')
    .split(/[\s\u00a0\u202f]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The known variable a misspelt one most likely meant, when one is close enough to suggest. */
export function closestVariable(name: string): string | null {
  let best: { v: string; d: number } | null = null;
  for (const v of SCRIPT_VARIABLES) {
    const d = levenshtein(name.toLowerCase(), v.toLowerCase());
    if (!best || d < best.d) best = { v, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? best.v : null;
}

export function hasCourtesy(text: string, locale: CallScript['locale']): boolean {
  const lower = text.toLowerCase();
  return (COURTESY[locale] as string[]).some((formula) => lower.includes(formula));
}

/** Every text of the script that may hold `{variables}`, with its path. */
function textFields(script: CallScript): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  script.steps.forEach((step, s) => {
    out.push({ path: `steps.${s}.title`, text: step.title });
    out.push({ path: `steps.${s}.say`, text: step.say });
    step.tips.forEach((t, i) => out.push({ path: `steps.${s}.tips.${i}`, text: t }));
    step.fourC.forEach((r, i) => out.push({ path: `steps.${s}.fourC.${i}.text`, text: r.text }));
    step.captures.forEach((f, i) => {
      out.push({ path: `steps.${s}.captures.${i}.label`, text: f.label });
      if (f.type === 'choice') f.options.forEach((o, j) => out.push({ path: `steps.${s}.captures.${i}.options.${j}.label`, text: o.label }));
    });
  });
  script.objections.forEach((o, i) => {
    out.push({ path: `objections.${i}.objection`, text: o.objection });
    o.answers.forEach((a, j) => out.push({ path: `objections.${i}.answers.${j}`, text: a }));
  });
  for (const [role, text] of Object.entries(script.roles)) out.push({ path: `roles.${role}`, text });
  return out;
}

function structureIssues(script: CallScript): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const ids = script.steps.map((s) => s.id);
  for (const id of STEP_IDS) if (!ids.includes(id)) issues.push({ code: 'missing_step', severity: 'error', path: 'steps', values: { step: id } });
  ids.forEach((id, i) => {
    if (STEP_IDS[i] !== id && ids.includes(id) && STEP_IDS.includes(id)) issues.push({ code: 'unexpected_step', severity: 'error', path: `steps.${i}`, values: { step: id, position: i + 1 } });
  });
  return issues;
}

function captureIssues(script: CallScript): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  script.steps.forEach((step, s) => {
    const seen = new Set<string>();
    step.captures.forEach((field, i) => {
      if (seen.has(field.id)) issues.push({ code: 'duplicate_field', severity: 'error', path: `steps.${s}.captures.${i}.id`, values: { step: step.id, field: field.id } });
      seen.add(field.id);
      if (field.type === 'choice') {
        const values = new Set<string>();
        field.options.forEach((o, j) => {
          if (values.has(o.value)) issues.push({ code: 'duplicate_option', severity: 'error', path: `steps.${s}.captures.${i}.options.${j}.value`, values: { step: step.id, field: field.id, option: o.value } });
          values.add(o.value);
        });
      }
    });
  });
  for (const need of MACHINE_CAPTURES) {
    const s = script.steps.findIndex((st) => st.id === need.stepId);
    if (s < 0) continue;
    const field = script.steps[s]!.captures.find((f) => f.id === need.fieldId);
    if (!field || field.type !== need.type) {
      issues.push({ code: 'missing_capture', severity: 'error', path: `steps.${s}.captures`, values: { step: need.stepId, field: need.fieldId, type: need.type } });
    }
  }
  return issues;
}

function stepRuleIssues(script: CallScript, options: StudioCheckOptions): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  script.steps.forEach((step, s) => {
    const words = sayWordCount(step.say);
    if (!blank(step.say) && words > options.sayWordBudget) {
      issues.push({ code: 'say_too_long', severity: 'error', path: `steps.${s}.say`, values: { step: step.id, words, budget: options.sayWordBudget } });
    }
    if (step.fourC.length === 0) issues.push({ code: 'no_four_c', severity: 'warning', path: `steps.${s}.fourC`, values: { step: step.id } });
    if (step.id === 'commitments') {
      const vars = variablesIn(step.say);
      const types = new Set(step.captures.map((c) => c.type));
      if (!vars.includes('promise.amount') && !types.has('amount')) issues.push({ code: 'commitment_no_amount', severity: 'error', path: `steps.${s}.say`, values: { step: step.id, variable: '{promise.amount}' } });
      if (!vars.includes('promise.date') && !types.has('date')) issues.push({ code: 'commitment_no_date', severity: 'error', path: `steps.${s}.say`, values: { step: step.id, variable: '{promise.date}' } });
    }
    if ((step.id === OPENING || step.id === CLOSING) && !blank(step.say) && !hasCourtesy(step.say, script.locale)) {
      issues.push({ code: 'no_courtesy', severity: 'error', path: `steps.${s}.say`, values: { step: step.id } });
    }
    for (const w of checkWording(step.say, script.locale)) {
      issues.push({ code: 'wording', severity: 'warning', path: `steps.${s}.say`, values: { step: step.id, rule: w.code, words: w.match } });
    }
  });
  return issues;
}

function objectionIssues(script: CallScript): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const seen = new Set<string>();
  script.objections.forEach((o, i) => {
    if (seen.has(o.id)) issues.push({ code: 'duplicate_objection', severity: 'error', path: `objections.${i}.id`, values: { objection: o.id } });
    seen.add(o.id);
    if (o.answers.filter((a) => !blank(a)).length === 0) issues.push({ code: 'objection_without_answer', severity: 'error', path: `objections.${i}.answers`, values: { objection: o.objection || o.id } });
    o.answers.forEach((a, j) => {
      for (const w of checkWording(a, script.locale)) {
        issues.push({ code: 'wording', severity: 'warning', path: `objections.${i}.answers.${j}`, values: { step: '', rule: w.code, words: w.match } });
      }
    });
  });
  return issues;
}

/** Every problem of a draft, errors first, in the order of the script. */
export function checkScript(script: CallScript, options: StudioCheckOptions = { sayWordBudget: DEFAULT_SAY_WORD_BUDGET }): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  if (blank(script.name)) issues.push({ code: 'empty_text', severity: 'error', path: 'name', values: {} });
  issues.push(...structureIssues(script));
  for (const { path, text } of textFields(script)) {
    // An objection's answers list may hold a blank line being typed; an objection without any answer says more.
    if (blank(text) && !/^objections\.\d+\.answers\.\d+$/.test(path)) issues.push({ code: 'empty_text', severity: 'error', path, values: {} });
    for (const name of variablesIn(text)) {
      if (isScriptVariable(name)) continue;
      const suggestion = closestVariable(name);
      issues.push({ code: 'unknown_variable', severity: 'error', path, values: { variable: `{${name}}`, suggestion: suggestion ? `{${suggestion}}` : '' } });
    }
  }
  issues.push(...captureIssues(script), ...stepRuleIssues(script, options), ...objectionIssues(script));
  const order = (i: ScriptIssue) => (i.severity === 'error' ? 0 : 1);
  return issues.map((issue, n) => ({ issue, n })).sort((a, b) => order(a.issue) - order(b.issue) || a.n - b.n).map((x) => x.issue);
}

export function canPublish(issues: readonly ScriptIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
