/**
 * The field types every entity is made of (ids, dates, cents). Apart from ./entities.ts, which re-exports
 * them, so a reader that only checks a record's frame (a call in progress, for the resume banner) does not
 * load every entity's schema.
 */
import { z } from 'zod/mini';

/** ISO calendar date, `YYYY-MM-DD`. Dates are strings at rest, never Date objects. */
export const IsoDate = z.iso.date();
/** ISO instant with offset, e.g. `2026-11-23T14:00:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** Amounts are integer cents: no floating-point money anywhere. */
export const Cents = z.int();
export const NonNegCents = z.int().check(z.minimum(0));
export const Currency = z.enum(['EUR']);
export const Id = z.string().check(z.minLength(1), z.maxLength(64));
