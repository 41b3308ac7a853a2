/**
 * Translations wired to a Solid signal so every `t()` read inside JSX re-renders on a language switch.
 * Each feature owns one namespace file per language: locales/<lang>/<namespace>.json.
 *
 * The first screen (the shell and the worklist: the eager namespaces) is translated by ./first-paint.ts over
 * the loaded files, without i18next; i18next (a lazy chunk) starts as soon as a screen loads a namespace of
 * its own, and then answers every call. Both read the same files, held here.
 */
import type { i18n as I18next, TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_NS, resolveText, splitKey, type Bundles, type TextOptions } from './first-paint';
import { lazyFiles, parseLocalePath, resources, NAMESPACES } from './resources';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DEFAULT_LANG: Lang = 'fr';

const [lang, setLangSignal] = createSignal<Lang>(DEFAULT_LANG);
export { lang };

/** Every file loaded so far, `bundles[lng][ns]`: French common + worklist from the entry, the rest as fetched. */
const bundles: Bundles = {};
for (const [lng, namespaces] of Object.entries(resources)) bundles[lng] = { ...(namespaces as Record<string, Record<string, unknown>>) };

let initialized = false;
/** i18next once started (see `startEngine`). */
let engine: I18next | undefined;
let engineStart: Promise<I18next> | undefined;

/** What the rest of the app asks of the translations beside `t`. */
export const i18n = {
  get isInitialized(): boolean {
    return initialized;
  },
  get language(): Lang {
    return lang();
  },
  /** Whether `key` has a text (in `options.lng`, else the interface's language). */
  exists(key: string, options?: TOptions): boolean {
    if (engine) return engine.exists(key, options);
    return resolveText(bundles, (options?.lng as string | undefined) ?? lang(), key, options as TextOptions) !== undefined;
  },
  hasResourceBundle(lng: string, ns: string): boolean {
    return bundles[lng]?.[ns] !== undefined;
  },
};

function addBundle(lng: string, ns: string, data: Record<string, unknown>): void {
  (bundles[lng] ??= {})[ns] = data;
  engine?.addResourceBundle(lng, ns, data, true, true);
}

/** i18next, when started or starting, in `next` (one that failed to start is left for the next screen). */
async function engineLanguage(next: Lang): Promise<void> {
  await engineStart?.then(
    (instance) => instance.changeLanguage(next),
    () => undefined,
  );
}

/** Route namespaces to fetch as soon as the interface's language is known (see `prefetchTranslations`). */
let prefetched: readonly string[] = [];

/**
 * Starts fetching i18next ahead, for a page about to open (a reload or a link on a screen past the worklist),
 * so its code does not wait for the boot to finish before asking for it; and the page's namespaces once the
 * stored language is known (`initI18n`), rather than once the shell has rendered and the page asks for them
 * (the call screen's were then the last requests before it could paint, in Lighthouse's simulated loads).
 */
export function prefetchTranslations(namespaces: readonly string[] = []): void {
  startEngine().catch(() => undefined);
  prefetched = namespaces.filter((ns) => !NAMESPACES.includes(ns));
  if (initialized) prefetchNamespaces();
}

function prefetchNamespaces(): void {
  const wanted = prefetched;
  prefetched = [];
  // A failure is the page's to report when it asks for them (loadNamespaces).
  if (wanted.length > 0) loadBundles(lang(), wanted).catch(() => undefined);
}

