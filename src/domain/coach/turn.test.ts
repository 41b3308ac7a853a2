import { describe, expect, it } from 'vitest';
import { readTurn, pushesPayment } from './turn';

describe('readTurn', () => {
  it('reads a clean turn as good', () => {
    expect(readTurn('Je vous écoute. Je note chaque point.', { locale: 'fr', step: 'listening', special: 'none' })).toMatchObject({ behaviour: 'good', hints: [], stepRule: null });
  });

  it('hears rudeness before anything else', () => {
    const reading = readTurn('Euh, vous devez payer, sinon je porte plainte.', { locale: 'fr', step: 'listening', special: 'none' });
    expect(reading.behaviour).toBe('courtesy');
    expect(reading.hints.some((h) => h.law)).toBe(true);
  });

  it('catches the step rules a text can show', () => {
    expect(readTurn('Très bien. Autre chose ?', { locale: 'fr', step: 'anticipation', special: 'none' }).stepRule).toBe('no_upcoming');
    expect(readTurn('Fine, let us leave it there.', { locale: 'en', step: 'formalisation', special: 'none' }).stepRule).toBe('no_recap');
    expect(readTurn('Bonjour, c’est pour la facture.', { locale: 'fr', step: 'identification', special: 'gatekeeper' }).stepRule).toBe('no_right_person');
  });

  it('reads a payment demand to an insolvent company as a broken step rule, and a declared claim as right', () => {
    const push = 'Je comprends, toutefois la facture FA-2026-00412 de 1 200,00 € reste à régler le 12/12/2026. C’est bien cela ?';
    expect(readTurn(push, { locale: 'fr', step: 'commitments', special: 'insolvency' })).toMatchObject({ behaviour: 'step_rule', stepRule: 'push_insolvent' });
    expect(pushesPayment('We stop the reminders and declare our claim of €1,200.00 to the administrator.', 'en', 'insolvency')).toBe(false);
    expect(pushesPayment('Please pay invoice FA-2026-00412 by Friday.', 'en', 'insolvency')).toBe(true);
  });

  it('reads pushing a disputed invoice as a broken step rule, and setting it aside as right', () => {
    expect(readTurn('Merci de régler la facture FA-2026-00412 de 900,00 € le 12/12/2026.', { locale: 'fr', step: 'commitments', special: 'dispute' }).stepRule).toBe('push_disputed');
    expect(pushesPayment('Je mets la facture en attente et je vérifie avant tout paiement.', 'fr', 'dispute')).toBe(false);
  });
});
