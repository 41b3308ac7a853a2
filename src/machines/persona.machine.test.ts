import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { STEP_IDS, type StepId } from '../domain/call/steps';
import { personaMachine } from './persona.machine';
import { replyText } from './persona.logic';
import { personaById } from './persona.testing';

function start(id: string) {
  return createActor(personaMachine, { input: { persona: personaById(id) } }).start();
}
const say = (step: StepId, behaviour: 'good' | 'clarity' | 'concision' | 'concrete' | 'courtesy' | 'step_rule' = 'good') =>
  ({ type: 'TURN', step, behaviour }) as const;

describe('persona machine', () => {
  it('warms up with good turns and closes on a dated promise at step 10', () => {
    const actor = start('forgetful-good-payer');
    const startMood = actor.getSnapshot().context.mood;
    for (const step of STEP_IDS) actor.send(say(step));
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('promise');
    expect(snap.context.outcome).toBe('promise');
    expect(snap.context.mood).toBeGreaterThan(startMood);
    expect(snap.hasTag('ended')).toBe(true);
  });

  it('answers each behaviour with the most specific line of its data', () => {
    const actor = start('forgetful-good-payer');
    const persona = personaById('forgetful-good-payer');
    actor.send(say('presentation'));
    actor.send(say('identification'));
    actor.send(say('explanation', 'concrete'));
    const reply = actor.getSnapshot().context.reply!;
    expect(reply).toMatchObject({ source: 'step', step: 'explanation', key: 'concrete' });
    expect(replyText(persona, reply)).toContain('numéro');
    actor.send(say('listening', 'courtesy'));
    expect(actor.getSnapshot().context.reply).toMatchObject({ source: 'reaction', key: 'courtesy' });
  });

  it('settles a promise without a date when the commitment is vague', () => {
    const actor = start('evasive-no-date');
    for (const step of STEP_IDS) actor.send(say(step, step === 'commitments' ? 'concrete' : 'good'));
    expect(actor.getSnapshot().value).toBe('promise_without_date');
  });

  it('loses patience and hangs up: the angry customer after two faults', () => {
    const actor = start('angry-customer');
    actor.send(say('presentation', 'clarity'));
    expect(actor.getSnapshot().value).toBe('talking');
    actor.send(say('identification', 'concision'));
    expect(actor.getSnapshot().value).toBe('hung_up');
    expect(actor.getSnapshot().context.reply).toMatchObject({ source: 'hang_up' });
  });

  it('hangs up at once when rudeness drops the mood to the floor', () => {
    const actor = start('angry-customer');
    actor.send(say('presentation', 'courtesy'));
    expect(actor.getSnapshot().value).toBe('hung_up');
  });

  it('refers to the right person and ends the call there when the gatekeeper is asked well', () => {
    const actor = start('gatekeeper');
    actor.send(say('presentation'));
    actor.send(say('identification'));
    expect(actor.getSnapshot().value).toBe('referred');
  });

  it('stops collection for the insolvent company, and pushing leaves no commitment', () => {
    const right = start('insolvency-proceedings');
    for (const step of STEP_IDS) right.send(say(step));
    expect(right.getSnapshot().value).toBe('collection_stopped');
    const pushed = start('insolvency-proceedings');
    for (const step of STEP_IDS) pushed.send(say(step, step === 'commitments' ? 'step_rule' : 'good'));
    expect(pushed.getSnapshot().value).toBe('no_commitment');
    expect(pushed.getSnapshot().context.patience).toBeLessThan(right.getSnapshot().context.patience);
  });

  it('skipping the commitments step leaves no commitment', () => {
    const actor = start('forgetful-good-payer');
    for (const step of STEP_IDS) actor.send(step === 'commitments' ? { type: 'SKIP', step } : say(step));
    expect(actor.getSnapshot().value).toBe('no_commitment');
  });

  it('ignores everything once ended', () => {
    const actor = start('gatekeeper');
    actor.send(say('presentation'));
    actor.send(say('identification'));
    actor.send(say('commitments'));
    expect(actor.getSnapshot().value).toBe('referred');
  });
});
