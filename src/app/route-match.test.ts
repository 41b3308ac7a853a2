import { describe, expect, it } from 'vitest';
import { matchesPath } from './route-match';

describe('matchesPath', () => {
  it.each([
    ['/debtors/:id/call', '/debtors/d-0001/call', true],
    ['/debtors/:id/call', '/debtors/d-0001/call/', true],
    ['/debtors/:id/call', '/debtors//call', false],
    ['/debtors/:id/call', '/debtors/d-0001', false],
    ['/debtors/:id', '/debtors/d-0001', true],
    ['/debtors/:id', '/debtors/d-0001/recap', false],
    ['/settings', '/settings', true],
    ['/settings', '/plans', false],
    ['/', '/', true],
    ['/', '/settings', false],
  ])('%s against %s: %s', (pattern, pathname, expected) => {
    expect(matchesPath(pattern, pathname)).toBe(expected);
  });
});
