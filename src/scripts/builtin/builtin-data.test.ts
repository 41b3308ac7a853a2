import { describe, expect, it } from 'vitest';
import before from '../../../tests/fixtures/scripts/builtin-before-data.json';
import { BUILTIN_SCRIPTS } from '.';

describe('built-in scripts as data', () => {
  it('are exactly the scripts they were as code', () => {
    expect(JSON.parse(JSON.stringify(BUILTIN_SCRIPTS))).toEqual(before);
    expect(BUILTIN_SCRIPTS).toStrictEqual(before);
  });
});
