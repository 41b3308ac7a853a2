import { describe, expect, it } from 'vitest';
import { recapEmail, type RecapEmailInput } from './recapEmail';
import { frenchSpacingFaults } from '../../i18n/french-typography';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const invoices = [
  { number: 'F-2025-0142', issueDate: '2025-05-02', dueDate: '2025-06-01', label: 'Maintenance des luminaires — mai', amountExclVatCents: 100_000, amountInclVatCents: 120_000 },
  { number: 'F-2025-0157', issueDate: '2025-05-20', dueDate: '2025-06-19', label: 'Lampes LED', amountExclVatCents: 45_050, amountInclVatCents: 54_060 },
];
const input = (over: Partial<RecapEmailInput> = {}): RecapEmailInput => ({
  locale: 'fr',
  contact: { name: 'Mme Roux' },
  signature: 'Camille Martin\nChargée de recouvrement\nAtelier Lumière SAS',
  callDate: '2025-07-07',
  reason: { code: 'approval_workflow' },
  commitments: [{ amountCents: 174_060, date: '2025-07-22', means: 'transfer' }],
  invoices,
  nextSteps: [{ kind: 'check_payment', date: '2025-07-24' }],
  ...over,
});

describe('recapEmail (fr)', () => {
  const { subject, text } = recapEmail(input());
  const body = plain(text);

  it('has a subject with the call date and the invoice numbers', () => {
    expect(subject).toBe('Récapitulatif de notre échange du 07/07/2025 — factures F-2025-0142, F-2025-0157');
  });

  it('greets the contact, recalls the call, the neutral reason and the commitment', () => {
    expect(body.startsWith('Bonjour Mme Roux,\n\nJe vous remercie pour notre échange téléphonique du 07/07/2025.')).toBe(true);
    expect(body).toContain('la facture est en cours de validation dans votre circuit interne');
    expect(body).toContain('Comme convenu, vous procédez au règlement de 1 740,60 € le 22/07/2025 par virement.');
    expect(body).toContain('Je vérifie la bonne réception de votre règlement le 24/07/2025.');
  });

  it('lists the invoices with their amount incl. VAT and what is still owed, and the total still owed, columns aligned', () => {
    const lines = body.split('\n');
    const row = lines.find((l) => l.startsWith('F-2025-0157'));
    expect(row).toMatch(/F-2025-0157\s+20\/05\/2025\s+Lampes LED\s+540,60 €\s+540,60 €$/);
    const total = lines.find((l) => l.includes('Total restant dû'));
    expect(total?.endsWith('1 740,60 €')).toBe(true);
    expect(total?.length).toBe(row?.length);
    expect(body).toContain('Ce règlement solde ces factures.');
  });

  it('closes courteously with the signature from Settings', () => {
    expect(body).toMatch(/Je reste à votre disposition.*\n\nBien cordialement,\nCamille Martin\nChargée de recouvrement\nAtelier Lumière SAS\n$/);
  });

  it('keeps to the seeds’ tone: no "vous devez", no conditional, no imperative', () => {
    expect(body).not.toMatch(/vous devez|vous ne devez|vous avez tort/i);
    expect(body).not.toMatch(/\b\w+(rais|rait|rions|riez|raient)\b/);
    expect(body).not.toMatch(/\b(payez|réglez|veuillez)\b/i);
  });
});

