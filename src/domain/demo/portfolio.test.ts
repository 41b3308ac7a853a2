import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar';
import { bundleProblems, schemaProblems } from './invariants';
import { luhnValid } from './siren';
import { DEMO_DEBTOR_COUNT, generateDemoPortfolio } from './portfolio';

const TODAY = '2026-11-23';
const demo = generateDemoPortfolio({ today: TODAY });
const contacts = demo.flatMap((b) => b.contacts);
const invoices = demo.flatMap((b) => b.invoices);
const activities = demo.flatMap((b) => b.activities);
const promises = demo.flatMap((b) => b.promises);
const tasks = demo.flatMap((b) => b.tasks);

describe('generateDemoPortfolio', () => {
  it('produces about forty debtors, every record valid against its zod schema', () => {
    expect(demo).toHaveLength(DEMO_DEBTOR_COUNT);
    for (const bundle of demo) expect(schemaProblems(bundle)).toEqual([]);
  });

  it('keeps every bundle internally consistent (references, amounts, statuses, past timeline)', () => {
    for (const bundle of demo) expect(bundleProblems(bundle, TODAY)).toEqual([]);
  });

  it('is deterministic: same inputs, identical output', () => {
    expect(generateDemoPortfolio({ today: TODAY })).toEqual(demo);
    expect(generateDemoPortfolio({ today: TODAY, seed: 7 })).toEqual(generateDemoPortfolio({ today: TODAY, seed: 7 }));
  });

  it('varies the generated debtors with the seed but keeps the hand-written scenarios', () => {
    const other = generateDemoPortfolio({ today: TODAY, seed: 7 });
    expect(other.slice(0, 14).map((b) => b.debtor)).toEqual(demo.slice(0, 14).map((b) => b.debtor));
    expect(other.slice(14).map((b) => b.debtor.name)).not.toEqual(demo.slice(14).map((b) => b.debtor.name));
    for (const bundle of other) expect([...schemaProblems(bundle), ...bundleProblems(bundle, TODAY)]).toEqual([]);
  });

  it('derives ids deterministically and never reuses one', () => {
    expect(demo[0]?.debtor.id).toBe('d-0001');
    expect(demo[0]?.invoices[0]?.id).toBe('inv-0001-01');
    const ids = [...demo.map((b) => b.debtor), ...contacts, ...invoices, ...activities, ...promises, ...tasks].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = invoices.map((i) => i.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^FA-\d{4}-\d{5}$/);
  });

  it('numbers invoices in issue order within each year', () => {
    const sorted = [...invoices].sort((a, b) => (a.number < b.number ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1], sorted[i]];
      if (prev && cur && prev.number.slice(3, 7) === cur.number.slice(3, 7)) expect(prev.issueDate <= cur.issueDate).toBe(true);
    }
  });

  it('looks like French B2B data: business kind, Luhn-valid SIREN, French phones and postal codes, fictional mail domains', () => {
    for (const { debtor, contacts } of demo) {
      expect(debtor.kind).toBe('business');
      expect(luhnValid(debtor.siren)).toBe(true);
      expect(debtor.name).toMatch(/\b(SAS|SARL|SA|SASU|EURL|SNC|SCOP|Ltd)$|^Communauté/);
      if (debtor.address.country === 'FR') expect(debtor.address.postalCode).toMatch(/^\d{5}$/);
      for (const c of contacts) {
        expect(c.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.example$/);
        expect(c.phone).toMatch(/^0\d( \d\d){4}$|^\+44 20 7946 0\d{3}$/);
      }
    }
  });

  it('computes VAT at 20 % in integer cents', () => {
    for (const inv of invoices) {
      expect(inv.amountInclVatCents).toBe(inv.amountExclVatCents + Math.round(inv.amountExclVatCents * 0.2));
      expect(inv.currency).toBe('EUR');
    }
  });

  it('keeps overdue invoices between 3 and 120 days late, with some not yet due', () => {
    const open = invoices.filter((i) => i.status !== 'paid');
    const lateness = open.map((i) => daysBetween(i.dueDate, TODAY)).filter((d) => d > 0);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...lateness)).toBeLessThanOrEqual(120);
    expect(open.filter((i) => i.dueDate > TODAY).length).toBeGreaterThanOrEqual(3);
  });

  it('writes every date relative to today: moving today shifts every date and nothing else', () => {
    const later = generateDemoPortfolio({ today: addDays(TODAY, 45) });
    // Invoice numbers, summaries and notes embed dates or years in free text: left out of the comparison.
    const TEXT = new Set(['number', 'summary', 'note', 'notes']);
    const shift = (value: unknown, days: number): unknown => {
      if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? addDays(value.slice(0, 10), days) + value.slice(10) : value;
      if (Array.isArray(value)) return value.map((v) => shift(v, days));
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).filter(([k]) => !TEXT.has(k)).map(([k, v]) => [k, shift(v, days)]));
      }
      return value;
    };
    expect(shift(later, -45)).toEqual(shift(demo, 0));
    expect(later[0]?.invoices.at(-1)?.dueDate).toBe(addDays(TODAY, 45 - 6));
  });

  it('rejects a today that is not a calendar date', () => {
    expect(() => generateDemoPortfolio({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ today: '23/11/2026' })).toThrow(RangeError);
  });
});
