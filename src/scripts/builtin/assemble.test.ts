import { describe, expect, it } from 'vitest';
import { CallScript } from '../schema';
import { BUILTIN_SCRIPTS, builtinScript } from '.';
import { assembleBuiltin, type ScriptStructure, type ScriptTexts } from './assemble';
import en from './texts.en.json';
import structure from './structure.json';
import fr from './texts.fr.json';

const ids = (script: CallScript) => ({
  steps: script.steps.map((s) => s.id),
  captures: script.steps.map((s) => s.captures.map((c) => [c.id, c.type, c.required, c.type === 'choice' ? c.options.map((o) => o.value) : []])),
  fourC: script.steps.map((s) => s.fourC.map((r) => r.c)),
  objections: script.objections.map((o) => [o.id, o.reason ?? null]),
  roles: Object.keys(script.roles),
});

/** `assembleBuiltin`, then the CallScript schema (the check the shipped scripts pass here, not at load): a failure names the file and path. */
function assembleCheckedBuiltin(locale: CallScript['locale'], structure: ScriptStructure, texts: ScriptTexts): CallScript {
  const checked = CallScript.safeParse(assembleBuiltin(locale, structure, texts));
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  throw new Error(`texts.${locale}.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

/** A deep copy of the French texts, changed by `edit`. */
function frWith(edit: (texts: ScriptTexts) => void): ScriptTexts {
  const texts = structuredClone(fr) as ScriptTexts;
  edit(texts);
  return texts;
}

describe('built-in scripts as data', () => {
  it('fr and en have the same step, capture and objection ids, those of the shared structure', () => {
    const [french, english] = [builtinScript('fr'), builtinScript('en')];
    expect(ids(english)).toEqual(ids(french));
    expect(ids(french).steps).toEqual(structure.steps.map((s) => s.id));
    expect(ids(french).objections).toEqual(structure.objections.map((o) => [o.id, o.reason ?? null]));
    expect(ids(french).roles).toEqual(structure.roles);
  });

  it('each passes the CallScript schema, with its id, locale and version', () => {
    expect(BUILTIN_SCRIPTS.map((s) => [s.id, s.locale, s.version])).toEqual([
      ['builtin.fr', 'fr', structure.version],
      ['builtin.en', 'en', structure.version],
    ]);
    for (const script of BUILTIN_SCRIPTS) expect(CallScript.safeParse(script)).toEqual({ success: true, data: script });
    // What ships is assembled without the schema's check (it runs here): the same script as the checked one.
    expect(builtinScript('fr')).toEqual(assembleCheckedBuiltin('fr', structure, fr));
    expect(builtinScript('en')).toEqual(assembleCheckedBuiltin('en', structure, en));
  });

  it('refuses a text file that misses a text, naming its path', () => {
    expect(() => assembleBuiltin('fr', structure, frWith((t) => delete t.steps['explanation']))).toThrow('texts.fr.json: steps.explanation: missing');
    expect(() => assembleBuiltin('fr', structure, frWith((t) => delete t.steps['explanation']!.captures['announced_date']))).toThrow(
      'texts.fr.json: steps.explanation.captures.announced_date: missing',
    );
    expect(() => assembleBuiltin('fr', structure, frWith((t) => delete t.steps['explanation']!.captures['invoices_received']!.options!['no']))).toThrow(
      'texts.fr.json: steps.explanation.captures.invoices_received.options.no: missing',
    );
    expect(() => assembleBuiltin('fr', structure, frWith((t) => delete t.objections['cash_flow']))).toThrow('texts.fr.json: objections.cash_flow: missing');
    expect(() => assembleBuiltin('fr', structure, frWith((t) => t.steps['presentation']!.fourC.pop()))).toThrow('steps.presentation.fourC');
  });

  it('refuses a stray text, and words the CallScript schema refuses', () => {
    expect(() => assembleBuiltin('fr', structure, frWith((t) => (t.objections['typo'] = { objection: 'x', answers: ['y'] })))).toThrow(
      'texts.fr.json: objections.typo: not in the shared structure',
    );
    expect(() => assembleCheckedBuiltin('fr', structure, frWith((t) => (t.steps['presentation']!.say = '  ')))).toThrow('texts.fr.json: steps.0.say');
    expect(() => assembleCheckedBuiltin('fr', structure, frWith((t) => (t.objections['cash_flow']!.answers = [])))).toThrow('texts.fr.json: objections.2.answers');
  });

  it('refuses a structure the CallScript schema refuses', () => {
    const bad = structuredClone(structure);
    bad.steps[0]!.fourC = ['charm', 'courtesy'];
    expect(() => assembleCheckedBuiltin('fr', bad, frWith(() => undefined))).toThrow('steps.0.fourC.0.c');
  });
});
