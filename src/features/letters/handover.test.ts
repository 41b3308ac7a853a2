import { DEFAULT_CREDITOR } from '../../storage/preferences';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS, type RateSettings } from '../../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../../domain/penalties/rates';
import { buildHandover, handoverFileName, handoverJson, readHandover, HANDOVER_VERSION } from './handover';

const TODAY = '2026-11-23';
const rates: RateSettings = { schemaVersion: 1, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };
const portfolio = generateDemoPortfolio({ today: TODAY });

function handoverOf(predicate: (b: (typeof portfolio)[number]) => boolean) {
  const bundle = portfolio.find(predicate);
  if (!bundle) throw new Error('no demo debtor fits');
  return { bundle, doc: buildHandover({ bundle, plans: [], settings: DEFAULT_SETTINGS, creditor: DEFAULT_CREDITOR, rates, today: TODAY, now: '2026-11-23T10:00:00.000Z' }) };
}

describe('buildHandover', () => {
  it('holds the whole traced dossier with statuses as of today, and reads back identical', () => {
    const { bundle, doc } = handoverOf((b) => b.promises.some((p) => p.status === 'broken'));
    expect(doc.version).toBe(HANDOVER_VERSION);
    expect(doc.activities).toHaveLength(bundle.activities.length);
    expect(doc.invoices).toHaveLength(bundle.invoices.length);
    expect(doc.promisesBroken).toBeGreaterThan(0);
    expect(doc.balance.overdueCents).toBeGreaterThan(0);
    expect(doc.penalties.indemnityCents).toBe(4_000 * doc.penalties.perInvoice.length);
    expect(doc.totalClaimedCents).toBe(doc.balance.overdueCents + doc.penalties.interestCents + doc.penalties.indemnityCents);
    const back = readHandover(handoverJson(doc));
    expect(back).toEqual({ ok: true, doc });
  });

  it('refuses what is not a hand-over, a newer version and a damaged file', () => {
    const { doc } = handoverOf(() => true);
    expect(readHandover('{')).toEqual({ ok: false, error: 'not_json' });
    expect(readHandover('{"format":"other"}')).toEqual({ ok: false, error: 'not_handover' });
    expect(readHandover(JSON.stringify({ ...doc, version: HANDOVER_VERSION + 1 }))).toEqual({ ok: false, error: 'newer_version' });
    expect(readHandover(JSON.stringify({ ...doc, invoices: [{ id: 'x' }] }))).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('handoverFileName', () => {
  it('makes a portable slug', () => {
    expect(handoverFileName('Hôtel des Cévennes SARL', TODAY)).toBe('dossier-hotel-des-cevennes-sarl-2026-11-23.json');
  });
});
