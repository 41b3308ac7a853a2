/**
 * The live 4 C coach's cost per keystroke (issue 12): `window.runCoachBench(keys)` types `keys` characters
 * of a sentence into the middle of a 2,000-character French recap email, one at a time, and times `coachText` on the whole
 * text after each one — what the recap editor does on every input event. The recap holds a few faults (a long
 * sentence, a filler, a conditional) so that the rules produce hints, as a real draft being edited does.
 */
import { coachText } from '../../src/domain/coach/rules';

declare global {
  interface Window {
    runCoachBench(keys: number): { chars: number; hints: number; recap: number[]; notes: number[] };
  }
}

const PARAGRAPH =
  'Bonjour Madame Dubois,\n\nJe vous remercie pour notre échange de ce jour au sujet de la facture FA-2026-00412 de 1 250,00 €, échue le 12/11/2026. ' +
  'Vous réglez cette facture le 12/12/2026 par virement, et la facture FA-2026-00433 de 980,00 € suit à son échéance du 20/12/2026. ' +
  'Du coup, je reste à votre disposition pour toute question sur ces deux factures, sur nos coordonnées bancaires ou sur le bon de livraison que vous avez mentionné pendant notre appel de ce matin avec votre comptable. ' +
  'Je pourrais aussi vous transmettre le relevé complet si besoin.\n\n';

function recapOf(length: number): string {
  let text = '';
  while (text.length < length) text += PARAGRAPH;
  return text.slice(0, length);
}

window.runCoachBench = (keys) => {
  let text = recapOf(2000);
  const recap: number[] = [];
  const notes: number[] = [];
  let hints = 0;
  // Warm the regular expressions and the JIT the way the first keystrokes of a session would.
  for (let i = 0; i < 20; i++) coachText(text, { locale: 'fr', kind: 'recap' });
  // The agent types a sentence at a cursor in the middle; the text stays at 2,000 characters (the end drops).
  const typed = ' Merci de confirmer la date du virement par retour de mail.';
  let cursor = 1000;
  for (let k = 0; k < keys; k++) {
    if (cursor > 1900) cursor = 1000;
    text = `${text.slice(0, cursor)}${typed[k % typed.length]}${text.slice(cursor, 1999)}`;
    cursor++;
    let t = performance.now();
    hints = coachText(text, { locale: 'fr', kind: 'recap' }).length;
    recap.push(performance.now() - t);
    t = performance.now();
    coachText(text, { locale: 'fr', kind: 'notes' });
    notes.push(performance.now() - t);
  }
  return { chars: text.length, hints, recap, notes };
};
document.getElementById('status')!.textContent = 'ready';
