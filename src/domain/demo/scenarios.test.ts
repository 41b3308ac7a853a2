/** Each situation the demo must show is found by what the data says, not by a debtor's name or id. */
import { describe, expect, it } from 'vitest';
import type { DebtorBundle } from '../bundle';
import { addDays, daysBetween } from './calendar';
import { generateDemoPortfolio } from './portfolio';

const TODAY = '2026-11-23';
const YESTERDAY = addDays(TODAY, -1);
const TOMORROW = addDays(TODAY, 1);

const outstanding = (b: DebtorBundle) =>
  b.invoices.filter((i) => i.status !== 'paid').reduce((s, i) => s + i.amountInclVatCents - i.amountPaidCents, 0);
const overdueOpen = (b: DebtorBundle) => b.invoices.filter((i) => i.status !== 'paid' && i.dueDate < TODAY);

describe.each([undefined, 7, 424242])('demo scenarios (seed %s)', (seed) => {
  const demo = generateDemoPortfolio({ today: TODAY, seed });
  const find = (predicate: (b: DebtorBundle) => boolean) => demo.filter(predicate);

  it('a forgetful good payer: one invoice 6 days late, everything else paid on time', () => {
    const found = find((b) => {
      const late = overdueOpen(b);
      const paid = b.invoices.filter((i) => i.status === 'paid');
      return (
        late.length === 1 &&
        daysBetween(late[0]?.dueDate ?? TODAY, TODAY) === 6 &&
        paid.length >= 3 &&
        b.promises.every((p) => p.status === 'kept') &&
        b.activities.filter((a) => a.type === 'payment').every((a) => {
          const inv = b.invoices.find((i) => (a.details?.invoiceIds as string[] | undefined)?.includes(i.id));
          return inv !== undefined && a.at.slice(0, 10) <= inv.dueDate;
        })
      );
    });
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('a cash-strapped company: several overdue invoices, a partial payment, a payment-plan request', () => {
    const found = find(
      (b) =>
        overdueOpen(b).length >= 3 &&
        b.invoices.some((i) => i.amountPaidCents > 0 && i.amountPaidCents < i.amountInclVatCents) &&
        b.activities.some((a) => a.type === 'call' && a.outcome === 'payment_plan_requested' && /échéancier/.test(a.summary)),
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('a disputed invoice with its reason', () => {
    const disputed = demo.flatMap((b) => b.invoices).filter((i) => i.status === 'disputed');
    expect(disputed.some((i) => /livraison incomplète/i.test(i.disputeReason ?? ''))).toBe(true);
  });

  it('a promise broken last month, nothing paid, with the call where it was made', () => {
    const found = find((b) =>
      b.promises.some((p) => {
        const age = daysBetween(p.dueDate, TODAY);
        const brokenOrLapsed = p.status === 'broken' || (p.status === 'pending' && p.dueDate < TODAY);
        const call = b.activities.find((a) => a.type === 'call' && a.outcome === 'promise' && a.at === p.createdAt);
        return brokenOrLapsed && p.paidCents === 0 && age >= 15 && age <= 45 && call !== undefined;
      }),
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('several contacts with different roles, exactly one preferred', () => {
    const found = find((b) => {
      const roles = new Set(b.contacts.map((c) => c.role));
      return ['accountant', 'manager', 'purchasing', 'accounts_payable'].every((r) => roles.has(r as never));
    });
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const b of found) expect(b.contacts.filter((c) => c.preferred)).toHaveLength(1);
  });

  it('invoices not yet due, next to overdue ones', () => {
    expect(find((b) => overdueOpen(b).length > 0 && b.invoices.filter((i) => i.status === 'open' && i.dueDate > TODAY).length >= 2).length).toBeGreaterThanOrEqual(1);
  });

  it('an account above its blocking threshold', () => {
    expect(find((b) => b.debtor.blockingThresholdCents > 0 && outstanding(b) > b.debtor.blockingThresholdCents).length).toBeGreaterThanOrEqual(1);
  });

  it('a key account with a large invoice due in a few days and a pre-due call planned', () => {
    const found = find((b) =>
      b.debtor.segment === 'key_account' &&
      b.invoices.some((i) => {
        const dueIn = daysBetween(TODAY, i.dueDate);
        return i.status === 'open' && dueIn >= 1 && dueIn <= 7 && i.amountExclVatCents >= 2_000_000 &&
          b.tasks.some((t) => !t.done && t.dueDate >= TODAY && t.dueDate < i.dueDate && t.note.includes(i.number));
      }),
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('a public-sector debtor waiting on its approval workflow', () => {
    const found = find(
      (b) =>
        b.debtor.segment === 'public_sector' &&
        b.debtor.siren.startsWith('2') &&
        overdueOpen(b).length > 0 &&
        b.activities.filter((a) => a.type === 'call' && a.details?.reason === 'approval_workflow').length >= 2,
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('an English-speaking UK subsidiary', () => {
    expect(find((b) => b.debtor.language === 'en' && b.debtor.address.country === 'GB' && overdueOpen(b).length > 0).length).toBeGreaterThanOrEqual(1);
  });

  it('a debtor with everything paid: nothing outstanding and nothing that would put it in the worklist', () => {
    const found = find((b) => b.invoices.length > 0 && b.invoices.every((i) => i.status === 'paid'));
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const b of found) {
      expect(outstanding(b)).toBe(0);
      expect(b.invoices.every((i) => i.amountPaidCents === i.amountInclVatCents)).toBe(true);
      expect(b.tasks.filter((t) => !t.done)).toEqual([]);
      expect(b.promises.filter((p) => p.status === 'pending' || p.status === 'broken')).toEqual([]);
    }
  });

  it('a promise check due today and a call-back at an agreed hour tomorrow', () => {
    const tasks = demo.flatMap((b) => b.tasks).filter((t) => !t.done);
    expect(tasks.some((t) => t.kind === 'check_promise' && t.dueDate === TODAY)).toBe(true);
    expect(tasks.some((t) => t.kind === 'call_back' && t.dueDate === TOMORROW && /^\d{2}:\d{2}$/.test(t.dueTime ?? ''))).toBe(true);
  });

  it('a timeline across past months: calls with outcomes, e-mails, letters, notes, payments, in French', () => {
    const activities = demo.flatMap((b) => b.activities);
    for (const type of ['call', 'email', 'letter', 'note', 'payment'] as const) {
      expect(activities.filter((a) => a.type === type).length).toBeGreaterThanOrEqual(3);
    }
    expect(activities.filter((a) => a.type === 'call').every((a) => a.outcome)).toBe(true);
    expect(activities.some((a) => a.at.slice(0, 10) === YESTERDAY)).toBe(true);
    expect(activities.some((a) => daysBetween(a.at.slice(0, 10), TODAY) > 90)).toBe(true);
    expect(activities.filter((a) => /relance|appel|virement|message|promesse/i.test(a.summary)).length).toBeGreaterThan(activities.length / 2);
  });
});
