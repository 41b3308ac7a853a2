import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { cleanup, waitFor, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import type { DebtorBundle } from '../../domain/bundle';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import DossierPage from './DossierPage';
import { groupInvoices } from './dossier-view';

let services: AppServices;
let portfolio: DebtorBundle[];
let dbSeq = 0;

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['dossier']);
  portfolio = generateDemoPortfolio({ today: todayIso() });
});

beforeEach(async () => {
  const store = createCadenceStore(await openCadenceDb(`dossier-page-${++dbSeq}`));
  await store.putBundles(portfolio);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
});

function openDossier(id: string) {
  const history = createMemoryHistory();
  history.set({ value: `/debtors/${id}` });
  render(() => (
    <ServicesProvider services={services}>
      <MemoryRouter history={history}>
        <Route path="/debtors/:id" component={DossierPage} />
      </MemoryRouter>
    </ServicesProvider>
  ));
}

describe('DossierPage', () => {
  it('shows the company, its invoice groups, contacts with tel:/mailto: links and the start-call link', async () => {
    const bundle = portfolio.find((b) => b.contacts.length > 1 && b.invoices.some((i) => i.status === 'disputed'));
    if (!bundle) throw new Error('the demo portfolio should hold a disputed account with several contacts');
    openDossier(bundle.debtor.id);
    await screen.findByTestId('dossier');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(bundle.debtor.name);
    expect(screen.getByTestId('start-call').getAttribute('href')).toBe(`/debtors/${bundle.debtor.id}/call?start=1`);

    const groups = groupInvoices(bundle.invoices, todayIso());
    for (const name of ['overdue', 'upcoming', 'disputed', 'paid'] as const) {
      const rows = screen.getByTestId(`invoices-${name}`).querySelectorAll('tbody tr');
      expect(rows.length, name).toBe(groups[name].length);
    }

    const contacts = screen.getByTestId('contacts');
    const tel = [...contacts.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    const mail = [...contacts.querySelectorAll('a[href^="mailto:"]')].map((a) => a.getAttribute('href'));
    expect(tel).toHaveLength(bundle.contacts.filter((c) => c.phone).length);
    expect(mail).toContain(`mailto:${bundle.contacts.find((c) => c.email)?.email}`);
    const preferred = bundle.contacts.find((c) => c.preferred);
    if (preferred) expect(contacts.querySelector('li')?.textContent).toContain(preferred.name);

    const timeline = screen.getByTestId('timeline').querySelectorAll('li');
    expect(timeline.length).toBe(bundle.activities.length);
    const times = [...screen.getByTestId('timeline').querySelectorAll('time')].map((t) => Date.parse(t.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('warns when the outstanding is above the blocking threshold', async () => {
    const above = portfolio.find((b) => {
      const owed = b.invoices.reduce((s, i) => s + (i.status === 'paid' ? 0 : i.amountInclVatCents - i.amountPaidCents), 0);
      return b.debtor.blockingThresholdCents > 0 && owed > b.debtor.blockingThresholdCents;
    });
    if (!above) throw new Error('the demo portfolio should hold an account above its blocking threshold');
    openDossier(above.debtor.id);
    expect((await screen.findByTestId('blocking-warning')).textContent).toMatch(/seuil de blocage/);
  });

  it('never turns a stored hijacking e-mail or a javascript: phone into a link', async () => {
    const bundle = portfolio[0]!;
    const contact = { ...bundle.contacts[0]!, id: 'hostile', preferred: false, email: 'x?bcc=thief%40evil.example&y=@example.com', phone: 'javascript:alert(1)' };
    // The store refuses it now; an older version could have stored it, so write it behind the store's back.
    await expect(services.store.putContact(contact)).rejects.toMatchObject({ kind: 'invalid' });
    const raw = await openCadenceDb(`dossier-page-${dbSeq}`);
    await raw.put('contacts', contact);
    raw.close();
    openDossier(bundle.debtor.id);
    const contacts = await screen.findByTestId('contacts');
    const hrefs = [...contacts.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.includes('bcc') || h.includes('evil') || h.includes('alert'))).toBe(false);
    expect(screen.getAllByTestId('contact-email-text').map((e) => e.textContent)).toContain(contact.email);
    expect(screen.getAllByTestId('contact-phone-text').map((e) => e.textContent)).toContain(contact.phone);
  });

  it('says plainly when the debtor does not exist', async () => {
    openDossier('no-such-debtor');
    await screen.findByTestId('dossier-not-found');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dossier introuvable');
    expect(screen.queryByTestId('dossier')).toBeNull();
  });
});

describe('DossierPage: payment history segment', () => {
  const withBrokenPromises = () => {
    const bundle = portfolio.find((b) => b.promises.some((p) => p.status === 'broken'));
    if (!bundle) throw new Error('the demo portfolio should hold a debtor with a broken promise');
    return bundle;
  };

  it('shows the segment with its reasons in words to an agent, without the override form', async () => {
    const bundle = withBrokenPromises();
    openDossier(bundle.debtor.id);
    const section = await screen.findByTestId('history-segment', {}, { timeout: 10_000 });
    expect(screen.getByTestId('history-segment-reasons').textContent).toMatch(/^Sur les 12 derniers mois\u00a0: \d+ jours? de retard pondérés?, (\d+ promesses? non tenues?|aucune promesse non tenue), (\d+ litiges?|aucun litige)\.$/);
    expect(section.querySelector('form')).toBeNull();
    expect(section.textContent).toContain('Seul un responsable peut remplacer ce segment.');
    expect(screen.getByTestId('dossier-history-badge').textContent).toContain(screen.getByTestId('history-segment-badge').textContent ?? '-');
  });

  it('lets a team lead replace the segment with a reason, then shows who, when and why', async () => {
    services = createAppServices(services.store, { ...DEFAULT_SETTINGS, role: 'lead', agentName: 'Nadia Roche' });
    const bundle = withBrokenPromises();
    openDossier(bundle.debtor.id);
    await screen.findByTestId('history-override-form', {}, { timeout: 10_000 });
    const select = screen.getByLabelText('Segment') as HTMLSelectElement;
    select.value = 'reliable';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    // No reason: refused on the page, nothing stored.
    screen.getByTestId('history-override-save').click();
    expect((await screen.findByText('Indiquez la raison.')).id).toBe('history-override-reason-error');
    expect((await services.store.getDossier(bundle.debtor.id))?.debtor.segmentOverride).toBeUndefined();

    const reason = screen.getByLabelText('Raison (obligatoire)') as HTMLTextAreaElement;
    reason.value = 'Paie toujours, avec retard du service comptable';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    screen.getByTestId('history-override-save').click();
    // A write, then the dossier read again: on a loaded machine that takes longer than findBy's default second.
    expect((await screen.findByTestId('history-segment-override', {}, { timeout: 10_000 })).textContent).toMatch(/^Segment fixé par Nadia Roche le .+\u00a0: «\u00a0Paie toujours, avec retard du service comptable\u00a0»$/);
    expect(screen.getByTestId('history-segment-badge').getAttribute('data-segment')).toBe('reliable');
    expect((await services.store.getDossier(bundle.debtor.id))?.debtor.segmentOverride).toMatchObject({ segment: 'reliable', by: 'Nadia Roche' });

    // Back to the computed segment: its button goes with the override, the focus moves to the line saying so,
    // and the form offers the computed segment again.
    const computed = screen.getByTestId('history-segment-badge').closest('p')?.textContent ?? '';
    screen.getByTestId('history-override-remove').focus();
    screen.getByTestId('history-override-remove').click();
    await waitFor(() => expect(screen.queryByTestId('history-override-remove')).toBeNull(), { timeout: 10_000 });
    expect(document.activeElement).toBe(screen.getByTestId('history-override-status'));
    expect(screen.getByTestId('history-override-status').textContent).not.toBe('');
    expect(select.value).not.toBe('reliable');
    expect(computed).toContain('remplacé');
  });

  it('lets an agent say the debtor is a consumer: saved, and the penalties drop the 40 € indemnity and L441-10 at once', async () => {
    await loadNamespaces(['penalties', 'drafts']);
    const bundle = portfolio.find((b) => groupInvoices(b.invoices, todayIso()).overdue.length > 0);
    if (!bundle) throw new Error('the demo portfolio should hold an overdue account');
    openDossier(bundle.debtor.id);
    const business = (await screen.findByLabelText('Professionnel', {}, { timeout: 10_000 })) as HTMLInputElement;
    const consumer = screen.getByLabelText('Particulier (consommateur)') as HTMLInputElement;
    expect(business.checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Type de client' }).getAttribute('aria-describedby')).toBe('debtor-kind-hint');
    expect((await screen.findByTestId('penalties', {}, { timeout: 10_000 })).textContent).toMatch(/L441-10[\s\S]*40,00/);

    consumer.click();
    await waitFor(() => expect(screen.getByTestId('debtor-kind-status').textContent).toBe('Enregistré\u00a0: Particulier (consommateur).'), { timeout: 10_000 });
    expect((await services.store.getDossier(bundle.debtor.id))?.debtor.kind).toBe('consumer');
    await waitFor(() => expect(screen.getByTestId('penalties').textContent).toContain('1231-6 du Code civil'), { timeout: 10_000 });
    const text = screen.getByTestId('penalties').textContent ?? '';
    expect(text).not.toMatch(/L441|Indemnité|40,00/);
    expect(consumer.checked).toBe(true);
  });
});
