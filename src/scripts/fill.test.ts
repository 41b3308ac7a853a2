import { describe, expect, it } from 'vitest';
import { SETTINGS, TODAY, bundleFixture } from '../domain/call/call.fixtures';
import { buildCallFacts } from '../domain/call/facts';
import { EN_SCRIPT } from './builtin/en';
import { FR_SCRIPT } from './builtin/fr';
import { fillStep } from './fill';

const facts = buildCallFacts(bundleFixture(), SETTINGS, TODAY);
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('fillStep', () => {
  it('reads the upcoming invoices when there are some', () => {
    expect(plain(fillStep(FR_SCRIPT, 'anticipation', facts).say)).toContain('360,00 € au total : F-2026-0190');
  });

  it('says in a sentence that nothing is coming due, instead of an empty total and a gap', () => {
    const none = { ...facts, upcoming: [], totalUpcomingCents: 0 };
    const fr = fillStep(FR_SCRIPT, 'anticipation', none);
    expect(fr.say).toBe('Aucune autre facture n’arrive à échéance pour le moment. Tout est en ordre de votre côté pour la suite\u202f?');
    expect(fr.parts.some((p) => p.kind === 'value' && p.missing)).toBe(false);
    expect(fillStep(EN_SCRIPT, 'anticipation', none).say).toMatch(/^No other invoice is coming due/);
  });

  it('says what the restated promise awaits before it is made', () => {
    expect(fillStep(FR_SCRIPT, 'commitments', facts).say).toContain('vous réglez montant à convenir le date à convenir');
    expect(fillStep(EN_SCRIPT, 'commitments', facts).say).toContain('you pay amount to agree on date to agree');
  });
});
