import { describe, expect, it } from 'vitest';
import { TODAY, bundleFixture, idSequence } from '../../../domain/call/call.fixtures';
import type { CallContext } from '../../../domain/call/context';
import { callOutcome } from '../../../domain/call/outcome';
import { planBases } from '../../../domain/call/outcome-plan';
import { recapEmail } from '../../../domain/drafts/recapEmail';
import type { Activity } from '../../../domain/entities';
import { AFTER_COMMITMENT, COMPLETED_CALL, TO_DELAY_REASON, drive, startCall } from '../../../machines/call.testing';
import type { CallEvent } from '../../../machines/call.types';
import { latestCall, readRecapCall, recapMode, type RecapCall } from '../../../domain/call/recap-call';
import { nextSteps, recapDraftInput } from './recap-input';

const ENDED_AT = '2026-11-18T09:42:30.000Z';
const SIGNATURE = 'Camille Martin\nChargée de recouvrement';

function ended(events: CallEvent[]): CallContext {
  const { actor } = startCall();
  drive(actor, events);
  return actor.getSnapshot().context;
}

function committed(events: CallEvent[], dossier = {}) {
  const outcome = callOutcome(ended(events), ENDED_AT, idSequence(), dossier);
  const call = readRecapCall(outcome.activity);
  if (!call) throw new Error('not a call');
  return { outcome, call };
}

const toCommitments: CallEvent[] = [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'invoice_not_received' }, { type: 'NEXT' }];

describe('recapDraftInput, from a committed call', () => {
  it('greets the corrected contact, states the promise and the invoice it settles, and what happens next', () => {
    const { call } = committed(COMPLETED_CALL);
    const draft = recapDraftInput({ call, bundle: bundleFixture(), signature: SIGNATURE });
    expect(draft.to).toEqual({ name: 'Claire Dubois', email: 'compta@boulangerie-martin.fr' });
    expect(draft.recapTaskId).toBe('id-3');
    expect(draft.email).toMatchObject({
      locale: 'fr',
      contact: { name: 'Claire Dubois' },
      signature: SIGNATURE,
      callDate: TODAY,
      reason: { code: 'cash_flow', text: 'Client important en retard' },
      commitments: [{ amountCents: 60_000, date: '2026-11-25', means: 'transfer' }],
      // The check after two business days of grace.
      nextSteps: [{ kind: 'check_payment', date: '2026-11-27' }],
    });
    expect(draft.email.invoices.map((i) => [i.number, i.amountExclVatCents, i.amountInclVatCents])).toEqual([['F-2026-0142', 70_000, 84_000]]);

    const text = recapEmail(draft.email).text;
    expect(text).toMatch(/^Bonjour Claire Dubois,/);
    expect(text).toContain('18/11/2026');
    expect(text.replace(/\s/g, '')).toContain('600,00€le25/11/2026parvirement');
    expect(text).toContain('F-2026-0142');
    expect(text).toContain('27/11/2026');
    expect(text.trimEnd().endsWith('Chargée de recouvrement')).toBe(true);
    // 84 000 incl. VAT of which 24 000 already paid: the table and its total say 600 €, the promise settles it.
    const plain = text.replace(/[\u202f\u00a0]/g, ' ');
    expect(plain).toMatch(/Total restant dû\s+600,00 €/);
    expect(plain).not.toMatch(/Total[^\n]*840,00 €/);
    expect(plain).toContain('Ce règlement solde ces factures.');
  });

  it('writes in the debtor’s language, whatever the agent’s', () => {
    const { call } = committed(COMPLETED_CALL);
    const bundle = bundleFixture();
    const draft = recapDraftInput({ call, bundle: { ...bundle, debtor: { ...bundle.debtor, language: 'en' } }, signature: SIGNATURE });
    expect(draft.email.locale).toBe('en');
    expect(recapEmail(draft.email).text).toMatch(/^Dear Claire Dubois,[\s\S]*by bank transfer/);
  });

  it('for a plan offer: the instalments, the invoices the plan settles, the lead’s answer to come, a duplicate offered', () => {
    const instalments = [
      { date: '2026-11-30', amountCents: 90_000 },
      { date: '2026-12-30', amountCents: 90_000 },
    ];
    const { outcome, call } = committed([...toCommitments, { type: 'PROPOSE_PLAN', instalments }, ...AFTER_COMMITMENT, { type: 'FINISH' }], {
      planBases: planBases(bundleFixture().invoices, TODAY, 0),
    });
    const draft = recapDraftInput({ call, bundle: bundleFixture(), signature: SIGNATURE, plan: outcome.plan });
    expect(draft.email.commitments).toEqual([
      { amountCents: 90_000, date: '2026-11-30', means: 'transfer' },
      { amountCents: 90_000, date: '2026-12-30', means: 'transfer' },
    ]);
    expect(draft.email.invoices.map((i) => i.number)).toEqual(['F-2026-0101', 'F-2026-0142']);
    expect(draft.email.nextSteps).toEqual([{ kind: 'send_duplicate' }, { kind: 'plan_answer', date: '2026-11-20' }]);
    expect(draft.recapTaskId).toBeNull();
  });

  it('for a dispute: the contested invoices and their review, no payment', () => {
    const { call } = committed([...toCommitments, { type: 'RAISE_DISPUTE', invoiceIds: ['i3'], why: 'Colis manquant' }, ...AFTER_COMMITMENT, { type: 'FINISH' }]);
    const draft = recapDraftInput({ call, bundle: bundleFixture(), signature: SIGNATURE });
    expect(draft.email.commitments).toEqual([]);
    expect(draft.email.invoices.map((i) => i.number)).toEqual(['F-2026-0190']);
    expect(draft.email.nextSteps).toEqual([{ kind: 'send_duplicate' }, { kind: 'dispute_review' }]);
  });

  it('reads an older call (reason as a bare code, no follow-ups): the dossier’s contact and the overdue invoices', () => {
    const activity: Activity = {
      schemaVersion: 1,
      id: 'a-old',
      debtorId: 'd1',
      type: 'call',
      at: '2026-11-10T14:00:00.000Z',
      outcome: 'promise',
      summary: '',
      agent: 'Camille Martin',
      details: { reason: 'cash_flow', commitment: { broken: true } },
    };
    const call = readRecapCall(activity)!;
    expect(call).toMatchObject({ reason: { code: 'cash_flow', detail: '' }, commitment: null, ending: null, followUps: [], at: activity.at });
    const draft = recapDraftInput({ call, bundle: bundleFixture(), signature: SIGNATURE });
    expect(draft.to.name).toBe('Claire Dubois');
    expect(draft.email.callDate).toBe('2026-11-10');
    // Overdue on 10 Nov: i1 (14 Oct) and i2 (31 Oct); the disputed and the paid ones are left out.
    expect(draft.email.invoices.map((i) => i.number)).toEqual(['F-2026-0101', 'F-2026-0142']);
    expect(nextSteps(call)).toEqual([]);
  });
});

