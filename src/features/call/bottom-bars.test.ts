import { describe, expect, it } from 'vitest';
import { coveredBand } from './bottom-bars';

const rect = (top: number, bottom: number) => ({ top, bottom, height: bottom - top });

describe('coveredBand', () => {
  it('is the height of the bar fixed at the bottom', () => {
    expect(coveredBand(rect(770, 844), [], 844)).toBe(74);
  });
  it('takes the highest of the panels stacked on the bar at the bottom (the notes sheet)', () => {
    expect(coveredBand(rect(770, 844), [rect(420, 770.5)], 844)).toBe(424);
    expect(coveredBand(rect(770, 844), [rect(420, 844)], 844)).toBe(424);
    expect(coveredBand(rect(770, 844), [rect(100, 300)], 844)).toBe(74);
  });
  it('covers from the top of a sticky bar that a short page leaves above the foot, without the panels by it', () => {
    expect(coveredBand(rect(569, 639), [], 768)).toBe(199);
    expect(coveredBand(rect(569, 639), [rect(100, 568.5)], 768)).toBe(199);
  });
  it('is nothing for a bar out of the viewport, hidden or missing', () => {
    expect(coveredBand(rect(900, 970), [], 768)).toBe(0);
    expect(coveredBand(rect(-80, -10), [], 768)).toBe(0);
    expect(coveredBand(rect(0, 0), [rect(400, 768)], 768)).toBe(0);
    expect(coveredBand(null, [rect(400, 768)], 768)).toBe(0);
  });
});
