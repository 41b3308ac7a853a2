import { describe, expect, it } from 'vitest';
import { formatHhMm, fromWallTime, parseHhMm, toWallTime, zoneOffsetMinutes } from './zonedTime';

describe('zoned wall time (Europe/Paris)', () => {
  it('knows winter and summer offsets', () => {
    expect(zoneOffsetMinutes(Date.parse('2025-01-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2025-07-15T12:00:00Z'))).toBe(120);
  });

  it('reads the local date and time of an instant, including across midnight', () => {
    expect(toWallTime('2025-07-15T07:30:00Z')).toEqual({ date: '2025-07-15', minutes: 9 * 60 + 30 });
    expect(toWallTime('2025-12-31T23:30:00Z')).toEqual({ date: '2026-01-01', minutes: 30 });
  });

  it('converts a local time back to the instant', () => {
    expect(new Date(fromWallTime('2025-07-15', 9 * 60)).toISOString()).toBe('2025-07-15T07:00:00.000Z');
    expect(new Date(fromWallTime('2025-01-15', 18 * 60)).toISOString()).toBe('2025-01-15T17:00:00.000Z');
  });

  it('handles the DST gap and overlap deterministically', () => {
    // 2025-03-30 02:30 does not exist in Paris: pushed to 03:30 CEST = 01:30Z.
    expect(new Date(fromWallTime('2025-03-30', 150)).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 2025-10-26 02:30 happens twice: the earlier (CEST, 00:30Z) wins.
    expect(new Date(fromWallTime('2025-10-26', 150)).toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });

  it('parses and formats HH:MM', () => {
    expect(parseHhMm('14:30')).toBe(870);
    expect(formatHhMm(870)).toBe('14:30');
    expect(formatHhMm(5)).toBe('00:05');
    expect(() => parseHhMm('24:00')).toThrow(RangeError);
  });
});