describe('recapMode', () => {
  const base: Pick<RecapCall, 'commitment' | 'ending'> = { commitment: null, ending: { type: 'completed' } };
  it('drafts at once for a commitment, offers it for any completed call, and leaves it out when nobody was reached', () => {
    expect(recapMode(readRecapCall(committed(COMPLETED_CALL).outcome.activity)!)).toBe('draft');
    expect(recapMode({ ...base, commitment: { kind: 'dispute', invoiceIds: ['i1'], why: 'x' } })).toBe('draft');
    expect(recapMode({ ...base, commitment: { kind: 'none', why: 'Rappelle la semaine prochaine' } })).toBe('offer');
    expect(recapMode({ ...base, commitment: { kind: 'promise', amountCents: 1, date: TODAY, means: 'card', invoiceIds: [], restatedConfirmed: false } })).toBe('offer');
    expect(recapMode({ commitment: null, ending: { type: 'no_answer' } })).toBe('none');
  });
});

describe('latestCall', () => {
  it('is the most recent call by instant, not by text order of offsets', () => {
    const a = (id: string, type: Activity['type'], at: string): Activity => ({ schemaVersion: 1, id, debtorId: 'd1', type, at, summary: '', agent: '' });
    const list = [a('c1', 'call', '2026-11-18T10:00:00+01:00'), a('c2', 'call', '2026-11-18T09:30:00Z'), a('e1', 'email', '2026-11-19T09:00:00Z')];
    expect(latestCall(list)?.id).toBe('c2');
    expect(latestCall([list[2]!])).toBeUndefined();
  });
});
