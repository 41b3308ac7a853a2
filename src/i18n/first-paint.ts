/**
 * The first screen's texts without i18next's runtime. i18next is about 14 KB gzip, a fifth of what the
 * worklist downloads, and the shell and the worklist use two of its features: `{{name}}` interpolation (no
 * escaping, as configured in ./index.ts) and plurals by `count` (`key_one`, `key_many`, `key_other`, picked by
 * Intl.PluralRules, as i18next does). This resolves exactly those, over the same JSON files; i18next itself is
 * loaded as soon as a screen needs another namespace (./index.ts), and then answers every call.
 * first-paint.test.ts checks that both give the same text for every key of the eager namespaces, both languages.
 */

export type Bundles = Record<string, Record<string, Record<string, unknown>>>;
export interface TextOptions {
  count?: number;
  lng?: string;
  defaultValue?: string;
  [name: string]: unknown;
}

export const DEFAULT_NS = 'common';

const rules = new Map<string, Intl.PluralRules>();
function pluralCategory(lng: string, count: number): string {
  let rule = rules.get(lng);
  if (!rule) rules.set(lng, (rule = new Intl.PluralRules(lng)));
  return rule.select(count);
}

function lookup(bundles: Bundles, lng: string, ns: string, path: string): unknown {
  let node: unknown = bundles[lng]?.[ns];
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const PLACEHOLDER = /{{\s*([\w.]+)\s*}}/g;

function interpolate(text: string, options: TextOptions | undefined): string {
  if (!options) return text;
  return text.replace(PLACEHOLDER, (match, name: string) => (name in options ? String(options[name]) : match));
}

/** `ns:path` → its namespace and path; a key without a namespace is in `common`. */
export function splitKey(key: string): { ns: string; path: string } {
  const at = key.indexOf(':');
  return at < 0 ? { ns: DEFAULT_NS, path: key } : { ns: key.slice(0, at), path: key.slice(at + 1) };
}

/** The text of `key` in `lng`, interpolated; undefined when the loaded files do not have it. */
export function resolveText(bundles: Bundles, lng: string, key: string, options?: TextOptions): string | undefined {
  const { ns, path } = splitKey(key);
  let value: unknown;
  if (typeof options?.count === 'number') {
    value = lookup(bundles, lng, ns, `${path}_${pluralCategory(lng, options.count)}`) ?? lookup(bundles, lng, ns, `${path}_other`);
  }
  value ??= lookup(bundles, lng, ns, path);
  return typeof value === 'string' ? interpolate(value, options) : undefined;
}
