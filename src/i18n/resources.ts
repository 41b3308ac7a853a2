import type { Resource } from 'i18next';

/**
 * Only what the first screen needs ships in the entry bundle: common + worklist in French, the default
 * language. Every other file is a lazy chunk: English common + worklist load during boot when the agent chose
 * English, route namespaces with their route (`loadNamespaces`). The service worker precaches every chunk, so
 * a language switch works offline too.
 */
const eagerFiles = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/fr/common.json', './locales/fr/worklist.json'], {
  eager: true,
});
export const lazyFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  './locales/*/*.json',
  '!./locales/fr/common.json',
  '!./locales/fr/worklist.json',
]);

export function parseLocalePath(path: string): { lng: string; ns: string } | undefined {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  return match ? { lng: match[1] as string, ns: match[2] as string } : undefined;
}

export const resources: Resource = {};
const namespaces = new Set<string>();
for (const [path, mod] of Object.entries(eagerFiles)) {
  const parsed = parseLocalePath(path);
  if (!parsed) continue;
  resources[parsed.lng] ??= {};
  (resources[parsed.lng] as Record<string, unknown>)[parsed.ns] = mod.default;
  namespaces.add(parsed.ns);
}
export const NAMESPACES = [...namespaces].sort();
