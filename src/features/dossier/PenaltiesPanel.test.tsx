import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import { createAppServices, ServicesProvider } from '../../session/store-context';
import { DEFAULT_SETTINGS, type RateSettings } from '../../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../../domain/penalties/rates';
import { initI18n, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { PenaltiesPanel } from './PenaltiesPanel';

const rates: RateSettings = { schemaVersion: 1, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };
const TODAY = '2026-03-02';
const invoices = [makeInvoice({ id: 'a', dueDate: '2026-01-31', amountInclVatCents: 100_000 })];

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['penalties', 'drafts']);
});
afterEach(() => cleanup());

async function show(bundle: ReturnType<typeof makeBundle>): Promise<string> {
  const services = createAppServices(createCadenceStore(await openCadenceDb(`penalties-panel-${bundle.debtor.kind}-${bundle.activities.length}`)), DEFAULT_SETTINGS);
  render(() => (
    <ServicesProvider services={services}>
      <PenaltiesPanel bundle={bundle} today={TODAY} rates={rates} onRatesChanged={() => undefined} />
    </ServicesProvider>
  ));
  return (await screen.findByTestId('penalties')).textContent ?? '';
}

describe('PenaltiesPanel', () => {
  it('for a consumer, cites neither L441-10, the ECB + 10 points nor the 40 € indemnity, and offers no contractual rate', async () => {
    const text = await show(makeBundle({ debtor: makeDebtor({ kind: 'consumer' }), invoices }));
    expect(text).not.toMatch(/L441|BCE|10 points|40 €|Indemnité/);
    expect(text).toContain('aucun intérêt avant la mise en demeure');
    expect(text).toContain('1231-6 du Code civil');
    expect(screen.queryByText('Taux contractuel de ce client')).toBeNull();
  });

  it('for a consumer after a formal notice, shows the legal interest since that notice', async () => {
    const notice = makeActivity({ id: 'n', type: 'letter', at: '2026-02-10T09:00:00.000Z', outcome: 'sent', details: { step: 'formal_notice' } });
    const text = await show(makeBundle({ debtor: makeDebtor({ kind: 'consumer' }), invoices, activities: [notice] }));
    expect(text).toContain('depuis la mise en demeure du 10/02/2026');
    expect(text.replace(/[\u202f\u00a0]/g, ' ')).toContain('1,44 €');
    expect(text).not.toMatch(/L441|40 €|Indemnité/);
  });

  it('for a business, states the L441-10 basis and the indemnity', async () => {
    const text = await show(makeBundle({ debtor: makeDebtor({ kind: 'business' }), invoices }));
    expect(text).toContain('L441-10');
    expect(text).toContain('Indemnité');
  });
});
