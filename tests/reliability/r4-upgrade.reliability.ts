/**
 * R4: a database of every shipped version, written into real Chromium IndexedDB by that version's own upgrade
 * steps (tests/fixtures/db/v1…v10.json through pages/fixture-db), then opened by today's app. Records kept is
 * checked per store with a checksum of the records as the old version wrote them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DB_VERSION } from '../../src/storage/upgrades';
import { FIXTURES, type FixtureKey } from '../fixtures/db/load';
import { launch } from '../e2e/browser';
import { FIXTURE_PAGE_PATH } from './build';
import { appContext, figure } from './harness';
import { canonicalJson, dumpDatabase, storeChecksum, type DumpedDb, type DumpedRecord } from './idb-dump';

const baseUrl = inject('baseUrl');
/**
 * Fields derived from a record, present after, absent before: v3 indexes invoice numbers; the worklist adds
 * the payment-history digest to summaries written before it existed (rebuilt once, in the background).
 */
const DERIVED: Record<string, string[]> = { invoices: ['numberKey'], summaries: ['history'] };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Summaries are derived records with their own format version: the worklist rebuilds one written in an older
 * format from the debtor's records (format 1 → 2, src/domain/summary-v1.ts), in the background. A rebuilt
 * summary is kept when it still digests the same debtor under the same name and segment; its digest parts are
 * the rebuild's, checked by the unit tests (src/features/worklist/summary-format.test.ts).
 */
function rebuiltSummaryKept(old: Record<string, unknown>, now: Record<string, unknown>): boolean {
  return ['debtorId', 'name', 'searchKey', 'segment'].every((field) => now[field] === old[field]);
}

/**
 * KPI digests are derived too, with their own format (`v`, KPI_DIGEST_VERSION): the KPI worker rebuilds one
 * written in an older format from the debtor's records and writes it back (format 1 → 2 packs numbers into an
 * Int32Array). A rebuilt digest is kept when it still digests the same debtor, segment and agent; its numbers
 * are the rebuild's, checked by the unit tests (src/domain/kpis/kpi-digest.test.ts).
 */
function rebuiltDigestKept(old: Record<string, unknown>, now: Record<string, unknown>): boolean {
  return ['debtorId', 'segment', 'agent'].every((field) => now[field] === old[field]);
}

/** The stored records the fixture wrote, seen after the upgrade: same keys, derived fields left out. */
function keptRecords(store: string, before: DumpedRecord[], after: DumpedRecord[]): DumpedRecord[] {
  const byKey = new Map(after.map((r) => [canonicalJson(r.key), r]));
  const kept: DumpedRecord[] = [];
  for (const old of before) {
    const now = byKey.get(canonicalJson(old.key));
    if (!now) continue;
    const oldValue = old.value as Record<string, unknown>;
    const nowValue = now.value as Record<string, unknown>;
    if (store === 'summaries' && nowValue.schemaVersion !== oldValue.schemaVersion) {
      if (rebuiltSummaryKept(oldValue, nowValue)) kept.push({ key: now.key, value: old.value });
      continue;
    }
    if (store === 'kpiDigests' && nowValue.v !== oldValue.v) {
      if (rebuiltDigestKept(oldValue, nowValue)) kept.push({ key: now.key, value: old.value });
      continue;
    }
    const value = { ...(now.value as Record<string, unknown>) };
    for (const field of DERIVED[store] ?? []) if (!(field in (old.value as object))) delete value[field];
    kept.push({ key: now.key, value });
  }
  return kept;
}

function fixtureValues(key: FixtureKey): Record<string, unknown[]> {
  const fx = FIXTURES[key];
  return { ...fx.stores, settings: [fx.settings, ...Object.values(fx.settingsRecords ?? {})].filter((v) => v !== undefined) };
}

const sortedJson = (values: unknown[]) => values.map(canonicalJson).sort();

describe('R4 every shipped database version opens in today’s app with every record kept', () => {
  it('has a committed fixture for every database version the code knows', () => {
    const versions = Object.values(FIXTURES).map((f) => f.dbVersion).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.keys(FIXTURES) as FixtureKey[])('%s', async (key) => {
    const fixture = FIXTURES[key];
    const context = await appContext(browser, 'block');
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${FIXTURE_PAGE_PATH}index.html`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate((k) => window.createFixtureDb('cadence', k), key)).toBe(fixture.dbVersion);
      const before: DumpedDb = await dumpDatabase(page);
      expect(before.version).toBe(fixture.dbVersion);
      // The page wrote exactly the committed JSON, no more, no less.
      const expected = fixtureValues(key);
      for (const [store, values] of Object.entries(expected)) {
        expect(sortedJson((before.stores[store]?.records ?? []).map((r) => r.value)), `${key} ${store} as written`).toEqual(sortedJson(values));
      }

      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('[data-testid="worklist"][data-state="ready"]', { timeout: 30_000 });
      const after = await dumpDatabase(page);
      expect(after.version).toBe(DB_VERSION);

      const parts: string[] = [];
      let total = 0;
      let kept = 0;
      for (const [store, dumped] of Object.entries(before.stores)) {
        const keptHere = keptRecords(store, dumped.records, after.stores[store]?.records ?? []);
        const sumBefore = storeChecksum(dumped.records);
        const sumAfter = storeChecksum(keptHere);
        total += dumped.records.length;
        kept += keptHere.length;
        parts.push(`${store} ${keptHere.length}/${dumped.records.length} ${sumAfter}${sumAfter === sumBefore ? '' : `≠${sumBefore}`}`);
        expect(keptHere.length, `${key} ${store} records kept`).toBe(dumped.records.length);
        expect(sumAfter, `${key} ${store} checksum`).toBe(sumBefore);
      }
      const created = Object.keys(after.stores).filter((s) => !(s in before.stores));
      const createdText = created.map((s) => `${s} ${after.stores[s]?.records.length ?? 0}`).join(', ');
      figure(`R4 upgrade ${key} (db v${fixture.dbVersion}→v${DB_VERSION}): ${kept}/${total} records kept, checksums equal per store [${parts.join('; ')}]${created.length ? `; created: ${createdText}` : ''}`);

      // A call in progress written by an older release resumes where it was, notes included.
      for (const call of (fixture.stores.calls ?? []) as { debtorId: string; envelope: { snapshot: { context: { notes: string; step: string } } } }[]) {
        await page.goto(`${baseUrl}/debtors/${call.debtorId}/call`);
        await page.waitForSelector(`[data-testid="call"][data-mode="writer"][data-step="${call.envelope.snapshot.context.step}"]`, { timeout: 20_000 });
        expect(await page.inputValue('#call-notes')).toBe(call.envelope.snapshot.context.notes);
      }
    } finally {
      await context.close();
    }
  });
});
