/**
 * Fewer, larger chunks where a screen's load waits on their number: the first screen and the call screen.
 *
 * Left to itself the bundler cuts one chunk per distinct set of importers, and the worklist's module worker
 * (an entry of its own that shares the page's chunks) multiplies those sets: the worklist fetched 16 scripts
 * before it could start, the call screen 37 more (now 3 and 10). Over HTTP/1.1 (6 connections per origin) on a slow phone
 * link each round of requests costs a round trip: Lighthouse's simulated slow 4G put most of the call
 * screen's 3.5–4 s LCP in that waterfall. Grouped here, from the module graph as built:
 *
 * - `shared`: what the page and the worklist worker both import statically (each still downloads it once);
 * - `boot`: what only the page imports statically (the worker never evaluates it: it touches the DOM);
 * - `worker-side`: what only the worker imports statically;
 * - for the lazy modules the call screen reaches (its page, and the storage modules it reads at once):
 *   `call-screen`, what only it (and the studio's preview of it) uses; `call-machine`, xstate and the call
 *   machine, which the training simulation also runs; `lazy-base`, what nearly every page needs (zod,
 *   entities, formats); `call-common`, the rest it shares with a few pages; `call-needs`, what the call's
 *   other lazy roots (the team session, the script library) reach and the screen's own code does not.
 *
 * Everything else keeps the bundler's own cut: the other pages' own code, translations, and whatever the
 * worklist fetches once shown (so the first screen never downloads a group made for the call screen). The
 * price: a page that shares a little of `call-common` downloads all of it, fewer round trips for more bytes
 * (past the first screen, the dossier fetches 20 scripts, 60.7 KB gzip, where it fetched 33, 39.8 KB; the
 * call screen 10 scripts, 84.4 KB, where it fetched 37, 85.1 KB).
 */
import type { Plugin } from 'vite';

type ModuleInfoLike = { isEntry: boolean; importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] };

/** The call screen's lazy roots: its page, and the storage modules `prefetchRoute` fetches with it. */
const CALL_ROOTS = [/src\/features\/call\/CallPage\.tsx$/, /src\/storage\/(dossiers|calls|plans|preferences)\.ts$/];
/** Roots that only the call screen's own code serves: the page, the studio's preview of it, the rescue copy. */
const CALL_SCREEN = [/src\/features\/call\/CallPage\.tsx$/, /src\/features\/call\/preview\/ScriptPreviewPage\.tsx$/, /src\/storage\/call-rescue\.ts$/];
/** Roots that run the call machine (xstate): the call screen, its preview and the training simulation. */
const CALL_MACHINE = [CALL_SCREEN[0]!, CALL_SCREEN[1]!, /src\/features\/training\/SimulationPage\.tsx$/];
/**
 * Lazy roots the worklist itself fetches once shown (its rows, the resume banner and the calls it reads,
 * translations, the service worker's window side): modules they reach keep the bundler's own small chunks, so
 * the first screen does not download a group made for the call screen.
 */
const FIRST_SCREEN = [
  /src\/features\/worklist\//,
  /src\/ui\/ResumeCallBanner\.tsx$/,
  /src\/storage\/active-calls\.ts$/,
  /src\/i18n\//,
  /node_modules\/(i18next|workbox-window)\//,
  /src\/features\/pwa\//,
];
/**
 * What opening a call waits for beside its page (app/routes.tsx, `callPageNeeds`): the team session's four
 * modules and the script library, each a lazy root of its own. Cut by the bundler, they were six scripts of
 * 0.6–2.3 KB gzip (about 9 KB in all) in the call screen's last wave of requests.
 */
const CALL_NEEDS = [/src\/session\/(team-session|lazy-team-sync|live-events)\.ts$/, /src\/storage\/(team-device|script-library)\.ts$/];
/**
 * Reading a stored record needs zod and the small modules over it that the worklist's resume banner and the
 * call screen both read: the call frame, the calls in progress, the call links. Cut by the bundler, they were
 * five scripts (zod's 10 KB gzip and four of 0.5–0.8 KB), fetched together by both: one chunk, `records`.
 * The worklist fetches it only for its resume banner, once its rows are shown.
 */
