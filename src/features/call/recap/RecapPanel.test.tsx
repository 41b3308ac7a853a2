import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../../session/store-context';
import { bundleFixture, idSequence } from '../../../domain/call/call.fixtures';
import { callOutcome, type CallOutcome } from '../../../domain/call/outcome';
import { DEFAULT_SETTINGS } from '../../../domain/entities';
import { initI18n, loadNamespaces } from '../../../i18n';
import { COMPLETED_CALL, drive, startCall } from '../../../machines/call.testing';
import { openCadenceDb } from '../../../storage/db';
import { createCadenceStore } from '../../../storage/store';
import { RecapPanel } from './RecapPanel';

let services: AppServices;
let outcome: CallOutcome;
let seq = 0;

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['recap', 'coach']);
});

beforeEach(async () => {
  const { actor } = startCall();
  drive(actor, COMPLETED_CALL);
  outcome = callOutcome(actor.getSnapshot().context, '2026-11-18T09:42:30.000Z', idSequence());
  const store = createCadenceStore(await openCadenceDb(`recap-panel-${++seq}`));
  await store.putBundles([{ ...bundleFixture(), activities: [outcome.activity], tasks: outcome.tasks }]);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
  vi.unstubAllGlobals();
});

function renderPanel(open = true) {
  render(() => (
    <ServicesProvider services={services}>
      <RecapPanel bundle={bundleFixture()} activity={outcome.activity} plan={null} tasks={outcome.tasks} open={open} heading="h2" />
    </ServicesProvider>
  ));
}

const body = () => screen.getByTestId('recap-body') as HTMLTextAreaElement;

describe('RecapPanel', () => {
  it('shows the draft in the debtor’s language, addressed to the person who committed', () => {
    renderPanel();
    expect(body().value).toMatch(/^Bonjour Claire Dubois,/);
    expect(body().getAttribute('lang')).toBe('fr');
    expect((screen.getByLabelText('Destinataire (e-mail)') as HTMLInputElement).value).toBe('compta@boulangerie-martin.fr');
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toContain('F-2026-0142');
  });

  it('coaches the edited text live on the 4 C, translated and dismissible, never blocking', async () => {
    renderPanel();
    const coach = () => screen.getByTestId('recap-wording');
    expect(coach().dataset['count']).toBe('0');
    fireEvent.input(body(), { target: { value: `${body().value}\nVous devez payer, sinon je porte plainte.` } });
    await waitFor(() => expect(coach().textContent).toContain('«\u00a0Vous devez\u00a0»\u00a0: une injonction'));
    expect(coach().textContent).toContain('Interdit');
    expect(coach().querySelector('[data-code="threat"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Masquer le conseil\u00a0: «\u00a0plainte\u00a0»/ }));
    await waitFor(() => expect(coach().querySelector('[data-code="threat"]')).toBeNull());
    // Typing on keeps the dismissal; the send buttons stay usable throughout.
    fireEvent.input(body(), { target: { value: `${body().value} Merci.` } });
    expect(coach().querySelector('[data-code="threat"]')).toBeNull();
    expect((screen.getByTestId('recap-copy') as HTMLButtonElement).disabled).toBe(false);
  });

  it('records a copy as prepared, keeps the recap task open, and marks it done once the agent confirms the send', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderPanel();
    expect(screen.queryByTestId('recap-confirm-sent')).toBeNull();
    fireEvent.click(screen.getByTestId('recap-copy'));
    await waitFor(() => expect(screen.getByTestId('recap-status').textContent).toContain('préparé'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Bonjour Claire Dubois'));
    let dossier = await services.store.getDossier('d1');
    expect(dossier?.activities.filter((a) => a.type === 'email')).toEqual([
      expect.objectContaining({ outcome: 'prepared', details: expect.objectContaining({ channel: 'clipboard', to: 'compta@boulangerie-martin.fr', callActivityId: outcome.activity.id }) }),
    ]);
    expect(dossier?.tasks.find((t) => t.kind === 'send_recap')).toMatchObject({ done: false });

    fireEvent.click(screen.getByTestId('recap-confirm-sent'));
    await waitFor(() => expect(screen.getByTestId('recap-status').textContent).toContain('Envoyer le récapitulatif'));
    expect(screen.getByTestId('recap-confirmed')).toBeTruthy();
    expect(screen.queryByTestId('recap-confirm-sent')).toBeNull();
    dossier = await services.store.getDossier('d1');
    expect(dossier?.activities.filter((a) => a.type === 'email').map((a) => a.outcome).sort()).toEqual(['prepared', 'sent']);
    expect(dossier?.activities.find((a) => a.outcome === 'sent')).toMatchObject({ details: { channel: 'clipboard', callActivityId: outcome.activity.id } });
    expect(dossier?.tasks.find((t) => t.kind === 'send_recap')).toMatchObject({ done: true });
    expect(dossier?.tasks.find((t) => t.kind === 'check_promise')).toMatchObject({ done: false });
  });

  it('refuses an .eml without a valid recipient, and records nothing', async () => {
    renderPanel();
    fireEvent.input(screen.getByTestId('recap-to'), { target: { value: 'compta@' } });
    fireEvent.click(screen.getByTestId('recap-eml'));
    await waitFor(() => expect(screen.getByTestId('recap-status').textContent).toContain('adresse e-mail valide'));
    expect(document.activeElement).toBe(screen.getByTestId('recap-to'));
    expect((await services.store.getDossier('d1'))?.activities.filter((a) => a.type === 'email')).toEqual([]);
  });

  it('is offered behind a button when there was nothing to confirm', () => {
    renderPanel(false);
    expect(screen.queryByTestId('recap-body')).toBeNull();
    fireEvent.click(screen.getByTestId('recap-write'));
    expect(body().value).toMatch(/^Bonjour/);
  });
});

describe('RecapPanel: the edited draft survives a closed screen', () => {
  it('writes every edit, brings it back on the next opening, and forgets it on reset', async () => {
    renderPanel();
    await waitFor(() => expect(body().readOnly).toBe(false));
    const generated = body().value;
    const edited = `${generated}\nPS : le duplicata est joint.`;
    fireEvent.input(body(), { target: { value: edited } });
    fireEvent.input(screen.getByLabelText('Objet'), { target: { value: 'Notre appel de ce matin' } });
    await waitFor(async () => expect((await services.store.getRecapDraft(outcome.activity.id))?.subject).toBe('Notre appel de ce matin'));
    expect((await services.store.getRecapDraft(outcome.activity.id))?.body).toBe(edited);
    cleanup();

    renderPanel();
    await waitFor(() => expect(body().value).toBe(edited));
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Notre appel de ce matin');
    expect(screen.getByTestId('recap-restored').textContent).toContain('ont été reprises');

    fireEvent.click(screen.getByTestId('recap-reset'));
    expect(body().value).toBe(generated);
    expect(screen.queryByTestId('recap-restored')).toBeNull();
    await waitFor(async () => expect(await services.store.getRecapDraft(outcome.activity.id)).toBeUndefined());
  });

  it('says when an edit could not be saved', async () => {
    const failing = { ...services.store, putRecapDraft: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    services = createAppServices(failing, DEFAULT_SETTINGS);
    renderPanel();
    await waitFor(() => expect(body().readOnly).toBe(false));
    fireEvent.input(body(), { target: { value: 'Bonjour' } });
    await waitFor(() => expect(screen.getByTestId('recap-draft-error').textContent).toContain('plein'));
  });
});
