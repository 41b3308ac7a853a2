import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ECB_SEMESTER_RATES,
  DEFAULT_LEGAL_RATES,
  ECB_MRO_DECISIONS,
  checkContractualRate,
  rateInForce,
  semesterLabel,
  semesterRate,
  semesterRatesFromDecisions,
  semesterStart,
  semesterStartsBetween,
  validateSemesterTable,
} from './rates';

describe('semester helpers', () => {
  it('finds the semester of a date', () => {
    expect(semesterStart('2025-06-30')).toBe('2025-01-01');
    expect(semesterStart('2025-07-01')).toBe('2025-07-01');
    expect(semesterLabel('2025-12-31')).toBe('2025-S2');
    expect(semesterStartsBetween('2024-06-20', '2025-07-01')).toEqual(['2024-07-01', '2025-01-01', '2025-07-01']);
    expect(semesterStartsBetween('2024-07-01', '2024-12-31')).toEqual([]);
  });
});

describe('ECB semester table', () => {
  it('applies the 1 January / 1 July rule to the raw ECB decisions', () => {
    expect(semesterRatesFromDecisions(ECB_MRO_DECISIONS, 2020, '2026-01-01')).toEqual(DEFAULT_ECB_SEMESTER_RATES);
  });

  it('keeps 0 % for 2022-S2 although the ECB raised on 27 July 2022', () => {
    expect(rateInForce(ECB_MRO_DECISIONS, '2022-08-15')?.bp).toBe(50);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2022-08-15')).toEqual({ bp: 0, known: true });
  });

  it('has the published reference rates', () => {
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2023-03-01')?.bp).toBe(250);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2023-10-01')?.bp).toBe(400);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2024-02-01')?.bp).toBe(450);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2024-12-31')?.bp).toBe(425);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2025-01-01')?.bp).toBe(315);
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2025-09-01')?.bp).toBe(215);
  });

  it('carries the last rate forward but flags it as unknown', () => {
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2026-08-01')).toEqual({ bp: 215, known: false });
    expect(semesterRate(DEFAULT_ECB_SEMESTER_RATES, '2019-12-31')).toBeUndefined();
  });

  it('is a valid semester table, and the validator catches bad edits', () => {
    expect(validateSemesterTable(DEFAULT_ECB_SEMESTER_RATES)).toEqual([]);
    expect(validateSemesterTable(DEFAULT_LEGAL_RATES)).toEqual([]);
    expect(
      validateSemesterTable([
        { from: '2025-03-01', bp: 100 },
        { from: '2025-07-01', bp: -5 },
        { from: '2025-07-01', bp: 1.5 },
        { from: 'July', bp: 1 },
      ]),
    ).toEqual([
      { index: 0, issue: 'not_semester_start' },
      { index: 1, issue: 'negative' },
      { index: 2, issue: 'duplicate' },
      { index: 2, issue: 'not_integer' },
      { index: 3, issue: 'bad_date' },
    ]);
  });
});

describe('contractual rate floor (3 × legal rate)', () => {
  it('flags a rate below three times the legal rate of the semester', () => {
    // 2025-S2 legal rate 2.76 % → floor 8.28 %.
    expect(checkContractualRate(800, '2025-09-01')).toEqual({ floorBp: 828, belowFloor: true, known: true, semester: '2025-S2' });
    expect(checkContractualRate(828, '2025-09-01')?.belowFloor).toBe(false);
    // 2024-S1 legal rate 5.07 % → floor 15.21 %: even ECB + 10 (14.50 %) would be below as a contractual rate.
    expect(checkContractualRate(1450, '2024-03-01')).toMatchObject({ floorBp: 1521, belowFloor: true });
    expect(checkContractualRate(1000, '2019-01-01')).toBeUndefined();
  });
});
