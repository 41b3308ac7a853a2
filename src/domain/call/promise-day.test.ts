import { describe, expect, it } from 'vitest';
import { promiseDayNotice } from './promise-day';

describe('promiseDayNotice', () => {
  it('is quiet on a business day or an unfinished date', () => {
    expect(promiseDayNotice('2026-12-11')).toBeNull(); // a Friday
    expect(promiseDayNotice('')).toBeNull();
    expect(promiseDayNotice('2026-12')).toBeNull();
  });

  it('offers the Monday for a Saturday or a Sunday', () => {
    expect(promiseDayNotice('2026-12-12')).toEqual({ kind: 'weekend', next: '2026-12-14' });
    expect(promiseDayNotice('2026-12-13')).toEqual({ kind: 'weekend', next: '2026-12-14' });
  });

  it('names a public holiday and skips the weekend after it', () => {
    expect(promiseDayNotice('2026-12-25')).toEqual({ kind: 'holiday', holiday: 'christmas', next: '2026-12-28' });
    expect(promiseDayNotice('2027-05-01')).toEqual({ kind: 'holiday', holiday: 'labour_day', next: '2027-05-03' });
  });
});
