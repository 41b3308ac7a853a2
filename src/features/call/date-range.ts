/**
 * The dates a call's messages quote: today and the last day of the one-year horizon, in the UI's locale,
 * so "Date de paiement : au plus tard le 18/11/2027" names the range instead of just saying "invalid".
 */
import { formatDate } from '../../domain/format';
import { horizonEnd } from '../../domain/input/bounds';

export function dateRangeValues(today: string, intl: string, years?: number): { today: string; max: string } {
  return { today: formatDate(today, intl), max: formatDate(horizonEnd(today, years), intl) };
}
