import { describe, expect, it } from 'vitest';
import { builtinScript } from '../builtin';
import { fieldDomId, focusTarget, getAt, setAt } from './paths';
import { record, redo, startHistory, typedSpace, undo } from './history';

describe('paths', () => {
  const script = builtinScript('fr');

  it('reads and writes by dotted path, copying only what is on the way', () => {
    expect(getAt(script, 'steps.2.captures.1.label')).toBe('Date de paiement annoncée');
    const next = setAt(script, 'steps.2.captures.1.label', 'Date annoncée');
    expect(getAt(next, 'steps.2.captures.1.label')).toBe('Date annoncée');
    expect(getAt(script, 'steps.2.captures.1.label')).toBe('Date de paiement annoncée');
    expect(next.steps[3]).toBe(script.steps[3]);
    expect(next.objections).toBe(script.objections);
    expect(getAt(script, 'steps.99.say')).toBeUndefined();
  });

  it('names controls and falls back to the nearest one that exists', () => {
    expect(fieldDomId('steps.2.say')).toBe('sf-steps-2-say');
    const present = new Set(['sf-steps-2-captures']);
    expect(focusTarget('steps.2.captures.0.id', (id) => present.has(id))).toBe('sf-steps-2-captures');
    expect(focusTarget('roles.accountant', () => false)).toBeNull();
  });
});

describe('history', () => {
  it('coalesces keystrokes in one field, not across fields or pauses', () => {
    let h = startHistory('');
    h = record(h, 'B', 'say', 0);
    h = record(h, 'Bo', 'say', 300);
    h = record(h, 'Bon', 'say', 600);
    expect(h.past).toEqual(['']);
    h = record(h, 'Bon!', 'title', 700);
    expect(h.past).toEqual(['', 'Bon']);
    h = record(h, 'Bon!?', 'title', 5_000);
    expect(h.past).toEqual(['', 'Bon', 'Bon!']);
  });

  it('opens a new step at each word typed without a pause', () => {
    expect(typedSpace('Bonjour', 'Bonjour ')).toBe(true);
    expect(typedSpace('Bonjourmadame', 'Bonjour madame')).toBe(true);
    expect(typedSpace('Bonjour', 'Bonjourx')).toBe(false);
    expect(typedSpace('Bonjour ', 'Bonjour')).toBe(false);
    let h = startHistory('a');
    h = record(h, 'ab', 'say', 0);
    h = record(h, 'ab ', 'say', 10, typedSpace('ab', 'ab '));
    h = record(h, 'ab c', 'say', 20);
    expect(undo(h).present).toBe('ab');
  });

  it('undoes and redoes, and a new edit drops the redo branch', () => {
    let h = startHistory(1);
    h = record(h, 2, 'a', 0);
    h = record(h, 3, 'b', 10);
    h = undo(h);
    expect(h.present).toBe(2);
    h = redo(h);
    expect(h.present).toBe(3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = record(h, 9, 'c', 20);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
