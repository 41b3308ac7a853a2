import { describe, expect, it } from 'vitest';
import { coveredBand } from './bottom-bars';

const rect = (top: number, bottom: number) => ({ top, bottom, height: bottom - top });

describe('coveredBand', () => {
  it('is the height of the bar fixed at the bottom', () => {
    expect(coveredBand([rect(770, 844)], 844)).toBe(74);
  });
  it('takes the highest of the panels stacked at the bottom (nav and notes sheet)', () => {
    expect(coveredBand([rect(420, 770.5), rect(770, 844)], 844)).toBe(424);
    expect(coveredBand([rect(770, 844), rect(420, 844)], 844)).toBe(424);
    expect(coveredBand([rect(770, 844), rect(100, 300)], 844)).toBe(74);
  });
  it('ignores a sticky bar that is not at the bottom edge, and hidden panels', () => {
    expect(coveredBand([rect(300, 370), rect(0, 0)], 768)).toBe(0);
  });
});
