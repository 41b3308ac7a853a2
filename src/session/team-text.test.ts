import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces, setLang } from '../i18n';
import type { LostEdit } from '../sync/protocol';
import { lostEditText } from './team-text';

/** French typography puts no-break spaces inside « » and before « : »: compare with plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

const EDIT: LostEdit = {
  mutationId: '0190f1a2-0000-7000-8000-0000000000e1',
  kind: 'contact',
  recordId: 'c1',
  field: 'phone',
  lost: '01 42 68 53 00',
  kept: '06 12 34 56 78',
  keptBy: 'Camille Martin',
  version: 3,
};

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['team']);
});

describe('lostEditText: the lost edit in words', () => {
  it('names the field, the value lost, the value kept and who made it, in French and in English', async () => {
    await setLang('fr');
    expect(plain(lostEditText(EDIT))).toBe(
      'Votre modification du champ « téléphone » (contact), « 01 42 68 53 00 », a été remplacée par celle de Camille Martin : « 06 12 34 56 78 ».',
    );
    await setLang('en');
    await loadNamespaces(['team']);
    expect(lostEditText(EDIT)).toBe('Your edit of the phone number (contact), “01 42 68 53 00”, was replaced by Camille Martin\'s: “06 12 34 56 78”.');
    await setLang('fr');
  });

  it('without the winner (an older server), still names the field and both values', () => {
    const { keptBy: _omitted, ...older } = EDIT;
    expect(plain(lostEditText(older))).toBe('Votre modification du champ « téléphone » (contact), « 01 42 68 53 00 », a été remplacée par « 06 12 34 56 78 ».');
  });

  it('says codes and cents as the agent knows them: a contact role by its label, an amount in euros, an emptied field', () => {
    expect(plain(lostEditText({ ...EDIT, field: 'role', lost: 'accountant', kept: 'manager' }))).toContain('« fonction » (contact), Comptable, a été remplacée par celle de Camille Martin : Gérant·e.');
    const credit = lostEditText({ ...EDIT, kind: 'debtor', field: 'creditLimitCents', lost: 150000, kept: 200000 });
    expect(plain(credit)).toContain('« encours autorisé » (débiteur)');
    expect(credit.replace(/\s/g, ' ')).toMatch(/1 500,00 €.*2 000,00 €/);
    expect(plain(lostEditText({ ...EDIT, field: 'email', lost: 'a@b.fr', kept: '' }))).toContain('celle de Camille Martin : (vide)');
  });
});
