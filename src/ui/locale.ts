/** The Intl locale for the active UI language: French as written in France, English with day-first dates. */
import { lang, type Lang } from '../i18n';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Reactive: reading it inside JSX re-renders amounts and dates on a language switch. */
export function locale(): string {
  return LOCALES[lang()];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(n: number): string {
  const loc = locale();
  let f = numberFormats.get(loc);
  if (!f) {
    f = new Intl.NumberFormat(loc);
    numberFormats.set(loc, f);
  }
  return f.format(n);
}
