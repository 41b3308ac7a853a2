import { describe, expect, it } from 'vitest';
import { assignmentProblems, resolveAssignedScript, type ScriptAssignment } from './library';

const scripts = [
  { id: 'team.fr', status: 'published' as const, currentVersion: 3, locale: 'fr' as const },
  { id: 'team.fr.keys', status: 'published' as const, currentVersion: 2, locale: 'fr' as const },
  { id: 'team.fr.old', status: 'archived' as const, currentVersion: 5, locale: 'fr' as const },
  { id: 'team.en.draft', status: 'draft' as const, currentVersion: 0, locale: 'en' as const },
];
const table: ScriptAssignment[] = [
  { locale: 'fr', segment: null, scriptId: 'team.fr' },
  { locale: 'fr', segment: 'key_account', scriptId: 'team.fr.keys' },
  { locale: 'fr', segment: 'public_sector', scriptId: 'team.fr.old' },
];

describe('resolveAssignedScript', () => {
  it('takes the segment’s script at its current version', () => {
    expect(resolveAssignedScript('fr', 'key_account', table, scripts)).toEqual({ scriptId: 'team.fr.keys', version: 2 });
  });
  it('falls back to the language default for another segment, and for an archived assignment', () => {
    expect(resolveAssignedScript('fr', 'mid_market', table, scripts)).toEqual({ scriptId: 'team.fr', version: 3 });
    expect(resolveAssignedScript('fr', 'public_sector', table, scripts)).toEqual({ scriptId: 'team.fr', version: 3 });
  });
  it('answers null where nothing is assigned, so the built-in serves', () => {
    expect(resolveAssignedScript('en', 'key_account', table, scripts)).toBeNull();
    expect(resolveAssignedScript('en', 'key_account', [{ locale: 'en', segment: null, scriptId: 'team.en.draft' }], scripts)).toBeNull();
  });
});

describe('assignmentProblems', () => {
  it('accepts a table with a default per language in use', () => {
    expect(assignmentProblems(table.slice(0, 2), scripts)).toEqual([]);
  });
  it('needs a default for each language with a segment rule', () => {
    expect(assignmentProblems([table[1]!], scripts)).toEqual([{ problem: 'no_default', locale: 'fr' }]);
  });
  it('refuses unpublished scripts, the wrong language and two rules for one cell', () => {
    const problems = assignmentProblems(
      [
        { locale: 'en', segment: null, scriptId: 'team.en.draft' },
        { locale: 'en', segment: 'mid_market', scriptId: 'team.fr' },
        { locale: 'fr', segment: null, scriptId: 'team.fr' },
        { locale: 'fr', segment: null, scriptId: 'team.fr.keys' },
      ],
      scripts,
    );
    expect(problems.map((p) => p.problem)).toEqual(['not_published', 'wrong_language', 'duplicate']);
  });
});