const RECORDS = [/node_modules\/zod\//, /src\/domain\/primitives\.ts$/, /src\/storage\/(call-frame|active-calls)\.ts$/, /src\/ui\/call-links\.ts$/];
/** A lazy module reached from this many roots or more is one nearly every page needs (zod, entities, formats). */
const WIDELY_SHARED = 20;

/** The group of a lazy module the call screen needs, from the lazy roots that import it statically. */
export function lazyGroup(roots: readonly string[]): string | null {
  const within = (set: readonly RegExp[]) => roots.every((r) => set.some((re) => re.test(r)));
  if (roots.some((r) => FIRST_SCREEN.some((re) => re.test(r)))) return null;
  if (!roots.some((r) => CALL_ROOTS.some((re) => re.test(r)))) return roots.some((r) => CALL_NEEDS.some((re) => re.test(r))) ? 'call-needs' : null;
  if (within(CALL_SCREEN)) return 'call-screen';
  if (within(CALL_MACHINE)) return 'call-machine';
  return roots.length >= WIDELY_SHARED ? 'lazy-base' : 'call-common';
}

/**
 * The call screen's translations, two files per language instead of five (the page waits for all of them
 * before it renders): `call` and `callscreen`, which only the call, its preview and the studio load, and
 * `coach`, `drafts` and `recap`, which the call and the dossier load together (the settings, which load
 * `drafts` alone, now fetch the other two with it: 3.4 KB gzip in French).
 */
export function translationGroup(id: string): string | null {
  const match = /\/src\/i18n\/locales\/(\w+)\/(call|callscreen|coach|drafts|recap)\.json$/.exec(id);
  if (!match) return null;
  return `${match[2] === 'call' || match[2] === 'callscreen' ? 'call-texts' : 'followup-texts'}-${match[1]}`;
}

export interface ChunkGroups {
  /** Computes the groups once the module graph is known (`buildEnd`, before chunks are cut). */
  plugin: Plugin;
  /** For `codeSplitting.groups[].name`: a group name, or null to leave the module to the bundler. */
  nameOf: (id: string) => string | null;
}

/** Every module `from` imports statically, transitively, itself included, minus `stop`. */
function closure(from: Iterable<string>, info: (id: string) => ModuleInfoLike | null, stop: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || stop.has(id)) continue;
    seen.add(id);
    stack.push(...(info(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * `workers`: absolute paths of the module workers built as entries of the app (see vite.config.ts); every
 * other entry is the page's.
 */
export function chunkGroups(workers: readonly string[]): ChunkGroups {
  const groupOf = new Map<string, string>();
  const plugin: Plugin = {
    name: 'cadence-chunk-groups',
    apply: 'build',
    buildEnd() {
      groupOf.clear();
      const info = (id: string) => this.getModuleInfo(id) as ModuleInfoLike | null;
      const ids = [...this.getModuleIds()];
      const entries = ids.filter((id) => info(id)?.isEntry);
      const isWorker = (id: string) => workers.includes(id.split('?')[0]!);
      const page = closure(entries.filter((id) => !isWorker(id)), info);
      const worker = closure(entries.filter(isWorker), info);
      const initial = new Set([...page, ...worker]);
      for (const id of initial) {
        if (entries.includes(id)) continue;
        groupOf.set(id, page.has(id) && worker.has(id) ? 'shared' : page.has(id) ? 'boot' : 'worker-side');
      }
      // Lazy modules by the dynamic roots that reach them: only call-screen roots, or call-screen and others.
      const roots = new Set(ids.flatMap((id) => info(id)?.dynamicallyImportedIds ?? []).filter((id) => !initial.has(id)));
      const reachedBy = new Map<string, Set<string>>();
      for (const root of roots) {
        for (const id of closure([root], info, initial)) {
          let set = reachedBy.get(id);
          if (!set) reachedBy.set(id, (set = new Set()));
          set.add(root);
        }
      }
      for (const [id, by] of reachedBy) {
        const group = RECORDS.some((re) => re.test(id)) ? 'records' : lazyGroup([...by]);
        if (group) groupOf.set(id, group);
      }
    },
  };
  return { plugin, nameOf: (id) => groupOf.get(id) ?? translationGroup(id) };
}
