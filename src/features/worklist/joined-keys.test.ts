import { describe, expect, it } from 'vitest';
import { canScan, joinKeys, scanJoined } from './joined-keys';

describe('joined keys', () => {
  it('finds each row whose key holds the query once, in order, never across two keys', () => {
    const joined = joinKeys(['dupont', 'martin', '', 'dupuis dupont', 'nt']);
    expect(joined).not.toBeNull();
    expect(scanJoined(joined!, 'dup')).toEqual([0, 3]);
    expect(scanJoined(joined!, 'nt')).toEqual([0, 3, 4]);
    // "tin" + "dup" would only match across the boundary between rows 1 and 3.
    expect(scanJoined(joined!, 'tindup')).toEqual([]);
    expect(scanJoined(joined!, 'zz')).toEqual([]);
  });

  it('refuses keys or queries holding the separator', () => {
    expect(joinKeys(['a\u0000b'])).toBeNull();
    expect(canScan('a\u0000')).toBe(false);
    expect(canScan('dup')).toBe(true);
  });
});
