import { describe, expect, it } from 'vitest';
import { insertVariable, matchingVariables, openBraceQuery, textPieces } from './variable-input';

describe('the { picker', () => {
  it('finds the query the caret stands in', () => {
    expect(openBraceQuery('Bonjour {cont', 13)).toEqual({ start: 8, query: 'cont' });
    expect(openBraceQuery('Bonjour {', 9)).toEqual({ start: 8, query: '' });
    expect(openBraceQuery('Bonjour {contact.name} et', 25)).toBeNull();
    expect(openBraceQuery('Pas de brace', 5)).toBeNull();
  });

  it('lists matching variables, prefix matches first', () => {
    expect(matchingVariables('contact')).toEqual(['contact.name', 'contact.role']);
    expect(matchingVariables('date')).toEqual(['oldest.dueDate', 'promise.date']);
    expect(matchingVariables('').length).toBeGreaterThan(10);
  });

  it('inserts the chosen variable, eating a closing brace already there', () => {
    expect(insertVariable('Bonjour {co et', 11, 8, 'contact.name')).toEqual({ text: 'Bonjour {contact.name} et', caret: 22 });
    expect(insertVariable('Bonjour {co}', 11, 8, 'contact.name')).toEqual({ text: 'Bonjour {contact.name}', caret: 22 });
  });

  it('cuts text into chips, marking unknown variables where they stand', () => {
    expect(textPieces('Bonjour {contact.name}, {contact.nom} !')).toEqual([
      { kind: 'text', text: 'Bonjour ' },
      { kind: 'variable', name: 'contact.name', known: true },
      { kind: 'text', text: ', ' },
      { kind: 'variable', name: 'contact.nom', known: false },
      { kind: 'text', text: ' !' },
    ]);
  });
});
