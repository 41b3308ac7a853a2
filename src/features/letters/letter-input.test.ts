import { DEFAULT_CREDITOR } from '../../storage/preferences';
import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeContact, makeDebtor, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { letterPlainText } from '../../domain/drafts/letterPlainText';
import { letter } from '../../domain/drafts/letters';
import { DEFAULT_SETTINGS, type RateSettings } from '../../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../../domain/penalties/rates';
import { fillLetter, previousReminders } from './letter-input';

const rates: RateSettings = { schemaVersion: 1, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };
const TODAY = '2026-11-23';

const bundle = makeBundle({
  contacts: [makeContact({ name: 'Paul Henry', preferred: false, id: 'c0' }), makeContact()],
  invoices: [
    makeInvoice({ id: 'i1', number: 'FA-2026-0001', dueDate: '2026-09-15', amountInclVatCents: 120_000, amountPaidCents: 20_000 }),
    makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-10-01', amountInclVatCents: 60_000 }),
    makeInvoice({ id: 'i3', number: 'FA-2026-0003', dueDate: '2026-12-20', amountInclVatCents: 10_000 }),
  ],
  activities: [
    makeActivity({ id: 'r1', type: 'email', at: '2026-09-21T06:30:00.000Z', outcome: 'sent', details: { step: 'first_reminder' } }),
    makeActivity({ id: 'r2', type: 'letter', at: '2026-10-07T06:30:00.000Z', outcome: 'sent', details: { step: 'second_reminder' } }),
  ],
});
const ctx = { bundle, settings: DEFAULT_SETTINGS, creditor: DEFAULT_CREDITOR, rates, today: TODAY };

describe('previousReminders', () => {
  it('quotes the written reminders of the current episode, oldest first', () => {
    expect(previousReminders(bundle, TODAY)).toEqual(['2026-09-21', '2026-10-07']);
  });
});

describe('fillLetter', () => {
  it('fills a French formal notice: both parties, overdue invoices only, penalties, deadline, how to pay', () => {
    const filled = fillLetter('formal_notice', ctx);
    expect(filled.invoiceIds).toEqual(['i1', 'i2']);
    expect(filled.input.debtor.contactName).toBe('Sophie Lemaire');
    expect(filled.input.penalties).toMatchObject({ basis: 'statutory', indemnityCents: 8_000, asOf: TODAY });
    expect(filled.input.penalties?.interestCents).toBeGreaterThan(0);
    expect(filled.totalCents).toBe(160_000 + (filled.input.penalties?.interestCents ?? 0) + 8_000);
    const text = letterPlainText(letter('formal_notice', filled.input));
    expect(text).toContain('mise en demeure');
    expect(text).toContain('Atelier Lumière SAS');
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toMatch(/FA-2026-0001[\s\S]*FA-2026-0002/);
    expect(text).not.toContain('FA-2026-0003');
    expect(text).toContain('01/12/2026'); // 8 days after 23 Nov
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).toContain('du 21/09/2026 et du 07/10/2026');
  });

  it('writes in the debtor’s language and leaves penalty amounts out of the first reminder', () => {
    const english = { ...ctx, bundle: { ...bundle, debtor: makeDebtor({ language: 'en' }) } };
    const filled = fillLetter('first_reminder', english);
    expect(filled.input.locale).toBe('en');
    expect(filled.input.penalties).toBeUndefined();
    const text = letterPlainText(letter('first_reminder', filled.input));
    expect(text).not.toMatch(/relance n°\s*1/i);
    expect(text).toContain('FA-2026-0002');
  });
});
