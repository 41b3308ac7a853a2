import { describe, expect, it } from 'vitest';
import { companyName, mailDomain, personEmail, slugify } from './names';
import { landline, mobile, ukLandline } from './places';
import { Rng } from './prng';

describe('names and contact details', () => {
  it('slugs French names into ASCII mail domains under the reserved .example TLD', () => {
    expect(slugify('Électricité Bonnet & Fils')).toBe('electricite-bonnet-et-fils');
    expect(mailDomain('Hôtel des Cévennes SARL')).toBe('hotel-des-cevennes.example');
    expect(personEmail('Anaïs', 'Lefèvre', 'x.example')).toBe('anais.lefevre@x.example');
  });

  it('builds company names that end with a French legal form', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 100; i++) expect(companyName(rng)).toMatch(/^\S.* (SAS|SARL|SA|SASU|EURL|SNC|SCOP)$/);
  });

  it('writes phone numbers in the fiction ranges, formatted 01 23 45 67 89', () => {
    expect(landline('04', 5502)).toBe('04 65 71 55 02');
    expect(landline('01', 7)).toBe('01 99 00 00 07');
    expect(mobile(123456)).toBe('06 39 98 34 56');
    expect(ukLandline(412)).toBe('+44 20 7946 0412');
  });
});
