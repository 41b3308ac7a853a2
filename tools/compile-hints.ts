import type { Plugin } from 'vite';

/** V8's explicit compile hint: the whole file's functions are compiled as it streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints) on the chunks named: every function
 * of them is compiled as the script is read, on the streaming thread, instead of on its first call. The call
 * screen's first step move called dozens of them for the first time: 10–12 ms of lazy compilation at 4× CPU in
 * that key's task in traces, 0.1–1 ms with the hint.
 *
 * The comment must open the file, so it is put there once the chunk is final (the minifier drops a banner's
 * comments, and Vite puts its preload helper first). It is the same for every build, so the content hash of the
 * file name still tells builds apart.
 */
export function compileHints(chunks: readonly string[]): Plugin {
  const eager = new Set(chunks);
  return {
    name: 'cadence-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle work, which puts its preload helper at the top of a chunk.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const item of Object.values(bundle)) {
          if (item.type === 'chunk' && eager.has(item.name) && !item.code.startsWith(COMPILE_HINT)) item.code = `${COMPILE_HINT}\n${item.code}`;
        }
      },
    },
  };
}
