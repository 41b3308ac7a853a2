import { describe, expect, it } from 'vitest';
import { encodeUriPart, mailtoHref, telHref } from './links';

describe('mailtoHref', () => {
  it('builds a link for a checked address, with encoded subject and body', () => {
    expect(mailtoHref(' compta@dupont.fr ')).toBe('mailto:compta@dupont.fr');
    expect(mailtoHref('b+c@x.fr', { subject: 'Facture & relance', body: 'Bonjour,\nMerci.' })).toBe(
      'mailto:b%2Bc@x.fr?subject=Facture%20%26%20relance&body=Bonjour%2C%0D%0AMerci.',
    );
    const url = new URL(mailtoHref('a@x.fr', { subject: "l'été (1/2)" }) ?? '');
    expect(url.searchParams.get('subject')).toBe("l'été (1/2)");
  });

  it('gives no link for an address that would smuggle a header', () => {
    expect(mailtoHref('x?bcc=thief%40evil.example&y=@example.com')).toBeNull();
    expect(mailtoHref('a@b.fr?cc=c@d.fr')).toBeNull();
    expect(mailtoHref('')).toBeNull();
  });
});

describe('telHref', () => {
  it('dials the digits of a phone number', () => {
    expect(telHref('01 84 60 12 34')).toBe('tel:0184601234');
    expect(telHref('+33 (0)1 84.60.12 34')).toBe('tel:+33184601234');
  });

  it('gives no link for what is not a phone number', () => {
    expect(telHref('javascript:alert(1)')).toBeNull();
    expect(telHref('')).toBeNull();
  });
});

describe('encodeUriPart', () => {
  it('encodes the characters encodeURIComponent leaves alone', () => {
    expect(encodeUriPart("!'()*?&=#")).toBe('%21%27%28%29%2A%3F%26%3D%23');
  });
});
