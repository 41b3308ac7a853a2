import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment } from '../../domain/call/context';
import { TODAY } from '../../domain/call/call.fixtures';
import type { InvoiceFact } from '../../domain/call/facts';
import { initI18n, loadNamespaces } from '../../i18n';
import type { CallEvent } from '../../machines/call.types';
import { TO_DELAY_REASON, drive, startCall } from '../../machines/call.testing';
import { PromiseForm } from './PromiseForm';
import type { CallView } from './use-call-session';

const INVOICES: InvoiceFact[] = [{ invoiceId: 'i1', number: 'F-2026-0142', dueDate: '2026-10-01', outstandingCents: 689_000, daysLate: 48 }];

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['call', 'callscreen']);
});
afterEach(cleanup);

/** The form on a real call machine at step 6, with only what the form reads from the view. */
function renderForm() {
  const { actor } = startCall();
  drive(actor, [...TO_DELAY_REASON, { type: 'SET_REASON', code: 'forgotten' }, { type: 'NEXT' }]);
  const [commitment, setCommitment] = createSignal<Commitment | null>(actor.getSnapshot().context.commitment);
  actor.subscribe((s) => setCommitment(s.context.commitment));
  const view = {
    commitment,
    today: () => actor.getSnapshot().context.today,
    can: (e: CallEvent) => actor.getSnapshot().can(e),
    send: (e: CallEvent) => actor.send(e),
    readOnly: () => false,
  } as unknown as CallView;
  render(() => <PromiseForm view={view} invoices={INVOICES} overdueIds={['i1']} intl="fr-FR" />);
  return { recorded: () => actor.getSnapshot().context.commitment };
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

describe('PromiseForm', () => {
  it('forgets the promise when its amount and date are emptied after typing them', () => {
    const { recorded } = renderForm();
    type('promise-amount', '500');
    type('promise-date', '2026-12-15');
    expect(recorded()).toMatchObject({ kind: 'promise', amountCents: 50_000, date: '2026-12-15' });
    type('promise-amount', '');
    expect(recorded()).toBeNull();
    type('promise-date', '');
    expect(recorded()).toBeNull();
  });

  it('forgets it too when the amount becomes unreadable or the date goes past a year', () => {
    const { recorded } = renderForm();
    type('promise-amount', '500');
    type('promise-date', '2026-12-15');
    type('promise-date', '2999-12-31');
    expect(recorded()).toBeNull();
    expect(screen.getByText('Date de paiement : au plus un an à l’avance, soit jusqu’au 18/11/2027.')).toBeTruthy();
    type('promise-date', '2026-12-15');
    expect(recorded()).toMatchObject({ amountCents: 50_000 });
    type('promise-amount', '5OO');
    expect(recorded()).toBeNull();
  });

  it('asks for confirmation before recording more than what is owed', () => {
    const { recorded } = renderForm();
    type('promise-date', '2026-12-15');
    type('promise-amount', '99 999 999');
    expect(recorded()).toBeNull();
    expect(screen.getByTestId('promise-above-owed').textContent?.replace(/[\u202f\u00a0]/g, ' ')).toContain('99 999 999,00 € dépasse ce qui est dû (6 890,00 €)');
    fireEvent.click(screen.getByTestId('promise-confirm-above'));
    expect(recorded()).toMatchObject({ amountCents: 9_999_999_900 });
    // Typing another amount asks again.
    type('promise-amount', '88 888 888');
    expect(recorded()).toBeNull();
    type('promise-amount', '6890');
    expect(recorded()).toMatchObject({ amountCents: 689_000 });
    expect(screen.queryByTestId('promise-above-owed')).toBeNull();
  });

  it('checks dates against the call’s today', () => {
    renderForm();
    expect((screen.getByTestId('promise-date') as HTMLInputElement).max).toBe('2027-11-18');
    expect(TODAY).toBe('2026-11-18');
  });
});
