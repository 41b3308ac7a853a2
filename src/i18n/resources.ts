import type { Resource } from 'i18next';

// Eager: both languages are a few KB, and a language switch offline must not need the network.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export const resources: Resource = {};
const namespaces = new Set<string>();
for (const [path, mod] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lng, ns] = match as unknown as [string, string, string];
  resources[lng] ??= {};
  (resources[lng] as Record<string, unknown>)[ns] = mod.default;
  namespaces.add(ns);
}
export const NAMESPACES = [...namespaces].sort();
