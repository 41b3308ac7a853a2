/**
 * 10,000 mutated packs thrown at the importer: each must come back as a typed error or a valid plan, never
 * an exception. Mutations: cut the text anywhere, flip characters, replace any JSON value by a hostile one
 * (wrong type, huge string, bidi override, markup, deep nesting), drop keys, re-sign the mutated content so
 * the checksum does not hide what comes after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScript } from './builtin';
import { buildPack, canonicalJson, planPackImport, readPack, sha256Hex } from './pack';

const RUNS = Number(process.env.PACK_FUZZ_RUNS ?? 10_000);

async function basePack(): Promise<unknown> {
  const script = { ...structuredClone(builtinScript('fr')), id: 'team.relance', version: 1 };
  const version = { schemaVersion: 1 as const, scriptId: 'team.relance', version: 1, script, note: 'v1', author: 'Claire', publishedAt: '2026-12-01T10:00:00.000Z' };
  return JSON.parse(JSON.stringify(await buildPack([{ id: 'team.relance', name: 'Relance', locale: 'fr', versions: [version] }], 'Claire', new Date('2026-12-03T09:00:00Z'))));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const hostile = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(''), fc.constant('x'.repeat(5000)),
  fc.constant('\u202Egnp.exe'), fc.constant('<script>alert(1)</script>'), fc.constant('{agent.nom}'), fc.constant([]), fc.constant({}),
  fc.constant(Array.from({ length: 300 }, () => ({ id: 'o', objection: 'x', answers: ['y'] }))), fc.constant(-1), fc.constant(1e308),
  fc.constant('__proto__'), fc.constant({ __proto__: { polluted: true } }), fc.constant(JSON.parse('{"__proto__":{"x":1}}')),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostile, resign: fc.boolean() }),
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat(), resign: fc.boolean() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

async function mutate(base: Json, m: Mutation): Promise<string> {
  const text = JSON.stringify(base);
  if (m.kind === 'cut') return text.slice(0, m.at % text.length);
  if (m.kind === 'flip') {
    const at = m.at % text.length;
    return text.slice(0, at) + m.char + text.slice(at + 1);
  }
  const copy = structuredClone(base) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[m.pick % all.length]!;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (m.kind === 'replace') parent[last] = m.value as Json;
  else if (Array.isArray(parent)) (parent as Json[]).splice(Number(last), 1);
  else delete parent[last];
  if (m.resign && copy && typeof copy === 'object' && !Array.isArray(copy)) {
    (copy as Record<string, Json>).checksum = `sha256:${await sha256Hex(canonicalJson((copy as Record<string, Json>).scripts))}`;
  }
  return JSON.stringify(copy);
}

describe('pack import fuzz', () => {
  it(`answers ${RUNS} mutated packs with an error or a plan, never an exception`, async () => {
    const base = (await basePack()) as Json;
    const counts = { runs: 0, refused: 0, accepted: 0, exceptions: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        counts.runs += 1;
        const text = await mutate(base, m);
        try {
          const read = await readPack(text);
          if (read.ok) {
            planPackImport(read.pack, () => undefined, new Date('2026-12-03T09:00:00Z'), 'fuzz');
            counts.accepted += 1;
          } else {
            expect(typeof read.error).toBe('string');
            counts.refused += 1;
          }
        } catch (e) {
          counts.exceptions += 1;
          throw e;
        }
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
    console.log(`pack fuzz: ${counts.runs} mutated packs, ${counts.refused} refused with a typed error, ${counts.accepted} accepted, ${counts.exceptions} uncaught exceptions`);
    expect(counts.exceptions).toBe(0);
    expect(counts.refused).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
