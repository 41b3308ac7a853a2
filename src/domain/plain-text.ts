/**
 * Typed text in zod/mini schemas. Apart from ./text.ts, which the storage layer and the worklist worker load
 * with the first screen and which so stays free of zod.
 */
import { z } from 'zod/mini';
import { stripBidiControls } from './text';

/** For zod/mini schemas of typed text: `z.string().check(z.trim(), plainText, …)` stores it as it prints. */
export const plainText = z.overwrite(stripBidiControls);
