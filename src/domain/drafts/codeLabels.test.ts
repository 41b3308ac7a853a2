/** Every code the after-call domain hands to the UI has a label in both languages (namespace `drafts`). */
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/drafts.json';
import fr from '../../i18n/locales/fr/drafts.json';
import { HOLIDAY_CODES } from '../calendar/holidays';
import { FOLLOW_UP_REASONS } from '../followup/rules';
import { LADDER_RUNGS } from '../ladder/ladder';
import { PACING_CONSTRAINTS } from '../followup/pacing';
import { PENALTY_WARNING_CODES } from '../penalties/penalties';
import { RATE_TABLE_ISSUES } from '../penalties/rates';


describe('labels for domain codes', () => {
  const sections: [keyof typeof fr, readonly string[]][] = [
    ['followUp', FOLLOW_UP_REASONS],
    ['rungs', LADDER_RUNGS],
    ['holidays', HOLIDAY_CODES],
    ['penaltyWarnings', PENALTY_WARNING_CODES],
    ['rateTableIssues', RATE_TABLE_ISSUES],
    ['pacing', PACING_CONSTRAINTS],
  ];
  for (const [section, codes] of sections) {
    it(`${section}: exactly the codes, in fr and en`, () => {
      expect(Object.keys(fr[section]).sort()).toEqual([...codes].sort());
      expect(Object.keys(en[section]).sort()).toEqual([...codes].sort());
    });
  }
});
