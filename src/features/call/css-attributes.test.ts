import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Attributes the call screen changes after a step's frame, when the write of the step is acknowledged (the save
 * status). A selector that reads one of them makes Chromium restyle, and so draw a frame of its own at the next
 * vsync; a key pressed just after that frame began then waits a whole frame more (bench: up to 17 ms at 1×),
 * where an idle page would draw its change at once. Styles take such states from classes instead.
 */
const CHANGED_AFTER_THE_FRAME = ['data-state', 'data-saved-seq'];

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('style rules', () => {
  const files = cssFiles(join(__dirname, '../..'));

  it('finds the stylesheets', () => {
    expect(files.some((f) => f.endsWith('call.css'))).toBe(true);
  });

  it.each(CHANGED_AFTER_THE_FRAME)('read no %s attribute', (name) => {
    const readers = files.filter((f) => new RegExp(`\\[\\s*${name}\\b`).test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([]);
  });
});
