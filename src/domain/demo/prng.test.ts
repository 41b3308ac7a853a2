import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, Rng } from './prng';

describe('mulberry32 / Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('gives distinct streams for distinct stream numbers', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i)));
    expect(seeds.size).toBe(1000);
  });

  it('draws integers inside inclusive bounds, reaching both ends', () => {
    const rng = new Rng(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles into a permutation and never picks a zero-weight entry', () => {
    const rng = new Rng(9);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(shuffled).not.toEqual(items);
    for (let i = 0; i < 200; i++) expect(rng.weighted([['a', 0], ['b', 1]] as const)).toBe('b');
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
