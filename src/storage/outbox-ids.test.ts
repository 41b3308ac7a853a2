import { describe, expect, it } from 'vitest';
import { MutationId } from '../sync/protocol';
import { idAfter, nextMutationId } from './outbox-ids';

describe('mutation ids', () => {
  it('idAfter is the next UUIDv7 up, still a valid v7 id', () => {
    const last = '0190a1b2-c3d4-7abc-8def-0123456789ab';
    const next = idAfter(last);
    expect(next).toBe('0190a1b2-c3d4-7abc-8def-0123456789ac');
    expect(next > last).toBe(true);
    expect(MutationId.safeParse(next).success).toBe(true);
  });

  it('carries through rand_b into the variant bits and rand_a without touching version or variant', () => {
    expect(idAfter('0190a1b2-c3d4-7abc-8fff-ffffffffffff')).toBe('0190a1b2-c3d4-7abc-9000-000000000000');
    expect(idAfter('0190a1b2-c3d4-7abc-bfff-ffffffffffff')).toBe('0190a1b2-c3d4-7abd-8000-000000000000');
    expect(MutationId.safeParse(idAfter('0190a1b2-c3d4-7abc-bfff-ffffffffffff')).success).toBe(true);
  });

  it('nextMutationId stays above the last id even when the clock goes back', () => {
    const last = 'ffffffff-ffff-7000-8000-000000000000';
    const ids = [nextMutationId(last)];
    for (let i = 0; i < 50; i++) ids.push(nextMutationId(ids[ids.length - 1]));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]! > last).toBe(true);
  });

  it('takes the fresh id when the clock moved on', () => {
    expect(nextMutationId('0190a1b2-c3d4-7abc-8def-0123456789ab', () => '0290a1b2-c3d4-7abc-8def-0123456789ab')).toBe('0290a1b2-c3d4-7abc-8def-0123456789ab');
  });
});
