import { describe, expect, it } from 'vitest';
import { SETTINGS, TODAY, bundleFixture } from './call.fixtures';
import { buildCallFacts, withPromise } from './facts';
import { MISSING, SCRIPT_VARIABLES, fillScript, scriptParts, variablesIn, type ScriptWords } from './variables';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const words: ScriptWords = {
  roles: { accountant: 'comptable', manager: 'gérant', purchasing: 'achats', accounts_payable: 'fournisseurs', executive: 'direction', other: 'contact' },
};
const facts = buildCallFacts(bundleFixture(), SETTINGS, TODAY);

describe('variablesIn', () => {
  it('finds every {name}, known or not, in order', () => {
    expect(variablesIn('{agent.name} et {foo.bar}, puis {total.overdue}')).toEqual(['agent.name', 'foo.bar', 'total.overdue']);
    expect(variablesIn('aucune variable { ici }')).toEqual([]);
  });
});

describe('fillScript', () => {
  it('fills names, roles, totals and dates in French', () => {
    const text = 'Bonjour, {agent.name} de {agent.company}. {contact.name}, {contact.role} chez {debtor.name} ? {total.overdue} depuis le {oldest.dueDate} ({oldest.daysLate} jours).';
    expect(plain(fillScript(text, facts, 'fr', words))).toBe(
      'Bonjour, Camille Martin de Atelier Lumière SAS. Claire Dubois, comptable chez Boulangerie Martin SARL ? 1 800,00 € depuis le 14/10/2026 (35 jours).',
    );
  });

  it('lists overdue invoices with amount, due date and lateness, joined the way the language joins lists', () => {
    expect(plain(fillScript('{invoices.overdue}', facts, 'fr', words))).toBe(
      'F-2026-0101 (1 200,00 €, 14/10/2026, il y a 35 jours) et F-2026-0142 (600,00 €, 31/10/2026, il y a 18 jours)',
    );
    expect(fillScript('{invoices.overdue}', facts, 'en', words)).toBe(
      'F-2026-0101 (€1,200.00, 14/10/2026, 35 days ago) and F-2026-0142 (€600.00, 31/10/2026, 18 days ago)',
    );
  });

  it('says when an upcoming invoice falls due', () => {
    expect(plain(fillScript('{invoices.upcoming} — {total.upcoming} — {invoices.upcoming.count}', facts, 'fr', words))).toBe(
      'F-2026-0190 (360,00 €, 30/11/2026, dans 12 jours) — 360,00 € — 1',
    );
  });

  it('says what is awaited for a promise not made yet, and fills the promise once made', () => {
    expect(fillScript('{promise.amount} le {promise.date}', facts, 'fr', words)).toBe(`${MISSING} le ${MISSING}`);
    const awaited = { ...words, awaited: { 'promise.amount': 'montant à convenir', 'promise.date': 'date à convenir' } };
    expect(fillScript('{promise.amount} le {promise.date}', facts, 'fr', awaited)).toBe('montant à convenir le date à convenir');
    expect(scriptParts('{promise.amount}', facts, 'fr', awaited)).toEqual([
      { kind: 'value', variable: 'promise.amount', text: 'montant à convenir', missing: false, awaited: true },
    ]);
    const promised = withPromise(facts, { amountCents: 60_000, date: '2026-11-25' });
    expect(plain(fillScript('{promise.amount} le {promise.date}', promised, 'fr', words))).toBe('600,00 € le 25/11/2026');
  });

  it('leaves unknown variables as written (validation rejects them before)', () => {
    expect(fillScript('{nope} {agent.name}', facts, 'fr', words)).toBe('{nope} Camille Martin');
  });

  it('fills every known variable with something', () => {
    const promised = withPromise(facts, { amountCents: 1, date: TODAY });
    for (const v of SCRIPT_VARIABLES) {
      const out = fillScript(`{${v}}`, promised, 'en', words);
      expect(out, v).not.toContain('{');
      expect(out, v).not.toBe(MISSING);
    }
  });
});

describe('scriptParts', () => {
  it('keeps literal runs apart from values and hands invoice lists over as data', () => {
    const parts = scriptParts('Total {total.overdue} : {invoices.overdue}.', facts, 'fr', words);
    expect(parts.map((p) => p.kind)).toEqual(['text', 'value', 'text', 'invoices', 'text']);
    const list = parts[3];
    expect(list?.kind === 'invoices' && list.invoices.map((i) => i.number)).toEqual(['F-2026-0101', 'F-2026-0142']);
  });

  it('flags missing values', () => {
    const bundle = bundleFixture();
    bundle.contacts = [];
    const parts = scriptParts('{contact.name}', buildCallFacts(bundle, SETTINGS, TODAY), 'fr', words);
    expect(parts).toEqual([{ kind: 'value', variable: 'contact.name', text: MISSING, missing: true }]);
  });
});
