/**
 * The built-in scripts are data: one structure shared by every language (./structure.json: step ids and
 * order, what each step captures, the 4 C kinds, objection ids and the delay reasons they reveal, contact
 * roles) and one file of texts per language (./texts.<locale>.json), assembled at load into a script. A text
 * file that misses or adds a step, a field or an objection fails at once, naming the path, instead of giving
 * the agent a script with a hole in it. The CallScript schema's check of the assembled script runs in the
 * unit tests (./assemble.test.ts), not at every load: the data ships with the code,
 * and checking both languages at import cost the call screen's load ~10 ms at 1× (a load trace).
 */
import type { CallScript } from '../schema';

/** ./structure.json. Kinds stay plain strings here: the assembled script's schema checks each one. */
export interface ScriptStructure {
  schemaVersion: number;
  version: number;
  roles: string[];
  steps: { id: string; captures: { id: string; type: string; required: boolean; options?: string[] }[]; fourC: string[] }[];
  objections: { id: string; reason?: string }[];
}

type Texts = Record<string, string>;
/** ./texts.<locale>.json: every text of one language, keyed by the structure's ids. */
export interface ScriptTexts {
  name: string;
  roles: Texts;
  /** What a fact the call has not captured yet reads as (`promise.amount` → « montant à convenir »). */
  awaited?: Texts;
  steps: Record<
    string,
    { title: string; say: string; sayNoUpcoming?: string; captures: Record<string, { label: string; options?: Texts }>; tips: string[]; fourC: string[] }
  >;
  objections: Record<string, { objection: string; answers: string[] }>;
}

/** The text at `path` of a language file; a missing one is an error naming its path. */
function text<T>(record: Record<string, T>, key: string, file: string, path: string): T {
  const found = Object.hasOwn(record, key) ? record[key] : undefined;
  if (found === undefined) throw new Error(`${file}: ${path}.${key}: missing`);
  return found;
}

/** Every key of a language file's record must be one the structure has: a stray text is a typo. */
function onlyKnown(record: Record<string, unknown>, known: readonly string[], file: string, path: string): void {
  const extra = Object.keys(record).find((k) => !known.includes(k));
  if (extra !== undefined) throw new Error(`${file}: ${path}.${extra}: not in the shared structure`);
}

export function assembleBuiltin(locale: CallScript['locale'], structure: ScriptStructure, texts: ScriptTexts): CallScript {
  const file = `texts.${locale}.json`;
  onlyKnown(texts.roles, structure.roles, file, 'roles');
  onlyKnown(texts.steps, structure.steps.map((s) => s.id), file, 'steps');
  onlyKnown(texts.objections, structure.objections.map((o) => o.id), file, 'objections');

  const steps = structure.steps.map((step) => {
    const words = text(texts.steps, step.id, file, 'steps');
    const at = `steps.${step.id}`;
    onlyKnown(words.captures, step.captures.map((c) => c.id), file, `${at}.captures`);
    if (words.fourC.length !== step.fourC.length) throw new Error(`${file}: ${at}.fourC: ${words.fourC.length} texts for ${step.fourC.length} reminders`);
    const captures = step.captures.map(({ options, ...field }) => {
      const { label, options: labels = {} } = text(words.captures, field.id, file, `${at}.captures`);
      const base = { id: field.id, type: field.type, label, required: field.required };
      if (options === undefined) return base;
      onlyKnown(labels, options, file, `${at}.captures.${field.id}.options`);
      return { ...base, options: options.map((value) => ({ value, label: text(labels, value, file, `${at}.captures.${field.id}.options`) })) };
    });
    return {
      id: step.id,
      title: words.title,
      say: words.say,
      ...(words.sayNoUpcoming === undefined ? {} : { sayNoUpcoming: words.sayNoUpcoming }),
      captures,
      tips: words.tips,
      fourC: step.fourC.map((c, k) => ({ c, text: words.fourC[k] as string })),
    };
  });
  const objections = structure.objections.map(({ id, reason }) => {
    const words = text(texts.objections, id, file, 'objections');
    const objection = { id, objection: words.objection, answers: words.answers };
    return reason === undefined ? objection : { ...objection, reason };
  });
  const script = {
    schemaVersion: structure.schemaVersion,
    id: `builtin.${locale}`,
    name: texts.name,
    locale,
    version: structure.version,
    roles: Object.fromEntries(structure.roles.map((role) => [role, text(texts.roles, role, file, 'roles')])),
    ...(texts.awaited === undefined ? {} : { awaited: texts.awaited }),
    steps,
    objections,
  };
  // The shape CallScript checks (./assemble.test.ts runs it on both shipped languages).
  return script as unknown as CallScript;
}