/** Starts i18next over the files loaded so far (once): screens past the first one use its full runtime. */
function startEngine(): Promise<I18next> {
  engineStart ??= import('i18next').then(async ({ default: i18next }) => {
    const instance = i18next.createInstance();
    await instance.init({
      lng: lang(),
      fallbackLng: false,
      resources: {},
      ns: NAMESPACES,
      defaultNS: DEFAULT_NS,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    for (const [lng, namespaces] of Object.entries(bundles)) {
      for (const [ns, data] of Object.entries(namespaces)) instance.addResourceBundle(lng, ns, data, true, true);
    }
    engine = instance;
    // The language may have changed while it started.
    if (instance.language !== lang()) await instance.changeLanguage(lang());
    return instance;
  });
  // Not fetched (offline before the service worker cached it): the next screen that needs it tries again.
  engineStart.catch(() => (engineStart = undefined));
  return engineStart;
}

export async function initI18n(initial: Lang = DEFAULT_LANG): Promise<void> {
  let active = initial;
  try {
    await loadBundles(initial, NAMESPACES);
  } catch {
    // Its texts could not be fetched (offline before the service worker cached them): French ships with the
    // entry, so the app still starts, in French, rather than failing to boot.
    active = DEFAULT_LANG;
  }
  await engineLanguage(active);
  initialized = true;
  setLangSignal(active);
  document.documentElement.lang = active;
  prefetchNamespaces();
}

/** Fetches what `next` needs for the screens visited so far; rejects (offline, say) without changing anything. */
export function prepareLang(next: Lang): Promise<void> {
  return loadBundles(next, [...NAMESPACES, ...lazyLoaded]);
}

export async function setLang(next: Lang): Promise<void> {
  // The screens already visited need their texts in the new language before it shows.
  await prepareLang(next);
  await engineLanguage(next);
  document.documentElement.lang = next;
  setLangSignal(next);
}

/** Translate; `key` is `namespace:path.to.key` or a `common` key. Reactive on the active language. */
export function t(key: string, options?: TOptions): string {
  const lng = lang();
  if (engine) return engine.t(key, options as TOptions) as string;
  return resolveText(bundles, (options?.lng as string | undefined) ?? lng, key, options as TextOptions) ?? (options?.defaultValue as string | undefined) ?? splitKey(key).path;
}

/** Route namespaces asked for so far (the eager ones ship in every language with the entry). */
const lazyLoaded = new Set<string>();
/** `lng/ns` files loaded, or on their way. */
const loading = new Map<string, Promise<void>>();

function loadBundles(lng: string, namespaces: readonly string[]): Promise<void> {
  const jobs = Object.entries(lazyFiles).flatMap(([path, load]) => {
    const parsed = parseLocalePath(path);
    if (!parsed || parsed.lng !== lng || !namespaces.includes(parsed.ns)) return [];
    const key = `${lng}/${parsed.ns}`;
    let job = loading.get(key);
    if (!job) {
      job = load().then((mod) => addBundle(lng, parsed.ns, mod.default));
      // A failed fetch (offline without the service worker yet) may be retried on the next visit.
      job.catch(() => loading.delete(key));
      loading.set(key, job);
    }
    return [job];
  });
  return Promise.all(jobs).then(() => undefined);
}

/**
 * Loads namespaces in one given language, whatever the interface's: the call screen shows what is said to
 * the debtor in the script's language, table heads included.
 */
export async function loadNamespacesIn(lng: Lang, namespaces: readonly string[]): Promise<void> {
  await Promise.all([loadBundles(lng, namespaces), startEngine()]);
}

/** Translate in a fixed language (loaded with `loadNamespacesIn`), not the interface's. */
export function tIn(lng: Lang, key: string, options?: TOptions): string {
  // Its texts could not be fetched (offline before they were cached): the interface's words beat a raw key.
  if (!i18n.exists(key, { ...options, lng })) return t(key, options);
  if (!engine) return resolveText(bundles, lng, key, options as TextOptions) ?? t(key, options);
  return engine.getFixedT(lng)(key, options as TOptions) as string;
}

/**
 * Loads route namespaces in the active language only (the service worker precaches every language, so a
 * later switch stays offline-proof; setLang fetches them then), and starts i18next for the screen using them.
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  const wanted = namespaces.filter((ns) => !NAMESPACES.includes(ns));
  for (const ns of wanted) lazyLoaded.add(ns);
  if (wanted.length === 0) return;
  await Promise.all([loadBundles(lang(), wanted), startEngine()]);
}
