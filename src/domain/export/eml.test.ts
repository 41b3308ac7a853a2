import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { encodeWords, rfc5322Date, writeEml, type EmlInput } from './eml';

const body = [
  'Bonjour Mme Roux,',
  '',
  'Je vous remercie pour notre échange téléphonique du 07/07/2025.',
  'Comme convenu, vous procédez au règlement de 1\u202f740,60 € le 22/07/2025 par virement.',
  `Une ligne très longue ${'à éviter '.repeat(20)}fin.`,
  'Montant = 3 000 € ',
  '',
  'Bien cordialement,',
  'Camille Martin',
  '',
].join('\n');

const input: EmlInput = {
  from: { name: 'Camille Martin — Atelier Lumière', address: 'camille.martin@atelier-lumiere.fr' },
  to: [{ name: 'Élodie Roux', address: 'e.roux@dupont-batiment.fr' }, { address: 'compta@dupont-batiment.fr' }],
  cc: [{ name: 'Service "Recouvrement"', address: 'recouvrement@atelier-lumiere.fr' }],
  subject: 'Récapitulatif de notre échange du 07/07/2025 — factures F-2025-0142, F-2025-0157, F-2025-0199',
  text: body,
  date: '2025-07-07T08:45:00Z',
  messageId: 'recap-01J2ZK',
  draft: true,
};

describe('writeEml', () => {
  const raw = writeEml(input);

  it('uses CRLF only, and every line holding encoded-words stays within 76 characters', () => {
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(line.includes('=?') ? 76 : 78);
    }
    expect(raw).toMatch(/^[\x00-\x7f]*$/); // 7-bit clean on the wire
  });

  it('writes the MIME headers and the RFC 5322 date in Paris time', () => {
    expect(raw).toContain('\r\nMIME-Version: 1.0\r\n');
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
    expect(raw).toContain('\r\nDate: Mon, 07 Jul 2025 10:45:00 +0200\r\n');
    expect(raw).toContain('\r\nX-Unsent: 1\r\n');
    expect(rfc5322Date('2025-01-05T23:30:00Z')).toBe('Mon, 06 Jan 2025 00:30:00 +0100');
  });

  it('round-trips through postal-mime: headers, accents, body', async () => {
    const email = await PostalMime.parse(raw);
    expect(email.subject).toBe(input.subject);
    expect(email.from).toEqual({ name: 'Camille Martin — Atelier Lumière', address: 'camille.martin@atelier-lumiere.fr' });
    expect(email.to).toEqual([
      { name: 'Élodie Roux', address: 'e.roux@dupont-batiment.fr' },
      { name: '', address: 'compta@dupont-batiment.fr' },
    ]);
    expect(email.cc).toEqual([{ name: 'Service "Recouvrement"', address: 'recouvrement@atelier-lumiere.fr' }]);
    expect(email.messageId).toBe('<recap-01J2ZK@atelier-lumiere.fr>');
    expect(new Date(email.date ?? '').toISOString()).toBe('2025-07-07T08:45:00.000Z');
    expect(email.text?.replace(/\r\n/g, '\n')).toBe(body);
  });

  it('leaves a plain ASCII subject readable and encodes only what needs it', async () => {
    const raw2 = writeEml({ ...input, subject: 'Payment summary', from: { name: 'Camille Martin', address: 'c@x.fr' }, draft: false });
    expect(raw2).toContain('\r\nSubject: Payment summary\r\n');
    expect(raw2).toContain('From: Camille Martin <c@x.fr>\r\n');
    expect(raw2).not.toContain('X-Unsent');
    expect((await PostalMime.parse(raw2)).subject).toBe('Payment summary');
  });

  it('splits encoded-words on character boundaries', () => {
    const words = encodeWords('é'.repeat(40)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
  });
});

describe('writeEml with an HTML part', () => {
  const html = '<!DOCTYPE html>\n<html lang="fr"><body><p>Réglé le 22/07/2025 = 1\u202f740,60 €</p><table><tr><td>F-2025-0142</td></tr></table></body></html>\n';
  const raw = writeEml({ ...input, html });

  it('is multipart/alternative, plain text first, both parts read back by postal-mime', async () => {
    expect(raw).toMatch(/\r\nContent-Type: multipart\/alternative;\r\n boundary="=_cadence_[A-Za-z0-9]+"\r\n/);
    expect(raw.indexOf('Content-Type: text/plain')).toBeLessThan(raw.indexOf('Content-Type: text/html'));
    expect(raw).toMatch(/^[\x00-\x7f]*$/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const email = await PostalMime.parse(raw);
    expect(email.text).toBe(body);
    expect(email.html?.trim()).toBe(html.trim());
    expect(email.subject).toBe(input.subject);
  });

  it('stays a single text/plain part without HTML', () => {
    expect(writeEml(input)).not.toContain('multipart');
  });
});
