import { describe, expect, it } from 'vitest';
import { LEAD_ONLY, Mutation, PullRequest, PushRequest } from './protocol';

const id = '0190a6d8-1234-7abc-8def-0123456789ab';
const at = '2026-12-03T08:00:00.000Z';
const debtor = {
  schemaVersion: 1,
  id: 'd1',
  name: 'Atelier',
  siren: '123456789',
  address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
  language: 'fr',
  segment: 'small_business',
  kind: 'business',
  creditLimitCents: 0,
  blockingThresholdCents: 0,
  notes: '',
  createdAt: at,
  updatedAt: at,
};

describe('sync protocol schemas', () => {
  it('accepts a typed mutation with a UUIDv7 id', () => {
    expect(Mutation.safeParse({ id, clientTime: at, name: 'debtor.create', args: { debtor } }).success).toBe(true);
  });

  it('refuses a non-v7 id, an unknown name or a field outside the envelope', () => {
    const v4 = '0190a6d8-1234-4abc-8def-0123456789ab';
    expect(Mutation.safeParse({ id: v4, clientTime: at, name: 'debtor.create', args: { debtor } }).success).toBe(false);
    expect(Mutation.safeParse({ id, clientTime: at, name: 'debtor.drop', args: { debtor } }).success).toBe(false);
    expect(Mutation.safeParse({ id, clientTime: at, name: 'debtor.create', args: { debtor }, teamId: 'x' }).success).toBe(false);
  });

  it('requires the base value of every field an edit sets, and at least one field', () => {
    const edit = (base: object, set: object) => Mutation.safeParse({ id, clientTime: at, name: 'debtor.update', args: { id: 'd1', base, set } });
    expect(edit({ name: 'Old' }, { name: 'New' }).success).toBe(true);
    const missing = edit({}, { name: 'New' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toMatch(/base value/);
    expect(edit({}, {}).success).toBe(false);
    // Only mutable fields: the id and the creation time are not edits.
    expect(edit({ createdAt: at }, { createdAt: at }).success).toBe(false);
  });

  it("carries an agent's change of the debtor's kind (business ↔ consumer), and only a known kind", () => {
    const edit = (set: object) => Mutation.safeParse({ id, clientTime: at, name: 'debtor.update', args: { id: 'd1', base: { kind: 'business' }, set } });
    expect(edit({ kind: 'consumer' }).success).toBe(true);
    expect(edit({ kind: 'particulier' }).success).toBe(false);
  });

  it('asks a payment activity for whole payment details, or none (a payment recorded before they existed)', () => {
    const payment = (details?: object) =>
      Mutation.safeParse({ id, clientTime: at, name: 'activity.add', args: { activity: { schemaVersion: 1, id: 'a1', debtorId: 'd1', type: 'payment', at, summary: 'paid', agent: 'A', details } } });
    expect(payment({ amountCents: 1000, invoiceIds: ['i1'] }).success).toBe(true);
    expect(payment().success).toBe(true);
    expect(payment({}).success).toBe(false);
    expect(payment({ amountCents: -5, invoiceIds: ['i1'] }).success).toBe(false);
  });

  it('caps a push at 1,000 mutations and bounds pull pages', () => {
    const mutation = { id, clientTime: at, name: 'debtor.delete', args: { id: 'd1' } };
    const push = (n: number) => PushRequest.safeParse({ protocol: 1, clientId: '5f0c6a3e-2b1d-4c8e-9f7a-1b2c3d4e5f60', deviceName: 'x', mutations: Array(n).fill(mutation) });
    expect(push(1000).success).toBe(true);
    expect(push(1001).success).toBe(false);
    expect(PullRequest.safeParse({ protocol: 1, clientId: '5f0c6a3e-2b1d-4c8e-9f7a-1b2c3d4e5f60', cookie: null, limit: 10_000 }).success).toBe(false);
  });

  it('names the changes only a lead may make', () => {
    expect([...LEAD_ONLY].sort()).toEqual(['debtor.assign', 'debtor.setSegmentOverride', 'plan.decide', 'promise.setStatus', 'script.publish', 'teamSetting.set']);
  });
});
