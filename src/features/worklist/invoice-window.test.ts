import { describe, expect, it } from 'vitest';
import { InvoiceWindows } from './invoice-window';

describe('InvoiceWindows', () => {
  it('keeps the newest reads and answers from any of them', () => {
    const windows = new InvoiceWindows(2);
    windows.remember({ key: 'aa', entries: [], complete: true });
    windows.remember({ key: 'bb', entries: [['bb-1', 'd1']], complete: true });
    expect(windows.answer('aab', 5)).toEqual([]);
    expect(windows.answer('bb', 5)).toEqual(['d1']);
    expect(windows.answer('bb-1', 5)).toEqual(['d1']);
    windows.remember({ key: 'cc', entries: [], complete: true });
    expect(windows.answer('aab', 5)).toBeUndefined();
    expect(windows.answer('bb', 5)).toEqual(['d1']);
  });
});
