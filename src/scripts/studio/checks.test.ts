import { describe, expect, it } from 'vitest';
import { builtinScript } from '../builtin';
import type { CallScript } from '../schema';
import { canPublish, checkScript, closestVariable, DEFAULT_SAY_WORD_BUDGET, MACHINE_CAPTURES, sayWordCount, type CheckCode } from './checks';

const fr = (): CallScript => structuredClone(builtinScript('fr'));
const en = (): CallScript => structuredClone(builtinScript('en'));
const codes = (script: CallScript, budget = DEFAULT_SAY_WORD_BUDGET): CheckCode[] => checkScript(script, { sayWordBudget: budget }).map((i) => i.code);
const step = (script: CallScript, id: string) => script.steps.find((s) => s.id === id)!;
const stepIndex = (script: CallScript, id: string) => script.steps.findIndex((s) => s.id === id);

describe('checkScript', () => {
  it.each([['fr', fr], ['en', en]] as const)('finds nothing to block in the %s built-in', (_l, make) => {
    const issues = checkScript(make());
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(canPublish(issues)).toBe(true);
  });

  it('marks a misspelt variable where it stands and suggests the right one', () => {
    const s = fr();
    step(s, 'explanation').say = 'Le total dû est de {total.overdeu}.';
    const issue = checkScript(s).find((i) => i.code === 'unknown_variable')!;
    expect(issue).toMatchObject({ severity: 'error', path: `steps.${stepIndex(s, 'explanation')}.say`, values: { variable: '{total.overdeu}', suggestion: '{total.overdue}' } });
    expect(canPublish(checkScript(s))).toBe(false);
  });

  it('offers no suggestion for a variable far from every known one', () => {
    expect(closestVariable('weather.tomorrow')).toBeNull();
    expect(closestVariable('contact.nme')).toBe('contact.name');
  });

  it('finds unknown variables in tips, objections and capture labels too, each with its own path', () => {
    const s = fr();
    s.steps[0]!.tips[0] = 'Voir {agent.nom}';
    s.objections[2]!.answers[1] = 'Le {jour}';
    s.steps[2]!.captures[1]!.label = 'Date {x}';
    const paths = checkScript(s).filter((i) => i.code === 'unknown_variable').map((i) => i.path);
    expect(paths).toEqual(['steps.0.tips.0', 'steps.2.captures.1.label', 'objections.2.answers.1']);
  });

  it('refuses empty texts, naming the field', () => {
    const s = fr();
    s.name = '  ';
    s.steps[3]!.title = '';
    s.roles.accountant = '';
    const empty = checkScript(s).filter((i) => i.code === 'empty_text').map((i) => i.path);
    expect(empty).toEqual(['name', 'steps.3.title', 'roles.accountant']);
  });

  it('counts a variable as one word and holds each say to the concision budget', () => {
    expect(sayWordCount('Bonjour {contact.name}, c’est bien vous ?')).toBe(5);
    const s = fr();
    step(s, 'listening').say = Array.from({ length: 30 }, () => 'mot').join(' ');
    expect(codes(s, 29)).toContain('say_too_long');
    expect(codes(s, 30)).not.toContain('say_too_long');
    const issue = checkScript(s, { sayWordBudget: 20 }).find((i) => i.code === 'say_too_long' && i.path === `steps.${stepIndex(s, 'listening')}.say`)!;
    expect(issue.values).toMatchObject({ words: 30, budget: 20 });
  });

  it('wants an amount and a date in the commitment step (concrete)', () => {
    const s = fr();
    step(s, 'commitments').say = 'Quand réglez-vous ?';
    expect(codes(s)).toEqual(expect.arrayContaining(['commitment_no_amount', 'commitment_no_date']));
    step(s, 'commitments').say = 'Je reformule : vous réglez {promise.amount}. C’est bien cela ?';
    expect(codes(s)).not.toContain('commitment_no_amount');
    expect(codes(s)).toContain('commitment_no_date');
    step(s, 'commitments').captures.push({ id: 'on', type: 'date', label: 'Date', required: true });
    expect(codes(s)).not.toContain('commitment_no_date');
  });

  it('wants a courtesy formula in the opening and the closing, in the script’s language', () => {
    const s = fr();
    step(s, 'presentation').say = '{agent.name}, de {agent.company}.';
    step(s, 'conclusion').say = 'Le récapitulatif part aujourd’hui.';
    const courtesy = checkScript(s).filter((i) => i.code === 'no_courtesy').map((i) => i.values.step);
    expect(courtesy).toEqual(['presentation', 'conclusion']);
    const e = en();
    step(e, 'conclusion').say = 'Merci, {contact.name}.';
    expect(codes(e)).toContain('no_courtesy');
  });

  it('asks no script capture for the reason’s details: the call screen has its own field, which reaches the recap', () => {
    expect(MACHINE_CAPTURES).toEqual([]);
    expect(step(fr(), 'delay_reason').captures.map((c) => c.id)).not.toContain('reason_detail');
    const s = fr();
    step(s, 'delay_reason').captures = [];
    expect(codes(s)).not.toContain('missing_capture');
  });

  it('refuses duplicate field ids, option values and objection ids', () => {
    const s = fr();
    const explanation = step(s, 'explanation');
    explanation.captures.push({ ...explanation.captures[1]! });
    s.objections.push({ ...s.objections[0]! });
    const found = codes(s);
    expect(found).toContain('duplicate_field');
    expect(found).toContain('duplicate_objection');
    const options = fr();
    const choice = step(options, 'explanation').captures[0]!;
    if (choice.type !== 'choice') throw new Error('fixture');
    choice.options.push({ value: 'yes', label: 'Encore oui' });
    expect(codes(options)).toContain('duplicate_option');
  });

  it('refuses an objection without an answer, but not a blank answer line being typed beside real ones', () => {
    const s = fr();
    s.objections[0]!.answers = ['  '];
    expect(checkScript(s).find((i) => i.code === 'objection_without_answer')).toMatchObject({ path: 'objections.0.answers' });
    const typing = fr();
    typing.objections[0]!.answers.push('');
    expect(codes(typing)).not.toContain('objection_without_answer');
    expect(codes(typing)).not.toContain('empty_text');
  });

  it('warns on 4 C wording without blocking publication', () => {
    const s = fr();
    step(s, 'listening').say = 'Vous devez payer. Je vous écoute.';
    const issues = checkScript(s);
    expect(issues.find((i) => i.code === 'wording')).toMatchObject({ severity: 'warning', values: { rule: 'obligation' } });
    expect(canPublish(issues)).toBe(true);
  });

  it('reports missing and misplaced steps, errors before warnings', () => {
    const s = fr();
    const [a, b] = [s.steps[1]!, s.steps[2]!];
    s.steps[1] = b;
    s.steps[2] = a;
    s.steps.pop();
    step(s, 'listening').say = 'Vous devez payer. Je vous écoute.';
    const issues = checkScript(s);
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['missing_step', 'unexpected_step']));
    const firstWarning = issues.findIndex((i) => i.severity === 'warning');
    expect(issues.slice(firstWarning).every((i) => i.severity === 'warning')).toBe(true);
  });
});
