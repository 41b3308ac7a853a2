/**
 * The single door for personas, built-in or written by a team lead: shape (zod), then the rules zod cannot
 * say clearly, each with its own error code translated under `training:personaErrors.<code>`:
 * 3–4 phrasings per step with exactly one good, a reason for every faulty one, known `{variables}` only,
 * decisions that can happen, and a dossier that fits the persona (a disputed invoice for a dispute, someone
 * with authority behind a gatekeeper).
 */
import { STEP_IDS, type StepId } from '../domain/call/steps';
import { isScriptVariable, variablesIn } from '../domain/call/variables';
import {
  Persona,
  PERSONA_SCHEMA_VERSION,
  Phrasebook,
  TRAINING_VARIABLES,
  type Phrasing,
  type PersonaOutcome,
} from './persona-schema';

/** A persona with its phrasebook merged in: 3–4 phrasings at every step, and the language's words. */
export type ResolvedPersona = Omit<Persona, 'phrasings'> & { phrasings: Record<StepId, Phrasing[]>; means: Phrasebook['means'] };

export type PersonaError =
  | { error: 'invalid_shape'; issues: { path: string; message: string }[] }
  | { error: 'unsupported_schema_version'; schemaVersion: number }
  | { error: 'locale_mismatch'; locale: string; phrasebook: string }
  | { error: 'phrasing_count'; stepId: StepId; count: number }
  | { error: 'good_phrasing_count'; stepId: StepId; count: number }
  | { error: 'missing_why'; stepId: StepId; phrasingId: string }
  | { error: 'duplicate_phrasing'; stepId: StepId; phrasingId: string }
  | { error: 'unknown_variable'; variable: string; field: string }
  | { error: 'referral_too_late'; stepId: StepId }
  | { error: 'only_referral_ends'; stepId: StepId }
  | { error: 'expected_unreachable'; outcome: PersonaOutcome }
  | { error: 'no_overdue_invoice' }
  | { error: 'no_disputed_invoice' }
  | { error: 'no_authority_contact' };
export type PersonaErrorCode = PersonaError['error'];

export type PersonaValidation = { ok: true; persona: ResolvedPersona } | ({ ok: false } & PersonaError);

const fail = (error: PersonaError): PersonaValidation => ({ ok: false, ...error });

function isKnownVariable(name: string): boolean {
  return isScriptVariable(name) || (TRAINING_VARIABLES as readonly string[]).includes(name);
}

function phrasingError(stepId: StepId, phrasings: readonly Phrasing[]): PersonaError | null {
  if (phrasings.length < 3 || phrasings.length > 4) return { error: 'phrasing_count', stepId, count: phrasings.length };
  const good = phrasings.filter((p) => p.fault === 'good').length;
  if (good !== 1) return { error: 'good_phrasing_count', stepId, count: good };
  const ids = new Set<string>();
  for (const p of phrasings) {
    if (ids.has(p.id)) return { error: 'duplicate_phrasing', stepId, phrasingId: p.id };
    ids.add(p.id);
    if (p.fault !== 'good' && !p.why) return { error: 'missing_why', stepId, phrasingId: p.id };
  }
  return null;
}

/** Every text of a persona with where it sits, for a precise unknown-variable error. */
function textsOf(persona: ResolvedPersona): { field: string; text: string }[] {
  const texts: { field: string; text: string }[] = [];
  const lines = (field: string, values: readonly string[] | undefined) => values?.forEach((text, i) => texts.push({ field: `${field}.${i}`, text }));
  texts.push({ field: 'summary', text: persona.summary });
  for (const stepId of STEP_IDS) {
    persona.phrasings[stepId].forEach((p) => texts.push({ field: `phrasings.${stepId}.${p.id}`, text: p.text }));
    const replies = persona.replies[stepId];
    for (const [kind, values] of Object.entries(replies)) lines(`replies.${stepId}.${kind}`, values);
  }
  for (const [kind, values] of Object.entries(persona.reactions)) lines(`reactions.${kind}`, values);
  lines('hangUp', persona.hangUp);
  return texts;
}

/** Outcomes the persona can end on: its decisions', a hang-up, and no commitment when step 6 is skipped. */
export function possibleOutcomes(persona: Pick<Persona, 'decisions'>): Set<PersonaOutcome> {
  return new Set<PersonaOutcome>(['hung_up', 'no_commitment', ...persona.decisions.map((d) => d.outcome)]);
}

