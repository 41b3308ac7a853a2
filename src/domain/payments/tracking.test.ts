import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../demo';
import type { ReceivedPayment } from './allocation';
import { paymentsFromActivities } from './allocation';
import { brokenSoFar, trackPromises, withTrackedStatus, type TrackablePromise } from './tracking';

const promise = (id: string, dueDate: string, amountCents: number, over: Partial<TrackablePromise> = {}): TrackablePromise => ({
  id,
  createdAt: '2026-09-20T10:00:00.000Z',
  dueDate,
  amountCents,
  invoiceIds: ['a'],
  status: 'pending',
  paidCents: 0,
  ...over,
});
const pay = (date: string, cents: number, invoiceIds = ['a']): ReceivedPayment => ({
  id: `p-${date}-${cents}`,
  date,
  cents,
  invoiceIds,
  allocations: invoiceIds.map((invoiceId) => ({ invoiceId, cents })),
});

describe('trackPromises', () => {
  // Friday 2026-11-20 + 2 business days = Tuesday 2026-11-24.
  it('pending until the deadline, then broken when nothing came, kept when the money came in time', () => {
    const p = promise('p', '2026-11-20', 10_000);
    expect(trackPromises([p], [], '2026-11-24').get('p')).toEqual({ status: 'pending', paidCents: 0, deadline: '2026-11-24' });
    expect(trackPromises([p], [], '2026-11-25').get('p')?.status).toBe('broken');
    expect(trackPromises([p], [pay('2026-11-24', 10_000)], '2026-12-10').get('p')?.status).toBe('kept');
    expect(trackPromises([p], [pay('2026-11-25', 10_000)], '2026-12-10').get('p')?.status).toBe('broken');
    expect(trackPromises([p], [pay('2026-11-19', 4_000)], '2026-12-10').get('p')).toMatchObject({ status: 'partial', paidCents: 4_000 });
  });

  it('counts one payment once across instalments covering the same invoices', () => {
    const first = promise('i1', '2026-11-20', 5_000);
    const second = promise('i2', '2026-12-21', 5_000);
    const tracks = trackPromises([second, first], [pay('2026-11-18', 5_000)], '2026-12-28');
    expect(tracks.get('i1')?.status).toBe('kept');
    expect(tracks.get('i2')).toMatchObject({ status: 'broken', paidCents: 0 });
  });

  it('spills a larger payment onto the next instalment', () => {
    const tracks = trackPromises([promise('i1', '2026-11-20', 5_000), promise('i2', '2026-12-21', 5_000)], [pay('2026-11-18', 8_000)], '2026-11-30');
    expect(tracks.get('i1')).toMatchObject({ status: 'kept', paidCents: 5_000 });
    expect(tracks.get('i2')).toMatchObject({ status: 'pending', paidCents: 3_000 });
  });

  it('ignores a payment on an unrelated invoice, and money received before the promise was made', () => {
    const p = promise('p', '2026-11-20', 1_000);
    expect(trackPromises([p], [pay('2026-11-18', 1_000, ['other'])], '2026-12-01').get('p')?.status).toBe('broken');
    expect(trackPromises([p], [pay('2026-09-19', 1_000)], '2026-12-01').get('p')?.status).toBe('broken');
  });

  it('keeps a stored kept status and a stored paid amount the timeline does not explain', () => {
    const tracks = trackPromises(
      [promise('k', '2026-10-01', 1_000, { status: 'kept', paidCents: 1_000 }), promise('s', '2026-10-01', 1_000, { paidCents: 300 })],
      [],
      '2026-12-01',
    );
    expect(tracks.get('k')?.status).toBe('kept');
    expect(tracks.get('s')).toMatchObject({ status: 'partial', paidCents: 300 });
  });
});

describe('withTrackedStatus and brokenSoFar', () => {
  it('returns the promises with today’s status and counts broken and partial ones', () => {
    const list = withTrackedStatus(
      [promise('a', '2026-10-01', 1_000), promise('b', '2026-10-01', 1_000), promise('c', '2026-12-20', 1_000)],
      [pay('2026-10-01', 1_500)],
      '2026-11-23',
    );
    expect(list.map((p) => p.status)).toEqual(['kept', 'partial', 'pending']);
    expect(brokenSoFar(list)).toBe(1);
  });
});

describe('the demo portfolio', () => {
  it('its stored promise statuses agree with the statuses computed from its payments', () => {
    const today = '2026-11-23';
    for (const b of generateDemoPortfolio({ today })) {
      const payments = paymentsFromActivities(b.activities, b.invoices);
      const tracked = withTrackedStatus(b.promises, payments, today);
      expect(tracked.map((p) => [p.id, p.status]), b.debtor.name).toEqual(b.promises.map((p) => [p.id, p.status]));
    }
  });
});

describe('the promise window opens on its Paris day', () => {
  it('leaves a payment of the evening before (Paris) to nobody, whatever the UTC day says', () => {
    const p = promise('p', '2026-12-10', 5_000, { createdAt: '2026-12-02T23:30:00.000Z' });
    const tracks = trackPromises([p], [pay('2026-12-02', 5_000)], '2026-12-20');
    expect(tracks.get('p')).toMatchObject({ status: 'broken', paidCents: 0 });
  });
});
