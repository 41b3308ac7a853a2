import { describe, expect, it } from 'vitest';
import { commitmentBalance } from './balance';

describe('commitmentBalance', () => {
  const owed = [
    { id: 'a', number: 'FA-1', outstandingCents: 5_000_000 },
    { id: 'b', number: 'FA-2', outstandingCents: 2_133_880 },
  ];

  it('says what remains after a promise that covers part of the debt', () => {
    expect(commitmentBalance(owed, 123_456)).toEqual({ invoices: owed, owedCents: 7_133_880, committedCents: 123_456, remainingAfterCents: 7_010_424, settles: false });
  });

  it('settles when the commitment covers what is owed, and never goes below zero', () => {
    expect(commitmentBalance(owed, 7_200_000)).toMatchObject({ remainingAfterCents: 0, settles: true });
    expect(commitmentBalance([{ id: 'a', number: 'FA-1', outstandingCents: -5 }], 0)).toMatchObject({ owedCents: 0, settles: true });
  });
});
