/**
 * i18next wired to a Solid signal so every `t()` read inside JSX re-renders on a language switch.
 * Each feature owns one namespace file per language: locales/<lang>/<namespace>.json.
 */
import i18next, { type TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { lazyFiles, parseLocalePath, resources, NAMESPACES } from './resources';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DEFAULT_LANG: Lang = 'fr';

const [lang, setLangSignal] = createSignal<Lang>(DEFAULT_LANG);
export { lang };

export const i18n = i18next.createInstance();

export async function initI18n(initial: Lang = DEFAULT_LANG): Promise<void> {
  await i18n.init({
    lng: initial,
    fallbackLng: false,
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  setLangSignal(initial);
  document.documentElement.lang = initial;
}

export async function setLang(next: Lang): Promise<void> {
  await i18n.changeLanguage(next);
  document.documentElement.lang = next;
  setLangSignal(next);
}

/** Translate; `key` is `namespace:path.to.key` or a `common` key. Reactive on the active language. */
export function t(key: string, options?: TOptions): string {
  lang();
  return i18n.t(key, options as TOptions) as string;
}

const loaded = new Set<string>(NAMESPACES);

/** Loads route namespaces (every language at once, so switching language later needs no network). */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  const wanted = namespaces.filter((ns) => !loaded.has(ns));
  if (wanted.length === 0) return;
  const jobs = Object.entries(lazyFiles).flatMap(([path, load]) => {
    const parsed = parseLocalePath(path);
    if (!parsed || !wanted.includes(parsed.ns)) return [];
    return [load().then((mod) => i18n.addResourceBundle(parsed.lng, parsed.ns, mod.default, true, true))];
  });
  await Promise.all(jobs);
  for (const ns of wanted) loaded.add(ns);
}
