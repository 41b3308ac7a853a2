import { describe, expect, it } from 'vitest';
import { checkWording, type WordingCode } from './wording';

const codes = (text: string, locale: 'fr' | 'en' = 'fr'): WordingCode[] => checkWording(text, locale).map((i) => i.code);

describe('checkWording, French', () => {
  it.each([
    ['Vous devez régler cette facture.', 'obligation'],
    ['Vous ne devez pas attendre.', 'obligation'],
    ['Il faut que vous payiez.', 'obligation'],
    ['Vous avez tort de contester.', 'blame'],
    ['C’est de votre faute.', 'blame'],
    ['Pourriez-vous me confirmer la date ?', 'conditional'],
    ['Il serait bon de régler.', 'conditional'],
    ['Vous régleriez quand ?', 'conditional'],
    ['Vous réglerez la semaine prochaine.', 'future'],
    ['Nous enverrons le RIB.', 'future'],
    ['Le virement partira demain, cela ira.', 'future'],
    ['Je vais vérifier.', 'future'],
    ['Payez avant vendredi.', 'imperative'],
    ['Merci. Envoyez-nous le justificatif.', 'imperative'],
  ] as const)('flags « %s » as %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('reports "vous devriez" once, as an obligation', () => {
    expect(checkWording('Vous devriez payer.', 'fr')).toEqual([{ code: 'obligation', match: 'Vous devriez', index: 0 }]);
  });

  it('gives the words and their position', () => {
    const [issue] = checkWording('Bonjour. Vous devez payer.', 'fr');
    expect(issue).toEqual({ code: 'obligation', match: 'Vous devez', index: 9 });
  });

  it.each([
    'Bonjour, Camille Martin, du service comptabilité clients.',
    'Pouvez-vous me confirmer la date de règlement ?',
    'Quelle date de règlement retenez-vous ?',
    'Je note votre remarque, et je la fais remonter dans nos services.',
    'Je vous invite à vérifier la facture.',
    'Je comprends, toutefois la facture reste due.',
    'Les frais de port figurent sur la facture.',
    'Le retrait est possible, chez nous, assez vite.',
    'Vous considérez la facture comme réglée ?',
    'Rendez-vous est pris pour jeudi.',
  ])('leaves « %s » alone', (text) => {
    expect(checkWording(text, 'fr')).toEqual([]);
  });
});

describe('checkWording, English', () => {
  it.each([
    ['You must pay today.', 'obligation'],
    ['You have to settle this.', 'obligation'],
    ['You are wrong about the invoice.', 'blame'],
    ['Could you confirm the date?', 'conditional'],
    ['It would help.', 'conditional'],
    ['I will send it.', 'future'],
    ['We’ll see.', 'future'],
    ['Pay by Friday.', 'imperative'],
    ['Thanks. Please send the remittance.', 'imperative'],
  ] as const)('flags "%s" as %s', (text, code) => {
    expect(codes(text, 'en')).toContain(code);
  });

  it.each(['Can you confirm the payment date?', 'I am sending the invoice today.', 'What payment date suits you?'])('leaves "%s" alone', (text) => {
    expect(checkWording(text, 'en')).toEqual([]);
  });
});
