import { describe, expect, it } from 'vitest';
import { easterSunday, frenchHolidays, holidayOn, isFrenchHoliday } from './holidays';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('frenchHolidays', () => {
  it('lists the eleven 2025 holidays with the Easter-based ones', () => {
    expect(frenchHolidays(2025).map((h) => `${h.date} ${h.code}`)).toEqual([
      '2025-01-01 new_year',
      '2025-04-21 easter_monday',
      '2025-05-01 labour_day',
      '2025-05-08 victory_1945',
      '2025-05-29 ascension',
      '2025-06-09 whit_monday',
      '2025-07-14 bastille_day',
      '2025-08-15 assumption',
      '2025-11-01 all_saints',
      '2025-11-11 armistice_1918',
      '2025-12-25 christmas',
    ]);
  });

  it('computes the moving holidays for 2024 and 2026', () => {
    expect(holidayOn('2024-04-01')).toBe('easter_monday');
    expect(holidayOn('2024-05-09')).toBe('ascension');
    expect(holidayOn('2024-05-20')).toBe('whit_monday');
    expect(holidayOn('2026-04-06')).toBe('easter_monday');
    expect(holidayOn('2026-05-14')).toBe('ascension');
    expect(holidayOn('2026-05-25')).toBe('whit_monday');
  });

  it('does not treat Easter Sunday, Good Friday or Boxing Day as national holidays', () => {
    expect(isFrenchHoliday('2025-04-20')).toBe(false);
    expect(isFrenchHoliday('2025-04-18')).toBe(false);
    expect(isFrenchHoliday('2025-12-26')).toBe(false);
    expect(isFrenchHoliday('2025-07-14T10:00:00Z')).toBe(true);
  });

  it('keeps both entries when two holidays share a day (1 May = Ascension in 2008)', () => {
    const on = frenchHolidays(2008).filter((h) => h.date === '2008-05-01');
    expect(on.map((h) => h.code).sort()).toEqual(['ascension', 'labour_day']);
  });
});
