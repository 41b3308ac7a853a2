import { describe, expect, it } from 'vitest';
import { builtinScript } from '../builtin';
import type { CallScript } from '../schema';
import { diffScripts } from './diff';

const v1 = (): CallScript => structuredClone(builtinScript('fr'));

describe('diffScripts', () => {
  it('finds nothing between a version and its copy', () => {
    expect(diffScripts(v1(), v1())).toEqual([]);
  });

  it('names the changed step and property, with both texts', () => {
    const v2 = v1();
    v2.steps[1]!.say = 'Bonjour {contact.name}, je suis bien chez {company.name} ?';
    expect(diffScripts(v1(), v2)).toEqual([
      { kind: 'changed', scope: 'step', id: 'identification', field: 'say', before: v1().steps[1]!.say, after: v2.steps[1]!.say },
    ]);
  });

  it('pairs captures by id: added, removed and changed each once', () => {
    const v2 = v1();
    const explanation = v2.steps[2]!;
    explanation.captures = explanation.captures.filter((c) => c.id !== 'announced_date');
    explanation.captures.push({ id: 'po_number', type: 'text', label: 'Bon de commande', required: false });
    explanation.captures[0]!.required = true;
    const changes = diffScripts(v1(), v2).map((c) => [c.kind, c.scope, c.stepId, c.id, c.field]);
    expect(changes).toEqual([
      ['changed', 'capture', 'explanation', 'invoices_received', 'required'],
      ['removed', 'capture', 'explanation', 'announced_date', ''],
      ['added', 'capture', 'explanation', 'po_number', ''],
    ]);
  });

  it('reads reordered objections as unchanged, and reports answers, reasons and role words', () => {
    const v2 = v1();
    v2.objections.reverse();
    v2.objections[0]!.answers.push('Je vous rappelle demain.');
    delete v2.objections[2]!.reason;
    v2.roles.manager = 'dirigeant';
    const changes = diffScripts(v1(), v2);
    expect(changes.map((c) => [c.scope, c.id, c.field])).toEqual([
      ['objection', v2.objections[2]!.id, 'reason'],
      ['objection', v2.objections[0]!.id, 'answers'],
      ['role', 'manager', 'word'],
    ]);
    expect(changes[2]).toMatchObject({ before: 'gérant', after: 'dirigeant' });
  });

  it('reports the script name and tips as text', () => {
    const v2 = v1();
    v2.name = 'Relance PME';
    v2.steps[0]!.tips = ['Sourire.'];
    const changes = diffScripts(v1(), v2);
    expect(changes[0]).toMatchObject({ scope: 'script', field: 'name', after: 'Relance PME' });
    expect(changes[1]).toMatchObject({ scope: 'step', id: 'presentation', field: 'tips', after: 'Sourire.' });
  });
});
