import { describe, expect, it } from 'vitest';
import { applyPreset, autoMap, hasPaymentHeaders, headerKey, headerSignature, missingFields, presetFit, presetFromMapping } from './fields';

describe('autoMap', () => {
  it('maps French headers of a Sage-like aged balance', () => {
    const headers = ['Code client', 'Raison sociale', 'N° de facture', 'Date pièce', 'Date d’échéance', 'Montant TTC', 'Reste dû', 'Libellé', 'E-mail', 'Téléphone'];
    expect(autoMap(headers, 'aged_balance')).toEqual({
      customerCode: 0,
      customerName: 1,
      invoiceNumber: 2,
      issueDate: 3,
      dueDate: 4,
      invoiceAmount: 5,
      openAmount: 6,
      label: 7,
      email: 8,
      phone: 9,
    });
  });

  it('maps English headers, and takes "Montant TTC" alone as what is owed', () => {
    expect(autoMap(['Customer', 'Invoice No.', 'Due Date', 'Outstanding (EUR)'], 'aged_balance')).toEqual({ customerName: 0, invoiceNumber: 1, dueDate: 2, openAmount: 3 });
    expect(autoMap(['Client', 'Facture', 'Échéance', 'Montant TTC'], 'aged_balance')).toEqual({ customerName: 0, invoiceNumber: 1, dueDate: 2, openAmount: 3 });
  });

  it('maps a bank export as payments', () => {
    const headers = ['Date opération', 'Libellé', 'Montant', 'Client'];
    expect(autoMap(headers, 'payments')).toEqual({ paymentDate: 0, paymentReference: 1, paymentAmount: 2, customerName: 3 });
    expect(hasPaymentHeaders(headers)).toBe(true);
    expect(hasPaymentHeaders(['Client', 'Facture', 'Date', 'Montant'])).toBe(false);
  });

  it('names what is missing', () => {
    expect(missingFields({ invoiceNumber: 0, openAmount: 1 }, 'aged_balance')).toEqual(['customerName', 'dueDate']);
    expect(missingFields({}, 'payments')).toEqual(['paymentDate', 'paymentAmount']);
    expect(headerKey('N° de Facture ')).toBe('ndefacture');
  });
});

describe('presets', () => {
  it('save a mapping by header name and find it again in reordered columns', () => {
    const headers = ['Compte', 'Nom', 'Pièce', 'Échéance', 'Solde'];
    const preset = presetFromMapping('p1', 'Cegid', 'aged_balance', headers, autoMap(headers, 'aged_balance'));
    expect(preset.headers).toEqual({ customerCode: 'Compte', customerName: 'Nom', invoiceNumber: 'Pièce', dueDate: 'Échéance', openAmount: 'Solde' });
    const reordered = ['Solde', 'ECHEANCE', 'Compte', 'Nom', 'Pièce', 'Extra'];
    expect(applyPreset(preset, reordered)).toEqual({ openAmount: 0, dueDate: 1, customerCode: 2, customerName: 3, invoiceNumber: 4 });
    expect(presetFit(preset, reordered)).toBe(1);
    expect(presetFit(preset, ['Compte', 'Nom'])).toBe(0.4);
  });

  it('names a source by its columns: order, accents and case ignored, another column set differs', () => {
    const a = headerSignature(['Compte', 'Nom', 'Pièce', 'Échéance', 'Solde']);
    expect(headerSignature(['solde', 'ECHEANCE', 'Piece', 'nom', 'Compte '])).toBe(a);
    expect(headerSignature(['Compte', 'Nom', 'Pièce', 'Échéance', 'Reste dû'])).not.toBe(a);
    expect(headerSignature(['Compte', 'Nom', 'Pièce', 'Échéance'])).not.toBe(a);
    expect(a).toMatch(/^h5-[0-9a-f]{8}$/);
  });
});
