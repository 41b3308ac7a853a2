import { describe, expect, it } from 'vitest';
import { coachText, sentencesOf, wordCount, type CoachHintCode, type CoachOptions } from './rules';

const codes = (text: string, options: CoachOptions): CoachHintCode[] => coachText(text, options).map((h) => h.code);
const fr = (kind: CoachOptions['kind'], step?: CoachOptions['step']): CoachOptions => ({ locale: 'fr', kind, ...(step ? { step } : {}) });
const en = (kind: CoachOptions['kind'], step?: CoachOptions['step']): CoachOptions => ({ locale: 'en', kind, ...(step ? { step } : {}) });

const CLEAN_RECAP_FR =
  'Bonjour Madame Dubois,\n\nJe vous remercie pour notre échange de ce jour. Je reprends votre engagement : ' +
  'vous réglez la facture FA-2026-00412 de 1 250,00 € le 12/12/2026 par virement.\n' +
  'Nos coordonnées bancaires figurent sur la facture. Je reste à votre disposition pour toute question.\n\nBien cordialement,\nCamille Martin';
const CLEAN_RECAP_EN =
  'Dear Ms Dubois,\n\nThank you for our call today. Here is your commitment: you pay invoice FA-2026-00412 of €1,250.00 ' +
  'on 12 December 2026 by bank transfer.\nOur bank details are on the invoice. I remain available for any question.\n\nKind regards,\nCamille Martin';

describe('coach rules: clean texts', () => {
  it('has no hint on a clean French recap', () => {
    expect(coachText(CLEAN_RECAP_FR, fr('recap'))).toEqual([]);
  });
  it('has no hint on a clean English recap', () => {
    expect(coachText(CLEAN_RECAP_EN, en('recap'))).toEqual([]);
  });
  it('has no hint on empty text', () => {
    expect(coachText('   ', fr('recap'))).toEqual([]);
  });
});

describe('clarity', () => {
  const long = 'Je vous appelle aujourd’hui parce que nous avons constaté dans nos livres que plusieurs factures émises au cours des derniers mois restent impayées malgré nos relances et nos échanges précédents avec votre service.';
  it('flags a French sentence over 25 words, with its range', () => {
    const h = coachText(long, fr('notes')).find((x) => x.code === 'long_sentence');
    expect(h).toMatchObject({ c: 'clarity', start: 0, end: long.length });
    expect(h?.params.words).toBeGreaterThan(25);
  });
  it('flags jargon in French and English', () => {
    expect(codes('Votre encours dépasse la limite.', fr('turn'))).toContain('jargon');
    expect(codes('Your aged balance shows it.', en('turn'))).toContain('jargon');
  });
  it('flags two requests in one turn', () => {
    expect(codes('Avez-vous reçu la facture ? Quand la réglez-vous ?', fr('turn', 'listening'))).toContain('several_requests');
    expect(codes('Did you get the invoice? When do you pay it?', en('turn', 'listening'))).toContain('several_requests');
    expect(codes('Quand la réglez-vous ?', fr('turn', 'listening'))).not.toContain('several_requests');
  });
  it('flags the conditional and the future in a spoken turn, not in a recap', () => {
    expect(codes('Vous pourriez régler demain ?', fr('turn', 'listening'))).toContain('conditional');
    expect(codes('You will pay tomorrow.', en('turn', 'listening'))).toContain('future');
    expect(codes('Vous réglerez la facture FA-2026-00412 de 300 € le 12/12/2026.', fr('recap'))).toEqual([]);
  });
  it('does not end a sentence inside an English amount', () => {
    expect(sentencesOf('You pay €1,250.00 on Friday. Thanks.').map((s) => s.words)).toEqual([5, 1]);
  });
});

describe('concision', () => {
  it('flags a French turn over 45 words', () => {
    const text = Array.from({ length: 6 }, () => 'Je note la facture et la date avec vous.').join(' ');
    expect(wordCount(text)).toBeGreaterThan(45);
    expect(codes(text, fr('turn', 'listening'))).toContain('long_turn');
  });
  it('flags filler words with their place', () => {
    const text = 'Euh, du coup, je vous écoute.';
    const fillers = coachText(text, fr('turn', 'listening')).filter((h) => h.code === 'filler');
    expect(fillers.map((h) => text.slice(h.start, h.end))).toEqual(['Euh', 'du coup']);
    expect(codes('Um, basically I listen.', en('turn', 'listening'))).toContain('filler');
  });
});

describe('concrete', () => {
  it('asks a recap for amount, date and invoice reference', () => {
    expect(codes('Merci pour votre appel. Vous réglez bientôt.', fr('recap'))).toEqual(['missing_amount', 'missing_date', 'missing_invoice']);
    expect(codes('Thanks for the call. You pay soon.', en('recap'))).toEqual(['missing_amount', 'missing_date', 'missing_invoice']);
  });
  it('asks a restated commitment for its facts, and accepts them', () => {
    expect(codes('Je reformule : vous réglez bientôt.', fr('turn', 'commitments'))).toEqual(
      expect.arrayContaining(['missing_amount', 'missing_date', 'missing_invoice']),
    );
    expect(codes('Je reformule : vous réglez la facture FA-2026-00412, 1 250,00 €, le 12 décembre par virement. C’est bien cela ?', fr('turn', 'commitments'))).toEqual([]);
    expect(codes('To confirm: you pay invoice FA-2026-00412, €1,250.00, on December 12 by transfer. Is that right?', en('turn', 'commitments'))).toEqual([]);
  });
  it('does not ask an ordinary listening turn for figures', () => {
    expect(codes('Je vous écoute.', fr('turn', 'listening'))).toEqual([]);
  });
});

describe('courtesy and the law', () => {
  it('flags threats of criminal action or public shaming as unlawful, even in notes', () => {
    const hints = coachText('Sinon je porte plainte et vos clients sauront tout.', fr('notes'));
    expect(hints.map((h) => [h.code, h.law])).toEqual([
      ['threat', true],
      ['threat', true],
    ]);
    expect(codes('Pay or we call the police and post it on social media.', en('turn', 'listening'))).toEqual(expect.arrayContaining(['threat']));
  });
  it('flags "vous devez", "vous avez tort", the imperative and tutoiement', () => {
    expect(codes('Vous devez payer.', fr('turn', 'listening'))).toContain('obligation');
    expect(codes('Vous avez tort.', fr('turn', 'listening'))).toContain('blame');
    expect(codes('Envoyez-moi le chèque.', fr('turn', 'listening'))).toContain('imperative');
    expect(codes('Tu as reçu la facture ?', fr('turn', 'listening'))).toContain('tutoiement');
    expect(codes('You must pay. You are wrong.', en('turn', 'listening'))).toEqual(expect.arrayContaining(['obligation', 'blame']));
  });
  it('wants a greeting to open and thanks to close', () => {
    expect(codes('Camille Martin, Atelier Lumière.', fr('turn', 'presentation'))).toContain('no_greeting');
    expect(codes('Bonjour, Camille Martin, Atelier Lumière.', fr('turn', 'presentation'))).toEqual([]);
    expect(codes('C’est noté.', fr('turn', 'conclusion'))).toContain('no_thanks');
    expect(codes('Thank you, goodbye.', en('turn', 'conclusion'))).toEqual([]);
  });
  it('flags rude words', () => {
    expect(codes('C’est n’importe quoi.', fr('notes'))).toContain('rude');
    expect(codes('That is nonsense.', en('notes'))).toContain('rude');
  });
});
