import { describe, expect, it } from 'vitest';
import { builtinScript } from './builtin';
import type { ScriptRecord, ScriptVersionRecord } from './library';
import { buildPack, canonicalJson, packFileName, planPackImport, readPack, PACK_LIMITS, type PackScript } from './pack';
import type { CallScript } from './schema';

const NOW = new Date('2026-12-03T09:00:00.000Z');

function version(n: number, edit?: (s: CallScript) => void): ScriptVersionRecord {
  const script: CallScript = { ...structuredClone(builtinScript('fr')), id: 'team.relance', name: 'Relance équipe', version: n };
  edit?.(script);
  return { schemaVersion: 1, scriptId: 'team.relance', version: n, script, note: `v${n}`, author: 'Claire Martin', publishedAt: '2026-12-01T10:00:00.000Z' };
}
const entry = (...versions: ScriptVersionRecord[]): PackScript => ({ id: 'team.relance', name: 'Relance équipe', locale: 'fr', versions });
const record = (currentVersion: number): ScriptRecord => ({
  schemaVersion: 1, id: 'team.relance', name: 'Relance équipe', locale: 'fr', status: 'published', currentVersion, draft: null, updatedAt: '2026-12-01T10:00:00.000Z', updatedBy: 'Claire Martin',
});
async function packText(scripts: PackScript[]): Promise<string> {
  return JSON.stringify(await buildPack(scripts, 'Claire Martin', NOW));
}

describe('readPack', () => {
  it('reads back what buildPack wrote, identical', async () => {
    const scripts = [entry(version(1), version(2, (s) => (s.steps[1]!.say = 'Bonjour {contact.name}, c’est bien vous ?')))];
    const read = await readPack(await packText(scripts));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.pack.scripts).toEqual(scripts);
  });

  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it.each([
    ['not JSON', 'ceci n’est pas du JSON', { error: 'not_json' }],
    ['another JSON file', '{"debtors": []}', { error: 'not_a_pack' }],
    ['an array', '[1,2]', { error: 'not_a_pack' }],
    ['a future schema version', '{"format":"cadence-scripts","schemaVersion":7,"scripts":[]}', { error: 'future_version', version: 7, supported: 1 }],
  ])('refuses %s', async (_name, text, expected) => {
    expect(await readPack(text)).toEqual({ ok: false, ...expected });
  });

  it('refuses a 5 MB file before decoding it', async () => {
    expect(await readPack('{}', 5 * 1024 * 1024)).toMatchObject({ ok: false, error: 'too_large', max: PACK_LIMITS.bytes });
  });

  it('refuses a hand-edited pack by its checksum', async () => {
    const pack = JSON.parse(await packText([entry(version(1))]));
    pack.scripts[0].versions[0].note = 'changé à la main';
    expect(await readPack(JSON.stringify(pack))).toEqual({ ok: false, error: 'checksum_mismatch' });
  });

  it('refuses 10,000 objections, naming where', async () => {
    const v = version(1, (s) => {
      s.objections = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, objection: 'Pas maintenant.', answers: ['Quel jour vous convient ?'] }));
    });
    expect(await readPack(await packText([entry(v)]))).toMatchObject({ ok: false, error: 'too_many', path: 'scripts.0.versions.0.script.objections', count: 10_000 });
  });

  it('refuses bidi overrides and control characters, naming the field and the character', async () => {
    const bidi = version(1, (s) => (s.steps[2]!.title = 'Explication \u202Eeton'));
    expect(await readPack(await packText([entry(bidi)]))).toEqual({ ok: false, error: 'forbidden_characters', path: 'scripts.0.versions.0.script.steps.2.title', codePoint: 'U+202E' });
    const bell = version(1, (s) => (s.objections[0]!.answers[0] = 'Bip\u0007'));
    expect(await readPack(await packText([entry(bell)]))).toMatchObject({ ok: false, error: 'forbidden_characters', codePoint: 'U+0007' });
  });

  it('refuses markup in any text, quoting it', async () => {
    const html = version(1, (s) => (s.steps[0]!.tips[0] = 'Voir <script>alert(1)</script>'));
    expect(await readPack(await packText([entry(html)]))).toEqual({ ok: false, error: 'markup', path: 'scripts.0.versions.0.script.steps.0.tips.0', snippet: '<script>' });
    const img = version(1, (s) => (s.name = '<img src=x onerror=alert(1)>'));
    expect(await readPack(await packText([entry(img)]))).toMatchObject({ ok: false, error: 'markup' });
  });

  it('refuses a script that fails validation, with the script’s own error', async () => {
    const bad = version(1, (s) => (s.steps[3]!.say = 'Je vous écoute, {contact.nom}.'));
    expect(await readPack(await packText([entry(bad)]))).toMatchObject({
      ok: false, error: 'invalid_script', path: 'scripts.0.versions.0.script', script: { error: 'unknown_variable', variable: 'contact.nom' },
    });
  });

  it('refuses versions that do not belong to their script', async () => {
    const v = version(2);
    v.script.version = 3;
    expect(await readPack(await packText([entry(v)]))).toEqual({ ok: false, error: 'version_mismatch', path: 'scripts.0.versions.0' });
  });

  it('refuses a wrong shape, naming the path', async () => {
    const v = version(1) as unknown as { author: unknown };
    v.author = 42;
    expect(await readPack(await packText([entry(v as unknown as ScriptVersionRecord)]))).toMatchObject({ ok: false, error: 'invalid_shape', path: 'scripts.0.versions.0.author' });
  });
});

