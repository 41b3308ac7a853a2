import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDeclined } from '../../session/seed';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, lang, setLang, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { DataSection } from './DataSection';
import { largeSeedJob } from './large-seed-job';
import { LanguageSection } from './LanguageSection';
import { ProfileForm } from './ProfileForm';

let services: AppServices;
let dbSeq = 0;

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['settings']);
});

beforeEach(async () => {
  const store = createCadenceStore(await openCadenceDb(`settings-page-${++dbSeq}`));
  await store.putSettings(DEFAULT_SETTINGS);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(async () => {
  cleanup();
  services.store.close();
  localStorage.clear();
  await setLang('fr');
});

function renderWith(node: () => import('solid-js').JSX.Element) {
  return render(() => <ServicesProvider services={services}>{node()}</ServicesProvider>);
}

describe('ProfileForm', () => {
  it('refuses an empty name, marks the field and saves nothing', async () => {
    renderWith(() => <ProfileForm />);
    const name = screen.getByLabelText('Votre nom') as HTMLInputElement;
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Ce champ est obligatoire.');
    expect(document.activeElement).toBe(name);
    expect((await services.store.getSettings()).agentName).toBe(DEFAULT_SETTINGS.agentName);
  });

  it('saves a valid profile to the store and says so', async () => {
    renderWith(() => <ProfileForm />);
    fireEvent.input(screen.getByLabelText('Votre nom'), { target: { value: ' Léa Bernard ' } });
    fireEvent.change(screen.getByLabelText('Rôle'), { target: { value: 'lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Profil enregistré.');
    const saved = await services.store.getSettings();
    expect(saved).toMatchObject({ agentName: 'Léa Bernard', role: 'lead', language: 'fr' });
    expect(services.settings().agentName).toBe('Léa Bernard');
  });
});

describe('LanguageSection', () => {
  it('switches the interface at once and keeps the choice', async () => {
    renderWith(() => <LanguageSection />);
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });
    await waitFor(() => expect(lang()).toBe('en'));
    expect(screen.getByLabelText('Application language')).toBeTruthy();
    expect((await services.store.getSettings()).language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('DataSection', () => {
  it('deletes the portfolio only after confirmation, keeps the settings, and remembers not to reseed', async () => {
    await services.store.putBundles(generateDemoPortfolio({ today: todayIso() }));
    renderWith(() => <DataSection />);
    const opener = screen.getByTestId('clear-data');
    opener.focus();
    fireEvent.click(opener);
    const confirm = await screen.findByTestId('confirm-clear');
    expect(confirm.closest('[role="dialog"]')?.hasAttribute('open')).toBe(true);
    expect(document.activeElement?.textContent).toBe('Annuler');

    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(confirm.closest('[role="dialog"]')?.hasAttribute('open')).toBe(false));
    expect(document.activeElement).toBe(opener);
    expect(await services.store.isEmpty()).toBe(false);

    fireEvent.click(opener);
    fireEvent.click(await screen.findByTestId('confirm-clear'));
    await screen.findByText(/Toutes les données ont été supprimées/);
    expect(await services.store.isEmpty()).toBe(true);
    expect((await services.store.getSettings()).agentName).toBe(DEFAULT_SETTINGS.agentName);
    expect(demoDeclined()).toBe(true);
  });

  it('loads the demo again on request', async () => {
    renderWith(() => <DataSection />);
    fireEvent.click(screen.getByTestId('load-demo'));
    await screen.findByTestId('data-notice');
    expect((await services.store.counts()).debtors).toBeGreaterThan(30);
    expect(demoDeclined()).toBe(false);
  });

  it('keeps its buttons focusable while the demo loads, and ignores them until it is done', async () => {
    renderWith(() => <DataSection />);
    const load = screen.getByTestId('load-demo');
    load.focus();
    fireEvent.click(load);
    for (const id of ['load-demo', 'seed-large', 'clear-data']) {
      const button = screen.getByTestId(id) as HTMLButtonElement;
      expect(button.getAttribute('aria-disabled'), id).toBe('true');
      expect(button.disabled, id).toBe(false);
    }
    expect(document.activeElement).toBe(load);
    fireEvent.click(screen.getByTestId('clear-data'));
    fireEvent.click(screen.getByTestId('seed-large'));
    expect((screen.getByTestId('confirm-clear').closest('dialog') as HTMLDialogElement).open).toBe(false);
    expect(largeSeedJob().state).toBe('idle');
    await screen.findByTestId('data-notice');
    expect(screen.getByTestId('clear-data').getAttribute('aria-disabled')).toBe('false');
  });
});
