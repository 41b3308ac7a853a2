/**
 * The single door for scripts: shape (zod), then the rules zod cannot say clearly: the ten steps in
 * order, known `{variables}` only, unique field ids. Returns a typed error union; the UI turns each code
 * into `call:scriptErrors.<code>` with the error's values (see `scriptErrorMessage`).
 */
import { STEP_IDS, type StepId } from '../domain/call/steps';
import { isScriptVariable, variablesIn } from '../domain/call/variables';
import { CallScript, SCRIPT_SCHEMA_VERSION } from './schema';

export type ScriptError =
  | { error: 'invalid_shape'; issues: { path: string; message: string }[] }
  | { error: 'unsupported_schema_version'; schemaVersion: number }
  | { error: 'missing_step'; stepId: StepId }
  | { error: 'unexpected_step'; stepId: string; position: number }
  | { error: 'unknown_variable'; variable: string; stepId: StepId | null; field: string }
  | { error: 'duplicate_field'; stepId: StepId; fieldId: string }
  | { error: 'duplicate_objection'; objectionId: string };
export type ScriptErrorCode = ScriptError['error'];
export const SCRIPT_ERROR_CODES: readonly ScriptErrorCode[] = [
  'invalid_shape',
  'unsupported_schema_version',
  'missing_step',
  'unexpected_step',
  'unknown_variable',
  'duplicate_field',
  'duplicate_objection',
];

export type ScriptValidation = { ok: true; script: CallScript } | ({ ok: false } & ScriptError);

const fail = (error: ScriptError): ScriptValidation => ({ ok: false, ...error });

function declaredSchemaVersion(input: unknown): unknown {
  return input !== null && typeof input === 'object' ? (input as { schemaVersion?: unknown }).schemaVersion : undefined;
}

/** Every text that may hold `{variables}`, with where it sits, for a precise error. */
function textsOf(script: CallScript): { stepId: StepId | null; field: string; text: string }[] {
  const texts: { stepId: StepId | null; field: string; text: string }[] = [];
  for (const step of script.steps) {
    texts.push({ stepId: step.id, field: 'say', text: step.say });
    if (step.sayNoUpcoming) texts.push({ stepId: step.id, field: 'sayNoUpcoming', text: step.sayNoUpcoming });
    step.tips.forEach((text, i) => texts.push({ stepId: step.id, field: `tips.${i}`, text }));
    step.fourC.forEach((r, i) => texts.push({ stepId: step.id, field: `fourC.${i}`, text: r.text }));
  }
  script.objections.forEach((o, i) => {
    texts.push({ stepId: null, field: `objections.${i}.objection`, text: o.objection });
    o.answers.forEach((text, j) => texts.push({ stepId: null, field: `objections.${i}.answers.${j}`, text }));
  });
  return texts;
}

function structureError(script: CallScript): ScriptError | null {
  const ids = script.steps.map((s) => s.id);
  const missing = STEP_IDS.find((id) => !ids.includes(id));
  if (missing) return { error: 'missing_step', stepId: missing };
  const misplaced = ids.findIndex((id, i) => id !== STEP_IDS[i]);
  if (misplaced >= 0) return { error: 'unexpected_step', stepId: ids[misplaced] as string, position: misplaced };
  for (const step of script.steps) {
    const seen = new Set<string>();
    for (const field of step.captures) {
      if (seen.has(field.id)) return { error: 'duplicate_field', stepId: step.id, fieldId: field.id };
      seen.add(field.id);
    }
  }
  const objectionIds = new Set<string>();
  for (const o of script.objections) {
    if (objectionIds.has(o.id)) return { error: 'duplicate_objection', objectionId: o.id };
    objectionIds.add(o.id);
  }
  return null;
}

export function validateScript(input: unknown): ScriptValidation {
  const declared = declaredSchemaVersion(input);
  if (typeof declared === 'number' && Number.isInteger(declared) && declared > SCRIPT_SCHEMA_VERSION) {
    return fail({ error: 'unsupported_schema_version', schemaVersion: declared });
  }
  const parsed = CallScript.safeParse(input);
  if (!parsed.success) {
    return fail({
      error: 'invalid_shape',
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const script = parsed.data;
  const structural = structureError(script);
  if (structural) return fail(structural);
  for (const { stepId, field, text } of textsOf(script)) {
    const unknown = variablesIn(text).find((v) => !isScriptVariable(v));
    if (unknown) return fail({ error: 'unknown_variable', variable: unknown, stepId, field });
  }
  return { ok: true, script };
}

/** The i18n key and values for an error. Step ids go in as codes; the messages nest `call:steps.<id>`. */
export function scriptErrorMessage(error: ScriptError): { key: string; values: Record<string, string | number> } {
  const key = `call:scriptErrors.${error.error}`;
  switch (error.error) {
    case 'invalid_shape':
      return { key, values: { count: error.issues.length, first: error.issues[0] ? `${error.issues[0].path}: ${error.issues[0].message}` : '' } };
    case 'unsupported_schema_version':
      return { key, values: { version: error.schemaVersion, supported: SCRIPT_SCHEMA_VERSION } };
    case 'missing_step':
      return { key, values: { step: error.stepId } };
    case 'unexpected_step':
      return { key, values: { step: error.stepId, position: error.position + 1 } };
    case 'unknown_variable':
      return error.stepId
        ? { key, values: { variable: `{${error.variable}}`, step: error.stepId, field: error.field } }
        : { key: `${key}_objection`, values: { variable: `{${error.variable}}`, field: error.field } };
    case 'duplicate_field':
      return { key, values: { step: error.stepId, field: error.fieldId } };
    case 'duplicate_objection':
      return { key, values: { objection: error.objectionId } };
  }
}