describe('planPackImport', () => {
  const pack = async (...versions: ScriptVersionRecord[]) => {
    const read = await readPack(await packText([entry(...versions)]));
    if (!read.ok) throw new Error(read.error);
    return read.pack;
  };

  it('brings a script the library lacks whole, at its versions', async () => {
    const plan = planPackImport(await pack(version(1), version(2)), () => undefined, NOW, 'Paul');
    expect(plan.entries).toEqual([{ scriptId: 'team.relance', name: 'Relance équipe', locale: 'fr', kind: 'new_script', versions: [
      { version: 1, fate: 'new', storedAs: 1 }, { version: 2, fate: 'new', storedAs: 2 },
    ] }]);
    expect(plan.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(plan.scripts[0]).toMatchObject({ id: 'team.relance', status: 'published', currentVersion: 2, updatedBy: 'Paul' });
  });

  it('adds the versions a known script lacks, and changes nothing the second time', async () => {
    const p = await pack(version(1), version(2));
    const first = planPackImport(p, () => ({ record: record(1), versions: [version(1)] }), NOW, 'Paul');
    expect(first.entries[0]!.kind).toBe('new_versions');
    expect(first.versions.map((v) => v.version)).toEqual([2]);
    const again = planPackImport(p, () => ({ record: record(2), versions: [version(1), version(2)] }), NOW, 'Paul');
    expect(again.entries[0]!.kind).toBe('unchanged');
    expect(again.versions).toEqual([]);
    expect(again.scripts).toEqual([]);
  });

  it('keeps both sides of a conflict: the pack’s version after the library’s latest, not in service', async () => {
    const theirs = version(2, (s) => (s.steps[8]!.say = 'Merci beaucoup, {contact.name}. Bonne journée !'));
    const p = await pack(version(1), theirs);
    const plan = planPackImport(p, () => ({ record: record(3), versions: [version(1), version(2), version(3)] }), NOW, 'Paul');
    expect(plan.entries[0]).toMatchObject({ kind: 'conflict', versions: [{ version: 1, fate: 'same' }, { version: 2, fate: 'conflict', storedAs: 4 }] });
    expect(plan.versions[0]).toMatchObject({ version: 4, restoredFrom: 2, script: { version: 4 } });
    expect(plan.scripts[0]!.currentVersion).toBe(3);
    const again = planPackImport(p, () => ({ record: record(3), versions: [version(1), version(2), version(3), plan.versions[0]!] }), NOW, 'Paul');
    expect(again.entries[0]!.kind).toBe('unchanged');
  });
});

describe('packFileName', () => {
  it('names one script after it, several as scripts', () => {
    expect(packFileName(['Relance équipe PME'], '2026-12-03')).toBe('relance-equipe-pme-2026-12-03.cadence-scripts.json');
    expect(packFileName(['a', 'b'], '2026-12-03')).toBe('scripts-2026-12-03.cadence-scripts.json');
  });
});
