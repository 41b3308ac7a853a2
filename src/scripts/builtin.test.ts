import { describe, expect, it } from 'vitest';
import { SETTINGS, TODAY, bundleFixture } from '../domain/call/call.fixtures';
import { buildCallFacts, withPromise } from '../domain/call/facts';
import { STEP_IDS } from '../domain/call/steps';
import { checkWording } from '../domain/call/wording';
import { BUILTIN_SCRIPTS, builtinScript, guideScript } from './builtin';
import { EN_SCRIPT } from './builtin/en';
import { FR_SCRIPT } from './builtin/fr';
import { fillStep, scriptFields } from './fill';
import type { CallScript } from './schema';
import { validateScript } from './validate';

/** What the agent says to the debtor: the words the 4 C rule is about. */
function spoken(script: CallScript): string[] {
  return [...script.steps.map((s) => s.say), ...script.objections.flatMap((o) => o.answers)];
}

describe.each(BUILTIN_SCRIPTS.map((s) => [s.locale, s] as const))('built-in script (%s)', (locale, script) => {
  it('passes validation', () => {
    expect(validateScript(script)).toEqual({ ok: true, script });
  });

  it('is the built-in for its language', () => {
    expect(builtinScript(locale)).toBe(script);
  });

  it('says nothing the 4 C wording checker flags', () => {
    const facts = withPromise(buildCallFacts(bundleFixture(), SETTINGS, TODAY), { amountCents: 60_000, date: '2026-11-25' });
    for (const text of spoken(script)) {
      expect(checkWording(text, locale), text).toEqual([]);
    }
    for (const id of STEP_IDS) {
      const filled = fillStep(script, id, facts).say;
      expect(checkWording(filled, locale), filled).toEqual([]);
      expect(filled).not.toMatch(/[{}]/);
    }
  });

  it('has an objection library of at least eight answers, with the seed’s answer', () => {
    expect(script.objections.length).toBeGreaterThanOrEqual(8);
    const seedAnswer = locale === 'fr' ? 'Je note votre remarque, et je la fais remonter dans nos services.' : 'I note your remark, and I pass it on to our team.';
    expect(script.objections.flatMap((o) => o.answers)).toContain(seedAnswer);
  });

  it('keeps to the facts at the explanation step: amounts, invoices, due date', () => {
    const explanation = script.steps.find((s) => s.id === 'explanation')!.say;
    for (const v of ['{total.overdue}', '{invoices.overdue}', '{oldest.dueDate}']) expect(explanation).toContain(v);
    expect(script.steps.find((s) => s.id === 'anticipation')!.say).toContain('{invoices.upcoming}');
  });
});

describe('built-in scripts together', () => {
  const [fr, en] = [builtinScript('fr'), builtinScript('en')];

  it('never use the phrasings the brief rules out, tips included', () => {
    const all = JSON.stringify(fr).toLowerCase();
    for (const phrase of ['vous devez', 'je vous invite à', 'je comprends, toutefois', 'vous avez tort']) expect(all).not.toContain(phrase);
  });

  it('offer the same objections and the same capture fields, so reports line up across languages', () => {
    expect(en.objections.map((o) => [o.id, o.reason])).toEqual(fr.objections.map((o) => [o.id, o.reason]));
    expect(scriptFields(en)).toEqual(scriptFields(fr));
  });

  it('guide the agent in the interface’s language, whatever the call’s script', () => {
    expect(guideScript(FR_SCRIPT, 'en')).toBe(EN_SCRIPT);
    expect(guideScript(EN_SCRIPT, 'fr')).toBe(FR_SCRIPT);
    expect(guideScript(FR_SCRIPT, 'fr')).toBe(FR_SCRIPT);
    const custom = { ...FR_SCRIPT, id: 'team.relance' };
    expect(guideScript(custom, 'en')).toBe(custom);
  });

  it('cover the objections the seeds name', () => {
    const ids = fr.objections.map((o) => o.id);
    for (const id of ['invoice_not_received', 'signatory_absent', 'cash_flow', 'incomplete_delivery', 'call_later', 'not_in_charge']) expect(ids).toContain(id);
  });
});
