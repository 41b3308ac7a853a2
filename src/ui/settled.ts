import type { Resource } from 'solid-js';

/**
 * A resource's last value without ever suspending: `undefined` until its first answer, then the latest one,
 * also while it refetches. Reading a resource (even through `.latest` before it first resolves) ties it to
 * the nearest <Suspense>: every later refetch then swaps the whole page for the route's fallback and back,
 * which throws the keyboard focus to the top of the page. Sections that refresh a figure in place use this.
 */
export function settled<T>(resource: Resource<T>): T | undefined {
  const state = resource.state;
  return state === 'ready' || state === 'refreshing' ? resource.latest : undefined;
}
