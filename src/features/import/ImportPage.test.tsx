import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { Router, Route } from '@solidjs/router';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { makeBundle, makeDebtor, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import ImportPage from './ImportPage';

/** Reading, planning and IndexedDB on a shared, loaded machine: wait longer than testing-library's 1 s. */
const SLOW = { timeout: 15_000 };

let services: AppServices;
let seq = 0;
let dbName = '';

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['imports']);
});

beforeEach(async () => {
  dbName = `import-page-${++seq}-${Date.now()}`;
  const store = createCadenceStore(await openCadenceDb(dbName));
  await store.putSettings(DEFAULT_SETTINGS);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
});

const fixtureFile = (name: string) => new File([readFileSync(`tests/fixtures/imports/${name}`)], name);

function renderPage() {
  return render(() => (
    <ServicesProvider services={services}>
      <Router>
        <Route path="*" component={ImportPage} />
      </Router>
    </ServicesProvider>
  ));
}

describe('ImportPage', { timeout: 60_000 }, () => {
  it('shows what it understood of a Windows-1252 aged balance, then imports it whole', async () => {
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [fixtureFile('aged-balance-1252.csv')] } });
    await screen.findByTestId('import-plan', {}, SLOW);
    expect((screen.getByTestId('import-encoding') as HTMLSelectElement).value).toBe('windows-1252');
    expect((await screen.findByTestId('import-read', {}, SLOW)).textContent).toContain('3 débiteurs, 4 factures ouvertes');
    expect(screen.getByTestId('import-skipped').textContent).toContain('Total général');
    expect(screen.getByTestId('plan-invoices').textContent).toBe('Factures\u00a0: 4 nouvelles, 0 mise à jour, 0 soldée à la date d’import, 0 inchangée.');
    // No absent debtor has anything to close: nothing to ask.
    expect(screen.queryByTestId('plan-closing-absent')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByTestId('import-preview').querySelectorAll('tbody tr')).toHaveLength(10);
    fireEvent.click(screen.getByTestId('import-commit'));
    const done = await screen.findByTestId('import-done', {}, SLOW);
    // The Import button is gone: the focus is on the sentence saying what was imported.
    await waitFor(() => expect(document.activeElement).toBe(done), SLOW);
    expect(await services.store.counts()).toEqual({ debtors: 3, invoices: 4 });
    expect(services.dataVersion()).toBe(1);
  });

  it('puts the focus on what it understood once a file is read, and back on a choice changed after', async () => {
    renderPage();
    const input = await screen.findByTestId('import-file', {}, SLOW);
    // The picker speaks French whatever the browser's language (Chromium's own control says "Choose File").
    expect(input.closest('.file-picker')?.textContent).toBe('Choisir ou déposer un fichierChoisir un fichierAucun fichier choisi');
    input.focus();
    fireEvent.change(input, { target: { files: [fixtureFile('aged-balance-1252.csv')] } });
    await screen.findByTestId('import-plan', {}, SLOW);
    // The file input was taken off the page while reading: the focus must not fall back to the page itself.
    await waitFor(() => expect(document.activeElement?.id).toBe('import-understood'), SLOW);
    expect(screen.getByTestId('import-file').closest('.file-picker')?.textContent).toContain('aged-balance-1252.csv');
    const encoding = screen.getByTestId('import-encoding') as HTMLSelectElement;
    encoding.focus();
    fireEvent.change(encoding, { target: { value: 'iso-8859-15' } });
    await waitFor(() => expect((screen.getByTestId('import-encoding') as HTMLSelectElement).value).toBe('iso-8859-15'), SLOW);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-encoding')), SLOW);
    // The preview's title is a heading outside the scrolling box, naming the region.
    expect(screen.getByRole('region', { name: 'Les 20 premières lignes telles que lues' })).toBeTruthy();
  });

  it('refuses the file with a bad row whole, naming the line, until the valid rows only are chosen', async () => {
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [fixtureFile('aged-balance-bad-date-row37.csv')] } });
    const errors = await screen.findByTestId('import-errors', {}, SLOW);
    expect(errors.textContent).toContain('Ligne 38, colonne «\u00a0Échéance\u00a0» (3)\u00a0: date impossible ou illisible «\u00a031/02/2026\u00a0»');
    expect(screen.queryByTestId('import-commit')).toBeNull();
    fireEvent.click(screen.getByTestId('import-valid-only'));
    fireEvent.click(await screen.findByTestId('import-commit', {}, SLOW));
    await screen.findByTestId('import-done', {}, SLOW);
    expect((await services.store.counts()).invoices).toBe(39);
  });

  it('lets the agent fix the mapping when a column is missing', async () => {
    renderPage();
    const csv = new File(['Société;Réf;Quand;Combien\r\nDupont;F1;15/01/2026;100,00\r\n'], 'x.csv');
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [csv] } });
    expect((await screen.findByTestId('import-file-error', {}, SLOW)).textContent).toContain('Aucune colonne n’est associée');
    const mapping = await screen.findByTestId('import-mapping', {}, SLOW);
    const select = (label: string) => screen.getByLabelText(label, { selector: 'select' }) as HTMLSelectElement;
    expect(mapping).toBeTruthy();
    fireEvent.change(select('Client (raison sociale)'), { target: { value: '0' } });
    await waitFor(() => expect(select('Client (raison sociale)').value).toBe('0'), SLOW);
    fireEvent.change(select('N° de facture'), { target: { value: '1' } });
    await waitFor(() => expect(select('N° de facture').value).toBe('1'), SLOW);
    fireEvent.change(select('Échéance'), { target: { value: '2' } });
    await waitFor(() => expect(select('Échéance').value).toBe('2'), SLOW);
    fireEvent.change(select('Reste dû'), { target: { value: '3' } });
    await screen.findByTestId('import-plan', {}, SLOW);
    expect(screen.getByTestId('plan-totals').textContent).toContain('100,00');
  });

  it('records a bank file’s sure lines and the unsure ones confirmed, never the unmatched, and nothing twice', async () => {
    await services.store.putBundles([
      makeBundle({ debtor: makeDebtor({ customerCode: 'K1' }), invoices: [makeInvoice()], promises: [makePromise()] }),
      makeBundle({
        debtor: makeDebtor({ id: 'd2', name: 'Garage Central', siren: '732829320', customerCode: 'K2' }),
        invoices: [makeInvoice({ id: 'g1', debtorId: 'd2', number: 'GC-0001', amountInclVatCents: 300_000, amountExclVatCents: 250_000 })],
      }),
    ]);
    const csv = [
      'Date de règlement;Montant reçu;Référence règlement;Code client;Client',
      // Names Boulangerie Dupont's invoice but is paid by another customer: to confirm.
      '14/11/2026;1 200,00;VIR FA-2026-0001;;Garage Central',
      '14/11/2026;3 000,00;VIREMENT;K2;',
      '15/11/2026;12,34;INCONNU;;Société Inconnue',
      '16/11/2026;-5,00;FRAIS;;',
    ].join('\r\n');
    const file = () => new File([csv], 'releve.csv');
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [file()] } });
    await screen.findByTestId('import-payments-counts', {}, SLOW);
    expect(screen.getByTestId('import-payments-counts').textContent).toBe('1 sûr, 1 à confirmer, 1 sans correspondance, 0 déjà enregistré.');
    expect(screen.getByTestId('import-payments-ignored').textContent).toBe('1 ligne de débit ou à zéro (frais, remboursements) laissée de côté\u00a0: ligne 5.');
    expect(screen.getByTestId('import-payments-unmatched').textContent).toContain('Société Inconnue');
    expect(screen.getByTestId('import-commit').textContent).toBe('Enregistrer 1 paiement');
    const confirm = screen.getByLabelText('Confirmer') as HTMLInputElement;
    expect(confirm.closest('fieldset')?.querySelector('legend')?.textContent?.replace(/\s/gu, ' ')).toBe('Ligne 2 — 14/11/2026 — 1 200,00 € : confirmer ce rapprochement ?');
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('import-commit').textContent).toBe('Enregistrer 2 paiements'), SLOW);
    fireEvent.click(screen.getByTestId('import-commit'));
    expect((await screen.findByTestId('import-done', {}, SLOW)).textContent).toContain('2 paiements enregistrés');

    const d1 = await services.store.getDossier('d1');
    expect(d1?.invoices[0]).toMatchObject({ status: 'paid', amountPaidCents: 120_000 });
    expect(d1?.promises[0]).toMatchObject({ status: 'kept', paidCents: 120_000 });
    const [summary, ...others] = d1?.activities.filter((a) => a.type === 'payment').map((a) => a.summary.replace(/\s/gu, ' ')) ?? [];
    expect(others).toEqual([]);
    expect(summary).toBe('Virement reçu le 14/11/2026 : 1 200,00 € sur FA-2026-0001 (relevé importé « releve.csv », ligne 2).');
    expect((await services.store.getDossier('d2'))?.invoices[0]).toMatchObject({ status: 'paid', amountPaidCents: 300_000 });
    const payments = async () => (await Promise.all(['d1', 'd2'].map((id) => services.store.getDossier(id)))).flatMap((b) => b?.activities.filter((a) => a.type === 'payment') ?? []);
    expect(await payments()).toHaveLength(2);

    // The same file again: both lines already recorded, nothing left to record.
    cleanup();
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [file()] } });
    await screen.findByTestId('import-payments-counts', {}, SLOW);
    expect(screen.getByTestId('import-payments-counts').textContent).toBe('0 sûr, 0 à confirmer, 1 sans correspondance, 2 déjà enregistrés.');
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
    expect(await payments()).toHaveLength(2);
  });

  it('names a payment dated after today by its day as the interface writes dates, not in ISO', async () => {
    await services.store.putBundles([makeBundle({ debtor: makeDebtor({ customerCode: 'K1' }), invoices: [makeInvoice()] })]);
    const csv = 'Date de règlement;Montant reçu;Référence règlement;Client\r\n05/12/2099;500,00;VIR FA-2026-0001;Boulangerie Dupont\r\n';
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [new File([csv], 'futur.csv')] } });
    const errors = await screen.findByTestId('import-errors', {}, SLOW);
    expect(errors.textContent).toContain('date de règlement «\u00a005/12/2099\u00a0» postérieure à aujourd’hui');
    expect(errors.textContent).not.toContain('2099-12-05');
  });

  it('records nothing of an unsure line the agent rejects', async () => {
    await services.store.putBundles([makeBundle({ debtor: makeDebtor({ customerCode: 'K1' }), invoices: [makeInvoice()] })]);
    const csv = 'Date de règlement;Montant reçu;Référence règlement;Client\r\n14/11/2026;500,00;VIR;Boulangerie Dupont\r\n';
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [new File([csv], 'r.csv')] } });
    fireEvent.click(await screen.findByLabelText('Rejeter', {}, SLOW));
    await waitFor(() => expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true), SLOW);
    expect(screen.queryByTestId('import-payments-undecided')).toBeNull();
    expect((await services.store.getDossier('d1'))?.activities.filter((a) => a.type === 'payment')).toEqual([]);
  });

  it('warns when a file matches none of the stored debtors, preselecting the whole portfolio, and keeps the absent debtors open when told it is partial', async () => {
    // Boulangerie Dupont (1 200 € open) is not in the file at all: closing it silently would wipe the portfolio.
    await services.store.putBundles([makeBundle({ debtor: makeDebtor({ customerCode: 'Z9' }), invoices: [makeInvoice()] })]);
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [fixtureFile('aged-balance-v1.csv')] } });
    const absent = await screen.findByTestId('plan-closing-absent', {}, SLOW);
    expect(absent.textContent?.replace(/\s/gu, ' ')).toContain('1 débiteur de votre portefeuille n’apparaît pas du tout dans ce fichier : 1 facture ouverte, 1 200,00 € au total.');
    const full = screen.getByRole('radio', { name: 'Ce fichier couvre tout le portefeuille\u00a0: solder les factures des débiteurs absents' }) as HTMLInputElement;
    const partial = screen.getByRole('radio', { name: 'Ce fichier n’en couvre qu’une partie\u00a0: ne rien solder pour les débiteurs absents' }) as HTMLInputElement;
    // The rule for a newer export stays the default; the warning says what it would close and how to avoid it.
    expect([full.checked, partial.checked]).toEqual([true, false]);
    expect(screen.getByRole('group', { name: 'Que faire des factures des débiteurs absents du fichier\u202f?' })).toBeTruthy();
    expect(screen.getByTestId('import-absent-why').textContent).toContain('Aucun débiteur du fichier ne correspond');
    expect(screen.getByTestId('plan-totals').textContent?.replace(/\s/gu, ' ')).toContain('après : 4 300,00 €');

    partial.focus();
    fireEvent.click(partial);
    await waitFor(() => expect((screen.getByTestId('import-absent-keep') as HTMLInputElement).checked).toBe(true), SLOW);
    // The plan was made again with the answer: the focus stays on it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-absent-keep')), SLOW);
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId('plan-totals').textContent?.replace(/\s/gu, ' ')).toContain('après : 5 500,00 €');
    fireEvent.click(screen.getByTestId('import-commit'));
    const done = await screen.findByTestId('import-done', {}, SLOW);
    expect(done.textContent).toContain('1 facture des débiteurs absents du fichier reste ouverte.');
    expect((await services.store.getDossier('d1'))?.invoices[0]).toMatchObject({ status: 'open', amountPaidCents: 0 });
    expect(await services.store.counts()).toEqual({ debtors: 3, invoices: 5 });
  });

  it('preselects the whole portfolio when the absent debtors hold a small part of the balance, and says what it closed', async () => {
    await services.store.putBundles([
      makeBundle({ debtor: makeDebtor({ id: 'k1', name: 'Atelier Bleu', customerCode: 'K1' }), invoices: [makeInvoice({ id: 'a1', debtorId: 'k1', number: 'A-1', amountInclVatCents: 100_000, amountExclVatCents: 100_000 })] }),
      makeBundle({ debtor: makeDebtor({ customerCode: 'Z9' }), invoices: [makeInvoice({ amountInclVatCents: 1_000, amountExclVatCents: 1_000 })] }),
    ]);
    renderPage();
    fireEvent.change(await screen.findByTestId('import-file', {}, SLOW), { target: { files: [fixtureFile('aged-balance-v1.csv')] } });
    await screen.findByTestId('plan-closing-absent', {}, SLOW);
    // A-2 is not in the stored portfolio; nothing of Atelier Bleu's closes, only the absent Boulangerie Dupont.
    expect(screen.queryByTestId('plan-closing-in-file')).toBeNull();
    expect((screen.getByTestId('import-absent-close') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('import-absent-why')).toBeNull();
    fireEvent.click(screen.getByTestId('import-commit'));
    const done = await screen.findByTestId('import-done', {}, SLOW);
    // Each count agrees with its number: one debtor, several invoices.
    expect(done.textContent?.replace(/\s/gu, ' ')).toContain('Import terminé : 1 nouveau débiteur, 5 factures créées, mises à jour ou soldées.');
    expect(done.textContent?.replace(/\s/gu, ' ')).toContain('1 facture soldée pour des débiteurs absents du fichier (10,00 €).');
    expect((await services.store.getDossier('d1'))?.invoices[0]).toMatchObject({ status: 'paid' });
    // The journal says what was closed, told apart.
    const db = await openCadenceDb(dbName);
    const journals = await db.getAll('imports');
    db.close();
    expect(journals.map((j) => j.closed)).toEqual([{ inFile: { invoices: 0, cents: 0 }, absent: { invoices: 1, cents: 1_000 }, absentKeptOpen: 0 }]);
  });
});
