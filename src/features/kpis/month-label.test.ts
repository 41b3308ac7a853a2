import { describe, expect, it } from 'vitest';
import { chartDateNames, monthLabel } from './month-label';

describe('month labels of the KPI page', () => {
  it('writes a month in French or English, never as 2026-01', () => {
    expect(monthLabel('2026-01', 'fr-FR')).toBe('janv. 2026');
    expect(monthLabel('2026-12', 'fr-FR')).toBe('déc. 2026');
    expect(monthLabel('2026-02', 'en-GB')).toBe('Feb 2026');
  });
  it('gives uPlot French month and weekday names (its own are English)', () => {
    const fr = chartDateNames('fr-FR');
    expect(fr.MMM).toHaveLength(12);
    expect(fr.MMM[1]).toBe('févr.');
    expect(fr.MMMM[6]).toBe('juillet');
    expect(fr.WWWW[0]).toBe('dimanche');
    expect(chartDateNames('en-GB').MMM[3]).toBe('Apr');
  });
});
