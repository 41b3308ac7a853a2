import { describe, expect, it } from 'vitest';
import { buildMailto } from './mailto';

describe('buildMailto', () => {
  it('encodes subject and body with CRLF line breaks', () => {
    const url = buildMailto({ to: ['e.roux@dupont.fr'], subject: 'Récapitulatif & suite', body: 'Bonjour,\nMerci.' });
    expect(url).toBe('mailto:e.roux@dupont.fr?subject=R%C3%A9capitulatif%20%26%20suite&body=Bonjour%2C%0D%0AMerci.');
    const parsed = new URL(url ?? '');
    expect(parsed.searchParams.get('subject')).toBe('Récapitulatif & suite');
    expect(parsed.searchParams.get('body')).toBe('Bonjour,\r\nMerci.');
  });

  it('lists several recipients and a cc', () => {
    expect(buildMailto({ to: ['a@x.fr', 'b+c@x.fr'], cc: ['d@x.fr'], subject: 's', body: 'b' })).toBe(
      'mailto:a@x.fr,b%2Bc@x.fr?cc=d@x.fr&subject=s&body=b',
    );
  });

  it('returns null when the URL would be too long, so the caller copies instead', () => {
    const body = 'é'.repeat(400); // 400 × "%C3%A9" = 2 400 characters
    expect(buildMailto({ to: ['a@x.fr'], subject: 's', body })).toBeNull();
    expect(buildMailto({ to: ['a@x.fr'], subject: 's', body }, 5000)).not.toBeNull();
    expect(buildMailto({ to: ['a@x.fr'], subject: 's', body: 'x'.repeat(1900) })?.length).toBeLessThanOrEqual(2000);
  });
});
