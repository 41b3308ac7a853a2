import { Route, Router } from '@solidjs/router';
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, ServicesProvider } from '../../session/store-context';
import { bundleFixture, idSequence } from '../../domain/call/call.fixtures';
import { callOutcome } from '../../domain/call/outcome';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { AFTER_COMMITMENT, PROMISE, TO_DELAY_REASON, drive, startCall } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { OutcomeSummary } from './OutcomeSummary';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['call', 'callscreen', 'recap', 'drafts']);
});
afterEach(() => cleanup());

async function outcomeText(amountCents: number, seq: number): Promise<string> {
  const { actor } = startCall();
  const events: CallEvent[] = [
    ...TO_DELAY_REASON,
    { type: 'SET_REASON', code: 'cash_flow', detail: '' },
    { type: 'NEXT' },
    { ...PROMISE, amountCents },
    { type: 'CONFIRM_RESTATED' },
    ...AFTER_COMMITMENT,
    { type: 'FINISH' },
  ];
  drive(actor, events);
  const outcome = callOutcome(actor.getSnapshot().context, '2026-11-18T09:42:30.000Z', idSequence(), {});
  const services = createAppServices(createCadenceStore(await openCadenceDb(`outcome-summary-${seq}`)), DEFAULT_SETTINGS);
  render(() => (
    <ServicesProvider services={services}>
      <Router>
        <Route path="*" component={() => <OutcomeSummary commit={{ kind: 'committed', outcome }} bundle={bundleFixture()} onRetry={() => undefined} headingRef={() => undefined} />} />
      </Router>
    </ServicesProvider>
  ));
  return plain((await screen.findByTestId('outcome-owed')).textContent ?? '');
}

describe('OutcomeSummary, what is still owed', () => {
  // F-2026-0142: 840,00 € incl. VAT, of which 240,00 € already paid.
  it('states the remaining per invoice and in total, and what is left after a partial promise', async () => {
    const text = await outcomeText(50_000, 1);
    expect(text).toContain('F-2026-0142 : 600,00 €');
    expect(text).toContain('Total restant dû : 600,00 €');
    expect(text).toContain('Après cet engagement, il reste 100,00 € à régler.');
    expect(text).not.toContain('840,00 €');
  });

  it('says a promise of the whole remaining settles the invoices', async () => {
    expect(await outcomeText(60_000, 2)).toContain('Cet engagement solde ces factures.');
  });
});
