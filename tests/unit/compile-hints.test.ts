import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from '../../tools/compile-hints.ts';

type Item = { type: 'chunk' | 'asset'; name: string; code?: string };

/** Runs the plugin's generateBundle over a bundle, as the bundler would. */
function generate(bundle: Record<string, Item>) {
  const hook = compileHints(['call-screen']).generateBundle as unknown as { handler: (options: unknown, bundle: Record<string, Item>) => void };
  hook.handler({}, bundle);
  return bundle;
}

describe('compileHints', () => {
  it('opens the named chunks with the hint, before anything Vite put first, and leaves the others', () => {
    const out = generate({
      a: { type: 'chunk', name: 'call-screen', code: 'const __vite__mapDeps=1;export{}' },
      b: { type: 'chunk', name: 'boot', code: 'export{}' },
      c: { type: 'asset', name: 'call-screen' },
    });
    expect(out.a!.code).toBe(`${COMPILE_HINT}\nconst __vite__mapDeps=1;export{}`);
    expect(out.b!.code).toBe('export{}');
    expect(out.c!.code).toBeUndefined();
  });

  it('adds it once when the bundle is generated again', () => {
    const bundle = { a: { type: 'chunk' as const, name: 'call-screen', code: 'export{}' } };
    generate(generate(bundle));
    expect(bundle.a.code).toBe(`${COMPILE_HINT}\nexport{}`);
  });
});
