import { describe, expect, it } from 'vitest';
import { filesFor, pathSource, preloadScript, type ChunkLike } from '../../tools/route-preload.ts';

const chunk = (fileName: string, imports: string[], moduleIds: string[], css: string[] = []): ChunkLike => ({
  type: 'chunk',
  fileName,
  imports,
  moduleIds,
  viteMetadata: { importedCss: new Set(css) },
});

describe('pathSource', () => {
  it('matches the pattern as matchesPath does: a parameter is one non-empty segment, trailing slashes ignored', () => {
    const re = new RegExp(pathSource('/debtors/:id/call'));
    expect(re.test('/debtors/d-0001/call')).toBe(true);
    expect(re.test('/debtors/d-0001/call/')).toBe(true);
    expect(re.test('/debtors//call')).toBe(false);
    expect(re.test('/debtors/d-0001')).toBe(false);
    expect(re.test('/debtors/d-0001/call/x')).toBe(false);
    expect(new RegExp(pathSource('/')).test('/')).toBe(true);
  });
});

describe('filesFor', () => {
  const chunks = [
    chunk('assets/boot.js', ['assets/shared.js'], ['/app/src/main.tsx']),
    chunk('assets/shared.js', [], ['/app/src/storage/db.ts']),
    chunk('assets/worker.js', ['assets/worker-side.js'], ['/app/src/features/worklist/worklist.worker.ts']),
    chunk('assets/worker-side.js', ['assets/shared.js'], ['/app/src/domain/worklist.ts']),
    chunk('assets/call-screen.js', ['assets/call-common.js', 'assets/shared.js'], ['/app/src/features/call/CallPage.tsx'], ['assets/call-screen.css']),
    chunk('assets/call-common.js', ['assets/worker-side.js'], ['/app/src/storage/dossiers.ts'], ['assets/call-common.css']),
    chunk('assets/kpis.js', [], ['/app/src/features/kpis/KpisPage.tsx']),
  ];
  it("lists the page's chunks and what they import, less what index.html loads (a chunk only the worker loaded is still to fetch)", () => {
    expect(filesFor(chunks, [/CallPage\.tsx$/], ['assets/boot.js'])).toEqual({
      scripts: ['assets/call-screen.js', 'assets/call-common.js', 'assets/worker-side.js'],
      styles: ['assets/call-screen.css', 'assets/call-common.css'],
    });
  });
  it('lists nothing for modules the bundle does not hold', () => {
    expect(filesFor(chunks, [/Missing\.tsx$/], ['assets/boot.js'])).toEqual({ scripts: [], styles: [] });
  });
});

describe('preloadScript', () => {
  it('adds one link per file on a matching address, none elsewhere', () => {
    const script = preloadScript([{ source: pathSource('/debtors/:id/call'), scripts: ['assets/a.js'], styles: ['assets/a.css'] }]);
    const run = (pathname: string) => {
      const links: { rel: string; as?: string; href: string; crossOrigin: string | null }[] = [];
      const document = { createElement: () => ({ rel: '', href: '', crossOrigin: null }), head: { appendChild: (l: (typeof links)[number]) => links.push(l) } };
      new Function('document', 'location', script)(document, { pathname });
      return links;
    };
    expect(run('/')).toEqual([]);
    expect(run('/debtors/d-1/call')).toEqual([
      { rel: 'modulepreload', href: '/assets/a.js', crossOrigin: '' },
      { rel: 'preload', as: 'style', href: '/assets/a.css', crossOrigin: '' },
    ]);
  });
});
