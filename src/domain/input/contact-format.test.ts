import { describe, expect, it } from 'vitest';
import { checkEmail, checkPhone, contactFieldProblems, isEmailAddress, isPhoneNumber } from './contact-format';

describe('checkEmail', () => {
  it('accepts the addresses collection teams meet', () => {
    for (const ok of ['compta@boulangerie-martin.fr', 'claire.dubois+factures@ex.co.uk', "o'brien@example.ie", 'A_B-c@sub.example.com']) {
      expect(isEmailAddress(ok), ok).toBe(true);
    }
    expect(checkEmail('  compta@example.fr ')).toEqual({ ok: true, email: 'compta@example.fr' });
  });

  it('refuses an address that would hijack a mailto link', () => {
    expect(isEmailAddress('x?bcc=thief%40evil.example&y=@example.com')).toBe(false);
    expect(isEmailAddress('a@b.fr?cc=c@d.fr')).toBe(false);
    expect(isEmailAddress('a@b.fr,c@d.fr')).toBe(false);
    expect(isEmailAddress('javascript:alert(1)@x.fr')).toBe(false);
  });

  it('refuses malformed addresses', () => {
    for (const bad of ['', 'compta', '@example.fr', 'a@', 'a@b', 'a@@b.fr', 'a..b@c.fr', '.a@c.fr', 'a@-b.fr', 'a@b.1', 'a b@c.fr', 'a@b.fr\nBcc: x@y.fr', `${'a'.repeat(65)}@b.fr`]) {
      expect(isEmailAddress(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('checkPhone', () => {
  it('accepts French and international notations and gives a dialable form', () => {
    expect(checkPhone('01 84 60 12 34')).toEqual({ ok: true, phone: '01 84 60 12 34', dial: '0184601234' });
    expect(checkPhone('+33 (0)1.84.60.12.34')).toEqual({ ok: true, phone: '+33 (0)1.84.60.12.34', dial: '+33184601234' });
    expect(isPhoneNumber('06-11-22-33-44')).toBe(true);
    expect(isPhoneNumber('3639')).toBe(true);
  });

  it('refuses anything that is not a phone number', () => {
    for (const bad of ['javascript:alert(1)', 'tel:0184601234', '01 84 60 12 34 ext', '12', '+', '1234567890123456', '01 84;60', '0184601234?x=1']) {
      expect(isPhoneNumber(bad), bad).toBe(false);
    }
  });
});

describe('contactFieldProblems', () => {
  it('lets empty optional fields through and names each bad one', () => {
    expect(contactFieldProblems({ phone: '', email: '  ' })).toEqual([]);
    expect(contactFieldProblems({ phone: 'javascript:alert(1)', email: 'x?bcc=a%40b.c&y=@d.fr' })).toEqual(['phone', 'email']);
    expect(contactFieldProblems({ phone: '01 84 60 12 34' })).toEqual([]);
  });
});