describe('recapEmail variants', () => {
  it('never writes "bad faith" or the note attached to it', () => {
    const r = recapEmail(input({ reason: { code: 'bad_faith', text: 'client de mauvaise foi' } }));
    expect(r.text).not.toMatch(/foi|mauvaise/);
  });

  it('adds the free-text detail and lists several commitments and next steps', () => {
    const r = recapEmail(
      input({
        reason: { code: 'cash_flow', text: 'attente du paiement de leur client' },
        commitments: [
          { amountCents: 100_000, date: '2025-07-15', means: 'transfer' },
          { amountCents: 74_060, date: '2025-08-15', means: 'other' },
        ],
        nextSteps: [{ kind: 'check_payment', date: '2025-07-17' }, { kind: 'call_back', date: '2025-08-18', time: '14:30' }],
      }),
    );
    const body = plain(r.text);
    expect(body).toContain('Précision notée : attente du paiement de leur client');
    expect(body).toContain('vous procédez aux règlements suivants :\n- 1 000,00 € le 15/07/2025 par virement\n- 740,60 € le 15/08/2025\n');
    expect(body).toContain('Ces règlements concernent les factures suivantes :');
    expect(body).toContain('Ces règlements soldent ces factures.');
    expect(body).toContain('La suite :\n- je vérifie la bonne réception de votre règlement le 17/07/2025.\n- je vous rappelle le 18/08/2025 à 14 h 30, comme convenu.');
  });

  it('writes English for an English-speaking debtor', () => {
    const r = recapEmail(input({ locale: 'en', contact: { name: 'Mr Smith' }, nextSteps: [{ kind: 'send_duplicate' }] }));
    expect(r.subject).toBe('Summary of our call on 07/07/2025 — invoices F-2025-0142, F-2025-0157');
    expect(r.text).toContain('Dear Mr Smith,');
    expect(r.text).toContain('As agreed, you are paying €1,740.60 on 22/07/2025 by bank transfer.');
    expect(r.text).toContain('I am sending you a certified duplicate of the invoice.');
    expect(r.text).toContain('Outstanding');
    expect(r.text).not.toMatch(/Bonjour|convenu|Je vous|Montant|cordialement/);
  });

  it('shortens the subject beyond three invoices and copes with no invoice at all', () => {
    const many = [...invoices, { ...invoices[0]!, number: 'F-3' }, { ...invoices[0]!, number: 'F-4' }];
    expect(recapEmail(input({ invoices: many })).subject).toMatch(/F-2025-0142, F-2025-0157, F-3…$/);
    const none = recapEmail(input({ invoices: [], commitments: [], nextSteps: [], reason: undefined }));
    expect(none.subject).toBe('Récapitulatif de notre échange du 07/07/2025');
    expect(none.text).not.toContain('Total');
  });
});

describe('recapEmail states what is still owed, never full amounts as if unpaid', () => {
  // Issue 10: a 1 500 € commitment next to a 1 800 € "total" of invoices of which 300 € were already paid.
  const partlyPaid = [
    { ...invoices[0]!, amountInclVatCents: 120_000, outstandingCents: 90_000 },
    { ...invoices[1]!, amountInclVatCents: 60_000, outstandingCents: 60_000 },
  ];

  it('totals the remaining amounts, per invoice and in all, so a promise of the whole reads as the whole', () => {
    const body = plain(recapEmail(input({ invoices: partlyPaid, commitments: [{ amountCents: 150_000, date: '2025-07-22', means: 'transfer' }] })).text);
    const lines = body.split('\n');
    expect(lines.find((l) => l.startsWith('F-2025-0142'))).toMatch(/1 200,00 €\s+900,00 €$/);
    expect(lines.find((l) => l.includes('Total restant dû'))).toMatch(/1 500,00 €$/);
    expect(body).not.toContain('1 800,00 €');
    expect(body).toContain('Ce règlement solde ces factures.');
  });

  it('says what remains after a promise that covers part of the debt, in French and in English', () => {
    const big = [{ ...invoices[0]!, amountInclVatCents: 7_133_880, outstandingCents: 7_133_880 }];
    const fr = plain(recapEmail(input({ invoices: big, commitments: [{ amountCents: 123_456, date: '2025-07-22', means: 'transfer' }] })).text);
    expect(fr).toContain('Après ce règlement, il reste 70 104,24 € à régler sur ces factures.');
    const en = recapEmail(input({ locale: 'en', invoices: big, commitments: [{ amountCents: 123_456, date: '2025-07-22', means: 'transfer' }] })).text;
    expect(en).toContain('After this payment, €70,104.24 remains to be paid on these invoices.');
    expect(en).toContain('Total outstanding');
  });

  it('introduces the invoices without a payment when the call ended without one', () => {
    const body = plain(recapEmail(input({ commitments: [] })).text);
    expect(body).toContain('Voici les factures concernées et ce qui reste dû :');
    expect(body).not.toContain('Ce règlement');
  });
});

describe('recapEmail (fr) typography', () => {
  it('puts no-break spaces before : and ; so no sign wraps alone', () => {
    const r = recapEmail(
      input({
        reason: { code: 'dispute', text: 'palettes manquantes' },
        commitments: [
          { amountCents: 100_000, date: '2025-07-15', means: 'transfer' },
          { amountCents: 74_060, date: '2025-08-15', means: 'cheque' },
        ],
        nextSteps: [{ kind: 'check_payment', date: '2025-07-17' }, { kind: 'dispute_review' }],
        bankDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189',
      }),
    );
    expect(frenchSpacingFaults(r.text)).toEqual([]);
    expect(r.text).toContain('Précision notée\u00a0: palettes manquantes');
  });
});