function fitError(persona: ResolvedPersona): PersonaError | null {
  const referral = persona.decisions.find((d) => d.outcome === 'referred' && d.step !== 'presentation' && d.step !== 'identification');
  if (referral) return { error: 'referral_too_late', stepId: referral.step };
  // A call closes early only on a referral (the call machine's "wrong person"); any other outcome waits for step 10.
  const early = persona.decisions.find((d) => d.ends !== (d.outcome === 'referred'));
  if (early) return { error: 'only_referral_ends', stepId: early.step };
  const possible = possibleOutcomes(persona);
  const unreachable = persona.expected.find((o) => !possible.has(o));
  if (unreachable) return { error: 'expected_unreachable', outcome: unreachable };
  const invoices = persona.dossier.invoices;
  if (!invoices.some((i) => i.dueInDays < 0 && !i.disputed)) return { error: 'no_overdue_invoice' };
  if (persona.special === 'dispute' && !invoices.some((i) => i.disputed && i.dueInDays < 0)) return { error: 'no_disputed_invoice' };
  if (persona.special === 'gatekeeper' && !persona.dossier.contacts.slice(1).some((c) => c.authority)) return { error: 'no_authority_contact' };
  return null;
}

function shapeError(issues: readonly { path: PropertyKey[]; message: string }[]): PersonaError {
  return { error: 'invalid_shape', issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

export function validatePersona(input: unknown, phrasebookInput: unknown): PersonaValidation {
  const declared = input !== null && typeof input === 'object' ? (input as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared > PERSONA_SCHEMA_VERSION) {
    return fail({ error: 'unsupported_schema_version', schemaVersion: declared });
  }
  const parsed = Persona.safeParse(input);
  if (!parsed.success) return fail(shapeError(parsed.error.issues));
  const book = Phrasebook.safeParse(phrasebookInput);
  if (!book.success) return fail(shapeError(book.error.issues.map((i) => ({ ...i, path: ['phrasebook', ...i.path] }))));
  if (book.data.locale !== parsed.data.locale) return fail({ error: 'locale_mismatch', locale: parsed.data.locale, phrasebook: book.data.locale });

  const phrasings = Object.fromEntries(STEP_IDS.map((id) => [id, parsed.data.phrasings[id] ?? book.data.phrasings[id]])) as Record<StepId, Phrasing[]>;
  for (const stepId of STEP_IDS) {
    const error = phrasingError(stepId, phrasings[stepId]);
    if (error) return fail(error);
  }
  const persona: ResolvedPersona = { ...parsed.data, phrasings, means: book.data.means };
  for (const { field, text } of textsOf(persona)) {
    const unknown = variablesIn(text).find((v) => !isKnownVariable(v));
    if (unknown) return fail({ error: 'unknown_variable', variable: unknown, field });
  }
  const fit = fitError(persona);
  if (fit) return fail(fit);
  return { ok: true, persona };
}

/** The i18n key and values for an error (`training:personaErrors.<code>`); step ids go in as codes. */
export function personaErrorMessage(error: PersonaError): { key: string; values: Record<string, string | number> } {
  const key = `training:personaErrors.${error.error}`;
  switch (error.error) {
    case 'invalid_shape':
      return { key, values: { count: error.issues.length, first: error.issues[0] ? `${error.issues[0].path}: ${error.issues[0].message}` : '' } };
    case 'unsupported_schema_version':
      return { key, values: { version: error.schemaVersion, supported: PERSONA_SCHEMA_VERSION } };
    case 'locale_mismatch':
      return { key, values: { locale: error.locale, phrasebook: error.phrasebook } };
    case 'phrasing_count':
    case 'good_phrasing_count':
      return { key, values: { step: error.stepId, count: error.count } };
    case 'missing_why':
    case 'duplicate_phrasing':
      return { key, values: { step: error.stepId, phrasing: error.phrasingId } };
    case 'unknown_variable':
      return { key, values: { variable: `{${error.variable}}`, field: error.field } };
    case 'referral_too_late':
    case 'only_referral_ends':
      return { key, values: { step: error.stepId } };
    case 'expected_unreachable':
      return { key, values: { outcome: error.outcome } };
    case 'no_overdue_invoice':
    case 'no_disputed_invoice':
    case 'no_authority_contact':
      return { key, values: {} };
  }
}
