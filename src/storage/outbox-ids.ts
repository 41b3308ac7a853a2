/**
 * Mutation ids: UUIDv7 (the `uuidv7` package, as the server's tests use), and strictly increasing per
 * database. The server treats an id at or below the last one it applied for a client as a replay and skips it,
 * so an id made in one tab a little "earlier" than one already pushed from another tab would be dropped
 * silently. Ids are therefore issued inside the write transaction, above the last id this database issued.
 */
import { uuidv7 } from 'uuidv7';

const HEX = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The smallest step above `last`: its random bits (rand_a, 12 bits, and rand_b, 60 bits) plus one, keeping the
 * timestamp, the version nibble and the variant bits as they are.
 */
export function idAfter(last: string): string {
  const hex = last.replaceAll('-', '');
  const randA = hex.slice(13, 16);
  const randB = hex.slice(17, 32);
  const variantBits = parseInt(hex[16]!, 16) & 0b0011;
  // rand_a (12 bits) · the variant nibble's two low bits · rand_b (60 bits): 74 bits counted as one number.
  const counter = (BigInt(`0x${randA}`) << 62n) | (BigInt(variantBits) << 60n) | BigInt(`0x${randB}`);
  const next = counter + 1n;
  if (next >> 74n !== 0n) throw new Error('mutation id space exhausted for this millisecond');
  const a = (next >> 62n).toString(16).padStart(3, '0');
  const v = (0b1000 | Number((next >> 60n) & 0b11n)).toString(16);
  const b = (next & ((1n << 60n) - 1n)).toString(16).padStart(15, '0');
  const out = `${hex.slice(0, 12)}7${a}${v}${b}`;
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/** A new UUIDv7 strictly above `last` (when given): a fresh one when the clock moved on, else `last` + 1. */
export function nextMutationId(last: string | undefined, fresh: () => string = uuidv7): string {
  const id = fresh();
  if (last === undefined || !HEX.test(last) || id > last) return id;
  return idAfter(last);
}
