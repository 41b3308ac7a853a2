/**
 * The live coach on the recap emails Cadence drafts itself: a draft straight from the app is the clean
 * recap the agent starts from, so the coach must have nothing to say about it, in either language, for every
 * delay reason and commitment shape.
 */
import { describe, expect, it } from 'vitest';
import { DELAY_REASONS } from '../call/reasons';
import { recapEmail, type RecapEmailInput } from '../drafts/recapEmail';
import { coachText } from './rules';

const invoices = [
  { number: 'FA-2026-00142', issueDate: '2026-09-02', dueDate: '2026-10-02', label: 'Maintenance des luminaires — septembre', amountExclVatCents: 100_000, amountInclVatCents: 120_000 },
  { number: 'FA-2026-00157', issueDate: '2026-09-20', dueDate: '2026-10-20', label: 'Lampes LED', amountExclVatCents: 45_050, amountInclVatCents: 54_060 },
];
const input = (over: Partial<RecapEmailInput> = {}): RecapEmailInput => ({
  locale: 'fr',
  contact: { name: 'Mme Roux' },
  signature: 'Camille Martin\nChargée de recouvrement\nAtelier Lumière SAS',
  callDate: '2026-11-07',
  reason: { code: 'approval_workflow' },
  commitments: [{ amountCents: 174_060, date: '2026-11-22', means: 'transfer' }],
  invoices,
  nextSteps: [{ kind: 'check_payment', date: '2026-11-24' }],
  ...over,
});

describe.each(['fr', 'en'] as const)('coach on app-drafted recaps (%s)', (locale) => {
  it.each(DELAY_REASONS.map((code) => [code]))('no hint with reason %s', (code) => {
    const { subject, text } = recapEmail(input({ locale, reason: { code, text: 'Précision' } }));
    expect(coachText(`${subject}\n${text}`, { locale, kind: 'recap' }).map((h) => `${h.code} «${`${subject}\n${text}`.slice(h.start, h.end)}»`)).toEqual([]);
  });
  it('no hint with two commitments and a duplicate to send', () => {
    const { subject, text } = recapEmail(
      input({ locale, commitments: [{ amountCents: 120_000, date: '2026-11-22', means: 'transfer' }, { amountCents: 54_060, date: '2026-12-22', means: 'cheque' }], nextSteps: [{ kind: 'send_duplicate' }] }),
    );
    expect(coachText(`${subject}\n${text}`, { locale, kind: 'recap' }).map((h) => h.code)).toEqual([]);
  });
});
