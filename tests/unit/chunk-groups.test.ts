import { describe, expect, it } from 'vitest';
import { chunkGroups, lazyGroup, translationGroup } from '../../tools/chunk-groups.ts';

const src = (p: string) => `/app/src/${p}`;

/** Runs the plugin's buildEnd over a small module graph, as the bundler would, and returns its `nameOf`. */
function groupsOf(graph: Record<string, { entry?: boolean; imports?: string[]; dynamic?: string[] }>, workers: string[] = []) {
  const groups = chunkGroups(workers);
  const context = {
    getModuleIds: () => Object.keys(graph)[Symbol.iterator](),
    getModuleInfo: (id: string) =>
      graph[id] ? { isEntry: graph[id].entry ?? false, importedIds: graph[id].imports ?? [], dynamicallyImportedIds: graph[id].dynamic ?? [] } : null,
  };
  (groups.plugin.buildEnd as unknown as (this: typeof context) => void).call(context);
  return groups.nameOf;
}

describe('lazyGroup', () => {
  it('leaves alone what the call screen does not need', () => {
    expect(lazyGroup([src('features/kpis/KpisPage.tsx')])).toBeNull();
  });
  it('puts what only the call screen (and its preview) uses in call-screen, the machine shared with training in call-machine', () => {
    expect(lazyGroup([src('features/call/CallPage.tsx'), src('features/call/preview/ScriptPreviewPage.tsx')])).toBe('call-screen');
    expect(lazyGroup([src('features/call/CallPage.tsx'), src('features/training/SimulationPage.tsx')])).toBe('call-machine');
  });
  it('shares the rest: a few pages in call-common, nearly every page in lazy-base', () => {
    expect(lazyGroup([src('features/call/CallPage.tsx'), src('features/dossier/DossierPage.tsx')])).toBe('call-common');
    expect(lazyGroup([src('storage/dossiers.ts')])).toBe('call-common');
    const many = Array.from({ length: 20 }, (_, i) => src(`features/p${i}/P${i}Page.tsx`));
    expect(lazyGroup([src('features/call/CallPage.tsx'), ...many])).toBe('lazy-base');
  });
  it("puts what only the call's other lazy roots reach (team session, script library) in call-needs", () => {
    expect(lazyGroup([src('session/team-session.ts')])).toBe('call-needs');
    expect(lazyGroup([src('storage/script-library.ts'), src('features/studio/ScriptsPage.tsx')])).toBe('call-needs');
    expect(lazyGroup([src('session/team-session.ts'), src('features/call/CallPage.tsx')])).toBe('call-common');
    expect(lazyGroup([src('session/live-events.ts'), src('features/worklist/VirtualRows.tsx')])).toBeNull();
  });
  it('never groups what the worklist fetches once shown: the first screen keeps its small chunks', () => {
    expect(lazyGroup([src('features/call/CallPage.tsx'), src('features/worklist/VirtualRows.tsx')])).toBeNull();
    expect(lazyGroup([src('storage/calls.ts'), src('ui/ResumeCallBanner.tsx')])).toBeNull();
  });
});

describe('translationGroup', () => {
  it("puts the call screen's namespaces in two files per language, and leaves the others alone", () => {
    expect(translationGroup(src('i18n/locales/fr/call.json'))).toBe('call-texts-fr');
    expect(translationGroup(src('i18n/locales/en/callscreen.json'))).toBe('call-texts-en');
    expect(translationGroup(src('i18n/locales/fr/recap.json'))).toBe('followup-texts-fr');
    expect(translationGroup(src('i18n/locales/fr/dossier.json'))).toBeNull();
    expect(translationGroup(src('features/call/call.json'))).toBeNull();
  });
});

describe('chunkGroups', () => {
  const graph = {
    '/app/index.html': { entry: true, imports: [src('main.tsx')] },
    [src('main.tsx')]: { imports: [src('ui/solid.ts'), src('storage/db.ts')], dynamic: [src('features/call/CallPage.tsx'), src('features/kpis/KpisPage.tsx'), src('ui/ResumeCallBanner.tsx')] },
    [src('ui/ResumeCallBanner.tsx')]: { imports: [src('storage/call-frame.ts')] },
    [src('storage/call-frame.ts')]: { imports: ['/app/node_modules/zod/v4/core/core.js'] },
    '/app/node_modules/zod/v4/core/core.js': {},
    [src('features/worklist/worklist.worker.ts')]: { entry: true, imports: [src('storage/db.ts'), src('domain/worklist.ts')] },
    [src('ui/solid.ts')]: {},
    [src('storage/db.ts')]: {},
    [src('domain/worklist.ts')]: {},
    [src('features/call/CallPage.tsx')]: { imports: [src('features/call/CallScreen.tsx'), src('domain/format.ts'), src('storage/db.ts')] },
    [src('features/call/CallScreen.tsx')]: {},
    [src('features/kpis/KpisPage.tsx')]: { imports: [src('domain/format.ts'), src('domain/kpis.ts')] },
    [src('domain/format.ts')]: {},
    [src('domain/kpis.ts')]: {},
  };
  const nameOf = groupsOf(graph, [src('features/worklist/worklist.worker.ts')]);

  it('splits what the entries import statically by who imports it: page and worker, page only, worker only', () => {
    expect(nameOf(src('storage/db.ts'))).toBe('shared');
    expect(nameOf(src('ui/solid.ts'))).toBe('boot');
    expect(nameOf(src('main.tsx'))).toBe('boot');
    expect(nameOf(src('domain/worklist.ts'))).toBe('worker-side');
    // An entry module itself stays the entry.
    expect(nameOf(src('features/worklist/worklist.worker.ts'))).toBeNull();
  });
  it('groups the lazy modules the call screen reaches, and leaves the other pages to the bundler', () => {
    expect(nameOf(src('features/call/CallPage.tsx'))).toBe('call-screen');
    expect(nameOf(src('features/call/CallScreen.tsx'))).toBe('call-screen');
    expect(nameOf(src('domain/format.ts'))).toBe('call-common');
    expect(nameOf(src('features/kpis/KpisPage.tsx'))).toBeNull();
    expect(nameOf(src('domain/kpis.ts'))).toBeNull();
  });
  it('puts zod and the record readers the worklist and the call share in records, the translations in their groups', () => {
    expect(nameOf(src('storage/call-frame.ts'))).toBe('records');
    expect(nameOf('/app/node_modules/zod/v4/core/core.js')).toBe('records');
    expect(nameOf(src('ui/ResumeCallBanner.tsx'))).toBeNull();
    expect(nameOf(src('i18n/locales/fr/callscreen.json'))).toBe('call-texts-fr');
  });
});
