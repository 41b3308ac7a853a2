import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { Activity, type Task } from '../../../domain/entities';
import { emlFileName, fullMessageId, isEmailAddress, newMessageId, recapEml, recapMailto, recapStage, recapTaskDone, sentActivity, type RecapMessage } from './recap-send';

const MESSAGE: RecapMessage = {
  to: ' claire.dubois@boulangerie-martin.fr ',
  toName: 'Claire Dubois',
  subject: 'Récapitulatif de notre échange du 18/11/2026 — factures F-2026-0142',
  body: 'Bonjour Claire Dubois,\n\nComme convenu, vous procédez au règlement de 600,00 € le 25/11/2026.\n',
};
const FROM = { name: 'Camille Martin', address: 'recouvrement@atelier-lumiere.fr' };

describe('recap sending', () => {
  it('writes an .eml draft a real parser reads back: headers, accents, body', async () => {
    const id = newMessageId(Date.parse('2026-11-18T09:45:00Z'), 'a1b2-c3d4-e5f6');
    const eml = recapEml({ message: MESSAGE, from: FROM, at: '2026-11-18T09:45:00.000Z', messageId: id });
    const parsed = await PostalMime.parse(eml);
    expect(parsed.to).toEqual([{ name: 'Claire Dubois', address: 'claire.dubois@boulangerie-martin.fr' }]);
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(parsed.messageId).toBe(`<${fullMessageId(id, FROM)}>`);
    expect(parsed.date).toBe('2026-11-18T09:45:00.000Z');
    expect(parsed.text).toContain('600,00 € le 25/11/2026');
    expect(parsed.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
  });

  it('adds an HTML part whose invoice table holds the values of the text grid, escaped', async () => {
    const body = [
      'Bonjour Claire Dubois,',
      '',
      'Ce règlement concerne les factures suivantes :',
      '',
      'Facture      Date        Libellé              Montant TTC',
      '-----------  ----------  -------------------  -----------',
      'F-2026-0142  01/10/2026  Pains <&> croissants     600,00 €',
      '',
      'Bien cordialement,',
    ].join('\n');
    const eml = recapEml({ message: { ...MESSAGE, body }, from: FROM, at: '2026-11-18T09:45:00.000Z', messageId: 'recap.x', lang: 'fr' });
    const parsed = await PostalMime.parse(eml);
    expect(parsed.text).toContain('F-2026-0142  01/10/2026');
    const html = parsed.html ?? '';
    expect(html).toContain('<html lang="fr">');
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual(['F-2026-0142', '01/10/2026', 'Pains &lt;&amp;&gt; croissants', '600,00 €']);
    expect(html).not.toMatch(/src=|href=|<img|<link/);
  });

  it('gives each send its own message id, safe in a header', () => {
    const a = newMessageId(1_000, 'ab-cd');
    expect(a).toMatch(/^recap\.[0-9a-z]+\.abcd$/);
    expect(newMessageId(1_001, 'ab-cd')).not.toBe(a);
    expect(fullMessageId(a, { address: 'no-domain' })).toBe(`${a}@cadence.invalid`);
  });

  it('builds a mailto link, and none when the text is too long for a URL', () => {
    expect(recapMailto(MESSAGE)).toMatch(/^mailto:claire\.dubois@boulangerie-martin\.fr\?subject=R%C3%A9capitulatif/);
    expect(recapMailto({ ...MESSAGE, body: 'é'.repeat(2_000) })).toBeNull();
  });

  it('names the file after the debtor and the day', () => {
    expect(emlFileName('Boulangerie Müller & Fils SARL', '2026-11-18')).toBe('recapitulatif-boulangerie-muller-fils-sarl-2026-11-18.eml');
    expect(emlFileName('***', '2026-11-18')).toBe('recapitulatif-debiteur-2026-11-18.eml');
  });

  it('checks the recipient roughly', () => {
    expect(isEmailAddress(' compta@exemple.fr ')).toBe(true);
    expect(isEmailAddress('compta@exemple')).toBe(false);
    expect(isEmailAddress('')).toBe(false);
    expect(isEmailAddress('x?bcc=thief%40evil.example&y=@example.com')).toBe(false);
  });

  it('records the send as a valid email activity of the timeline', () => {
    const activity = sentActivity({
      id: 'e1',
      debtorId: 'd1',
      at: '2026-11-18T09:45:00.000Z',
      agent: 'Camille Martin',
      channel: 'eml',
      message: MESSAGE,
      messageId: 'recap.x@atelier-lumiere.fr',
      callActivityId: 'a1',
      stage: 'prepared',
    });
    expect(Activity.safeParse(activity).success).toBe(true);
    expect(activity).toMatchObject({ type: 'email', outcome: 'prepared', summary: MESSAGE.subject });
    expect(activity.details).toEqual({
      kind: 'call_recap',
      channel: 'eml',
      subject: MESSAGE.subject,
      to: 'claire.dubois@boulangerie-martin.fr',
      messageId: 'recap.x@atelier-lumiere.fr',
      callActivityId: 'a1',
    });
  });

  it('marks the recap task done once, and only that one', () => {
    const task = (id: string, done = false): Task => ({ schemaVersion: 1, id, debtorId: 'd1', kind: 'send_recap', dueDate: '2026-11-18', note: '', done });
    const at = '2026-11-18T09:45:00.000Z';
    expect(recapTaskDone([task('t1'), task('t2')], 't2', at)).toEqual({ ...task('t2'), done: true, doneAt: at });
    expect(recapTaskDone([task('t1', true)], 't1', at)).toBeNull();
    expect(recapTaskDone([task('t1')], null, at)).toBeNull();
  });
});

describe('recapStage', () => {
  const base = { id: 'e', debtorId: 'd1', agent: 'A', message: MESSAGE, messageId: 'm@x', callActivityId: 'a1' };
  const prepared = (at: string, channel: 'eml' | 'clipboard' | 'mailto') => sentActivity({ ...base, id: `p-${at}`, at, channel, stage: 'prepared' });
  it('is nothing until the recap leaves Cadence', () => {
    expect(recapStage([], 'a1')).toEqual({ stage: null, channel: null });
  });
  it('a download or a copy is only prepared, with the last channel used', () => {
    const list = [prepared('2026-11-18T10:00:00.000Z', 'eml'), prepared('2026-11-18T10:05:00.000Z', 'clipboard')];
    expect(recapStage(list, 'a1')).toEqual({ stage: 'prepared', channel: 'clipboard' });
    expect(recapStage(list, 'other-call')).toEqual({ stage: null, channel: null });
  });
  it('is sent once the agent confirmed it', () => {
    const list = [prepared('2026-11-18T10:00:00.000Z', 'eml'), sentActivity({ ...base, id: 's', at: '2026-11-18T10:10:00.000Z', channel: 'eml', stage: 'sent' })];
    expect(recapStage(list, 'a1')).toEqual({ stage: 'sent', channel: 'eml' });
  });
});
