/**
 * Test data for the call domain, the scripts and the call machine (imported by *.test.ts only).
 * Today is Wednesday 2026-11-18; two invoices are overdue, one is due soon, one is disputed, one paid.
 */
import type { DebtorBundle } from '../bundle';
import type { Contact, Invoice } from '../entities';

export const TODAY = '2026-11-18';
export const STARTED_AT = '2026-11-18T09:30:00.000Z';

function invoice(id: string, number: string, dueDate: string, inclVat: number, extra: Partial<Invoice> = {}): Invoice {
  return {
    schemaVersion: 1,
    id,
    debtorId: 'd1',
    number,
    issueDate: '2026-08-01',
    dueDate,
    label: 'Prestations',
    amountExclVatCents: Math.round(inclVat / 1.2),
    amountInclVatCents: inclVat,
    currency: 'EUR',
    status: 'open',
    amountPaidCents: 0,
    ...extra,
  };
}

export const CONTACT: Contact = {
  schemaVersion: 1,
  id: 'c1',
  debtorId: 'd1',
  name: 'Claire Dubois',
  role: 'accountant',
  phone: '01 23 45 67 89',
  email: 'claire.dubois@boulangerie-martin.fr',
  preferred: true,
};

export function bundleFixture(): DebtorBundle {
  return {
    debtor: {
      schemaVersion: 1,
      id: 'd1',
      name: 'Boulangerie Martin SARL',
      siren: '123456789',
      address: { line1: '3 rue du Four', postalCode: '69001', city: 'Lyon', country: 'FR' },
      language: 'fr',
      segment: 'small_business',
      kind: 'business',
      creditLimitCents: 1_000_000,
      blockingThresholdCents: 50_000,
      notes: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    contacts: [{ ...CONTACT, id: 'c0', name: 'Paul Martin', role: 'manager', preferred: false }, CONTACT],
    invoices: [
      invoice('i2', 'F-2026-0142', '2026-10-31', 84_000, { amountPaidCents: 24_000 }),
      invoice('i1', 'F-2026-0101', '2026-10-14', 120_000),
      invoice('i3', 'F-2026-0190', '2026-11-30', 36_000),
      invoice('i4', 'F-2026-0120', '2026-10-20', 50_000, { status: 'disputed', disputeReason: 'Livraison incomplète' }),
      invoice('i5', 'F-2026-0090', '2026-09-30', 10_000, { status: 'paid', amountPaidCents: 10_000 }),
    ],
    activities: [],
    promises: [],
    tasks: [],
  };
}

export const SETTINGS = { agentName: 'Camille Martin', company: 'Atelier Lumière SAS' };

/** A sequence of ids, so tests can assert which record got which id. */
export function idSequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
