/**
 * The allowed range of a rate, in the UI's notation ("0 % à 15 %"), for the messages that refuse one: the
 * rate tables in Settings and a debtor's contractual rate in the dossier say it the same way.
 */
import { RATE_BOUNDS_BP, type RateKind } from '../domain/input/bounds';
import { bpToInput } from '../domain/money/parse';
import { lang, t } from '../i18n';

export function rateBoundsValues(kind: RateKind): { field: string; min: string; max: string } {
  const percent = (bp: number) => `${bpToInput(bp, lang()).replace(/[.,]00$/, '')} %`;
  return { field: t(`penalties:bounds.${kind}`), min: percent(RATE_BOUNDS_BP[kind].min), max: percent(RATE_BOUNDS_BP[kind].max) };
}
