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
  let active = initial;
  try {
    await loadBundles(initial, NAMESPACES);
  } catch {
    // Its texts could not be fetched (offline before the service worker cached them): French ships with the
    // entry, so the app still starts, in French, rather than failing to boot.
    active = DEFAULT_LANG;
    await i18n.changeLanguage(active);
  }
  setLangSignal(active);
  document.documentElement.lang = active;
}

/** Fetches what `next` needs for the screens visited so far; rejects (offline, say) without changing anything. */
export function prepareLang(next: Lang): Promise<void> {
  return loadBundles(next, [...NAMESPACES, ...lazyLoaded]);
}

export async function setLang(next: Lang): Promise<void> {
  // The screens already visited need their texts in the new language before it shows.
  await prepareLang(next);
  await i18n.changeLanguage(next);
  document.documentElement.lang = next;
  setLangSignal(next);
}

/** Translate; `key` is `namespace:path.to.key` or a `common` key. Reactive on the active language. */
export function t(key: string, options?: TOptions): string {
  lang();
  return i18n.t(key, options as TOptions) as string;
}

/** Route namespaces asked for so far (the eager ones ship in every language with the entry). */
const lazyLoaded = new Set<string>();
/** `lng/ns` pairs in i18next, or on their way. */
const bundles = new Map<string, Promise<void>>();

function loadBundles(lng: string, namespaces: readonly string[]): Promise<void> {
  const jobs = Object.entries(lazyFiles).flatMap(([path, load]) => {
    const parsed = parseLocalePath(path);
    if (!parsed || parsed.lng !== lng || !namespaces.includes(parsed.ns)) return [];
    const key = `${lng}/${parsed.ns}`;
    let job = bundles.get(key);
    if (!job) {
      job = load().then((mod) => void i18n.addResourceBundle(lng, parsed.ns, mod.default, true, true));
      // A failed fetch (offline without the service worker yet) may be retried on the next visit.
      job.catch(() => bundles.delete(key));
      bundles.set(key, job);
    }
    return [job];
  });
  return Promise.all(jobs).then(() => undefined);
}

/**
 * Loads namespaces in one given language, whatever the interface's: the call screen shows what is said to
 * the debtor in the script's language, table heads included.
 */
export function loadNamespacesIn(lng: Lang, namespaces: readonly string[]): Promise<void> {
  return loadBundles(lng, namespaces);
}

/** Translate in a fixed language (loaded with `loadNamespacesIn`), not the interface's. */
export function tIn(lng: Lang, key: string, options?: TOptions): string {
  // Its texts could not be fetched (offline before they were cached): the interface's words beat a raw key.
  if (!i18n.exists(key, { ...options, lng })) return t(key, options);
  return i18n.getFixedT(lng)(key, options as TOptions) as string;
}

/**
 * Loads route namespaces in the active language only (the service worker precaches every language, so a
 * later switch stays offline-proof; setLang fetches them then).
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  const wanted = namespaces.filter((ns) => !NAMESPACES.includes(ns));
  for (const ns of wanted) lazyLoaded.add(ns);
  await loadBundles(lang(), wanted);
}
