import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { getKpiCosts } from '../../storage/kpi-source';
import { createCadenceStore } from '../../storage/store';
import KpisPage from './KpisPage';

/** Reading, planning and IndexedDB on a shared, loaded machine: wait longer than testing-library's 1 s. */
const SLOW = { timeout: 15_000 };

// jsdom has no canvas: the chart is uPlot's business (and the e2e suite's); here it only has to be asked for.
vi.mock('./KpiChart', () => ({
  default: (props: { series: { label: string }[]; locale: string; xLabel: string }) => (
    <div data-testid="chart-stub" data-locale={props.locale} data-x={props.xLabel}>
      {props.series.map((s) => s.label).join(',')}
    </div>
  ),
}));

let services: AppServices;
let name = '';
let seq = 0;

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['kpis']);
});

beforeEach(async () => {
  name = `kpis-page-${++seq}-${Date.now()}`;
  const store = createCadenceStore(await openCadenceDb(name));
  await store.putSettings(DEFAULT_SETTINGS);
  await store.putBundles(generateDemoPortfolio({ today: new Date().toISOString().slice(0, 10) }));
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
});

describe('KpisPage', { timeout: 60_000 }, () => {
  it('shows 12 months of KPIs in a table, per team, agent or segment, with the chart asked for', async () => {
    render(() => (
      <ServicesProvider services={services}>
        <KpisPage />
      </ServicesProvider>
    ));
    const table = await screen.findByTestId('kpis-table', {}, SLOW);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(12);
    expect(table.querySelector('thead')?.textContent).toContain('DSO (épuisement)');
    const chart = await screen.findByTestId('chart-stub', {}, SLOW);
    expect(chart.textContent).toBe('DSO,DSO (épuisement),Meilleur DSO possible');
    // The chart is told the interface's language: uPlot's own month names and legend are English.
    expect(chart.dataset).toMatchObject({ locale: 'fr-FR', x: 'Mois' });
    // Months in words ("déc. 2026"), not "2026-12".
    const months = [...table.querySelectorAll('tbody th')].map((th) => th.textContent ?? '');
    expect(months.filter((m) => /^\d{4}-\d{2}$/u.test(m))).toEqual([]);
    expect(months.every((m) => /^(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}$/u.test(m)), months.join(' | ')).toBe(true);
    // Each acronym of the table is defined on the page.
    expect(screen.getByTestId('kpis-definitions').textContent).toContain('CEI (indice d’efficacité du recouvrement)');
    const select = screen.getByTestId('kpis-group') as HTMLSelectElement;
    const segment = [...select.options].find((o) => o.value.startsWith('s:'));
    expect(segment).toBeDefined();
    fireEvent.change(select, { target: { value: segment?.value } });
    await waitFor(() => expect(select.value).toBe(segment?.value), SLOW);
    expect(screen.getByTestId('kpis-buckets').textContent).toContain('Non échu');

    // The payment-history segments are a grouping of their own, labelled apart from the market segments.
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['Par chargé de recouvrement', 'Par segment de marché', 'Par historique de paiement (12 mois)']);
    const history = [...(select.querySelectorAll('optgroup')[2]?.querySelectorAll('option') ?? [])];
    expect(history.length).toBeGreaterThan(1);
    expect(history.every((o) => ['Fiable', 'À surveiller', 'Mauvais payeur'].includes(o.textContent ?? ''))).toBe(true);
    const team = screen.getByTestId('kpis-table').querySelector('tbody tr:last-child td')?.textContent;
    fireEvent.change(select, { target: { value: history[0]?.value } });
    await waitFor(() => expect(select.value).toBe(history[0]?.value), SLOW);
    // A part of the team owes less than the whole team this month.
    await waitFor(() => expect(screen.getByTestId('kpis-table').querySelector('tbody tr:last-child td')?.textContent).not.toBe(team), SLOW);
  });

  it('saves the unit costs of the cost per claim', async () => {
    render(() => (
      <ServicesProvider services={services}>
        <KpisPage />
      </ServicesProvider>
    ));
    const form = await screen.findByTestId('kpis-costs', {}, SLOW);
    fireEvent.input(screen.getByLabelText('Coût d’une heure d’appel (€)'), { target: { value: '42,50' } });
    fireEvent.submit(form);
    await screen.findByText('Coûts enregistrés.', {}, SLOW);
    const db = await openCadenceDb(name);
    expect(await getKpiCosts(idbRecords(db))).toMatchObject({ hourlyCents: 4250, letterCents: 150 });
    db.close();
  });
});
