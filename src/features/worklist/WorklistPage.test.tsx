import { MemoryRouter, Route } from '@solidjs/router';
import { cleanup, render, screen, waitFor, fireEvent } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { generateDemoPortfolio } from '../../domain/demo';
import { buildWorklist } from '../../domain/worklist';
import { initI18n, setLang } from '../../i18n';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { WorklistPage } from './WorklistPage';
import { worklistView } from './worklist-data';


const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');
let services: AppServices;
let dbSeq = 0;

beforeAll(async () => {
  await initI18n('fr');
});

beforeEach(async () => {
  worklistView.query = '';
  worklistView.scrollY = 0;
  const store = createCadenceStore(await openCadenceDb(`worklist-page-${++dbSeq}`), { yieldBetweenChunks: async () => {} });
  await store.putBundles(generateDemoPortfolio({ today: todayIso() }));
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(async () => {
  cleanup();
  services.store.close();
  await setLang('fr');
});

function renderPage() {
  return render(() => (
    <ServicesProvider services={services}>
      <WorklistPage />
    </ServicesProvider>
  ));
}

async function ready(): Promise<HTMLElement> {
  renderPage();
  const list = await screen.findByTestId('worklist');
  await waitFor(() => expect(list.dataset.state).toBe('ready'));
  await screen.findAllByTestId('worklist-row', {}, { timeout: 3000 });
  return list;
}

describe('WorklistPage', () => {
  it('lists the debtors to chase in priority order, each row a link to its dossier', async () => {
    const expected = buildWorklist(await services.store.listSummaries(), todayIso());
    const list = await ready();
    expect(Number(list.dataset.count)).toBe(expected.length);
    const first = screen.getAllByTestId('worklist-row')[0] as HTMLAnchorElement;
    expect(first.getAttribute('href')).toBe(`/debtors/${expected[0]?.debtorId}`);
    expect(first.textContent).toContain(expected[0]?.name);
    expect(plain(list.textContent)).toContain(`${expected.length} débiteurs à relancer`);
  });

  it('finds a company whatever the accents and case typed', async () => {
    const expected = buildWorklist(await services.store.listSummaries(), todayIso());
    const target = expected.find((r) => /[éèêàç]/i.test(r.name)) ?? expected[0];
    if (!target) throw new Error('demo portfolio has no row');
    const list = await ready();
    const query = target.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().slice(0, 12);
    fireEvent.input(screen.getByTestId('worklist-search'), { target: { value: query } });
    await waitFor(() => expect(Number(list.dataset.count)).toBeLessThan(expected.length));
    expect(screen.getAllByTestId('worklist-row').map((a) => a.textContent).join('|')).toContain(target.name);
  });

  it('finds the debtor of an invoice number', async () => {
    const expected = buildWorklist(await services.store.listSummaries(), todayIso());
    const [top] = expected;
    const bundle = top && (await services.store.getDossier(top.debtorId));
    const invoice = bundle?.invoices.find((i) => i.status === 'open');
    if (!bundle || !invoice) throw new Error('demo portfolio has no open invoice on its top row');
    await ready();
    fireEvent.input(screen.getByTestId('worklist-search'), { target: { value: invoice.number.toLowerCase() } });
    const list = screen.getByTestId('worklist');
    // Invoice numbers are matched by prefix, so a full number may also match longer ones: fewer rows, this one in.
    await waitFor(() => expect(Number(list.dataset.count)).toBeLessThan(expected.length));
    const found = screen.queryAllByTestId('worklist-row').map((a) => a.getAttribute('href'));
    expect(found).toContain(`/debtors/${bundle.debtor.id}`);
  });

  it('says so when nothing matches', async () => {
    const list = await ready();
    fireEvent.input(screen.getByTestId('worklist-search'), { target: { value: 'zzzz-nothing' } });
    await waitFor(() => expect(list.dataset.count).toBe('0'));
    expect(plain(list.textContent)).toContain('Aucun résultat pour « zzzz-nothing »');
  });

  it('follows the language switch with amounts and labels', async () => {
    await ready();
    await setLang('en');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Worklist'));
    const row = screen.getAllByTestId('worklist-row')[0];
    expect(row?.textContent).toMatch(/€[\d,]+\.\d\d/);
  });

  it('shows no resume banner when no call is in progress', async () => {
    await ready();
    expect(screen.queryByTestId('resume-call')).toBeNull();
  });

  it('offers to resume a call left mid-way, naming the debtor', async () => {
    const [first] = buildWorklist((await services.store.listSummaries()), todayIso());
    const store = services.store;
    const call = { callId: 'call-1', debtorId: first!.debtorId, updatedAt: '2026-11-23T09:30:00.000Z', envelope: {} };
    services = createAppServices({ ...store, activeCalls: async () => [call] }, DEFAULT_SETTINGS);
    // The banner links to the call screen: it needs a router around it.
    render(() => (
      <MemoryRouter root={(p) => <ServicesProvider services={services}>{p.children}</ServicesProvider>}>
        <Route path="/" component={WorklistPage} />
      </MemoryRouter>
    ));
    const banner = await screen.findByTestId('resume-call', {}, { timeout: 3000 });
    expect(banner.textContent).toContain(first!.name);
    expect(screen.getByTestId('resume-call-link').getAttribute('href')).toContain(encodeURIComponent(first!.debtorId));
  });
});
