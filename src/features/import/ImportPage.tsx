/**
 * `/settings/import`: choose or drop a file, see what Cadence understood (kind, encoding, separator, mapping,
 * 20 rows, errors, and what the import would change), then import it whole. Reading runs in a module worker
 * (./read-in-worker.ts) with a progress bar and cancel; the commit stages then switches in one transaction
 * (./import-flow.ts), so nothing is stored until the agent confirms, and then all of it or nothing.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { formatImportError } from '../../domain/import/errors';
import type { FileReading, ReadOptions } from '../../domain/import/read-file';
import { formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import type { Records } from '../../storage/records';
import { formatCount, locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { ProgressBar } from '../../ui/ProgressBar';
import { storageErrorMessage } from '../../ui/storage-error';
import { commitPlan, planAgainst, readStored, type Stored } from './import-flow';
import { MappingEditor, PlanSummary, PortfolioFindings, ReadingChoices } from './ImportReview';
import { readInWorker } from './read-in-worker';
import './import.css';

type Step =
  | { step: 'choose' }
  | { step: 'reading'; rows: number }
  | { step: 'review'; reading: FileReading; stored: Stored }
  | { step: 'committing'; written: number; total: number }
  | { step: 'done'; debtors: number; invoices: number }
  | { step: 'failed'; message: string };

const translate = (key: string, values?: Record<string, string | number>) => t(key, values);

export default function ImportPage(): JSX.Element {
  const services = useServices();
  usePageTitle(() => t('imports:wizard.title'));
  const [step, setStep] = createSignal<Step>({ step: 'choose' });
  const [decisions, setDecisions] = createSignal<Record<string, string>>({});
  const [validOnly, setValidOnly] = createSignal(false);
  let file: { name: string; bytes: Uint8Array } | undefined;
  let options: ReadOptions = {};
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  // A connection of the page's own for one step, closed after it, as the worklist worker does.
  const withDb = async <T,>(work: (records: Records) => Promise<T>): Promise<T> => {
    const name = services.store.databaseName;
    if (!name) throw new Error('This store has no database to import into');
    const db = await openCadenceDb(name);
    try {
      return await work(idbRecords(db));
    } finally {
      db.close();
    }
  };

  const read = async (next: ReadOptions) => {
    if (!file) return;
    options = next;
    controller = new AbortController();
    setStep({ step: 'reading', rows: 0 });
    try {
      // The worker takes the buffer it is given: hand it a copy, the file is read again when a choice changes.
      const reading = await readInWorker(file.bytes.slice().buffer, next, { signal: controller.signal, onProgress: (rows) => setStep({ step: 'reading', rows }) });
      const stored = await withDb(readStored);
      setDecisions({});
      setValidOnly(false);
      setStep({ step: 'review', reading, stored });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStep({ step: 'choose' });
      else setStep({ step: 'failed', message: storageErrorMessage(error) });
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    file = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
    await read({});
  };

  const review = () => {
    const s = step();
    return s.step === 'review' ? s : undefined;
  };
  const portfolio = () => {
    const outcome = review()?.reading.outcome;
    return outcome?.kind === 'portfolio' ? outcome.portfolio : undefined;
  };
  const planned = createMemo(() => {
    const r = review();
    const p = portfolio();
    if (!r || !p) return undefined;
    return planAgainst(r.stored, p, { importDate: todayIso(), decisions: decisions(), validRowsOnly: validOnly() });
  });
  const plan = () => {
    const result = planned();
    return result?.ok ? result.plan : undefined;
  };

  const commit = async () => {
    const r = review();
    const p = plan();
    if (!r || !p || !p.ready || !file) return;
    setStep({ step: 'committing', written: 0, total: 1 });
    try {
      await withDb((db) =>
        commitPlan(db, {
          plan: p,
          stored: r.stored,
          kind: r.reading.kind,
          fileName: file?.name ?? '',
          now: new Date().toISOString(),
          today: todayIso(),
          agent: services.settings().agentName,
          paymentSummary: (_debtorId, cents, numbers) => t('imports:paymentSummary', { amount: formatMoney(cents, locale()), invoices: numbers.join(', ') }),
          onProgress: (written, total) => setStep({ step: 'committing', written, total }),
        }),
      );
      services.dataChanged();
      setStep({ step: 'done', debtors: p.counts.debtors.new, invoices: p.counts.invoices.new + p.counts.invoices.updated + p.counts.invoices.closed });
    } catch (error) {
      setStep({ step: 'failed', message: storageErrorMessage(error) });
    }
  };

  return (
    <section class="page import-page" data-testid="import-page" aria-labelledby="import-title">
      <h1 id="import-title">{t('imports:wizard.title')}</h1>
      <p class="muted">{t('imports:wizard.intro')}</p>
      <Show when={step().step === 'choose' || step().step === 'review' || step().step === 'failed'}>
        <div
          class="import-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void choose(e.dataTransfer?.files[0]);
          }}
        >
          <label for="import-file">{t('imports:wizard.choose')}</label>
          <input id="import-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-testid="import-file" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
          <p class="muted">{t('imports:wizard.formats')}</p>
        </div>
      </Show>
      <Switch>
        <Match when={step().step === 'reading' && step()}>
          {(s) => (
            <div class="import-status" aria-live="polite">
              <p>{t('imports:wizard.reading', { rows: formatCount((s() as { rows: number }).rows) })}</p>
              <button type="button" class="btn" data-testid="import-cancel" onClick={() => controller?.abort()}>
                {t('imports:wizard.cancel')}
              </button>
            </div>
          )}
        </Match>
        <Match when={review()}>
          {(r) => (
            <>
              <ReadingChoices reading={r().reading} onChange={(change) => void read({ ...options, ...change, ...(change.kind ? { mapping: undefined } : {}) })} />
              <Show when={r().reading.kind !== 'fec' && r().reading.headers.length > 0}>
                <MappingEditor reading={r().reading} onChange={(mapping) => void read({ ...options, mapping })} />
              </Show>
              <Switch>
                <Match when={r().reading.outcome.kind === 'file_error' && r().reading.outcome}>
                  {(outcome) => (
                    <p class="notice notice--error" role="alert" data-testid="import-file-error">
                      {formatImportError((outcome() as Extract<FileReading['outcome'], { kind: 'file_error' }>).error, translate)}
                    </p>
                  )}
                </Match>
                <Match when={r().reading.outcome.kind === 'payments'}>
                  <p class="notice" role="status" data-testid="import-payments">
                    {t('imports:wizard.paymentsNotHere')}
                  </p>
                </Match>
                <Match when={portfolio()}>
                  {(p) => (
                    <>
                      <PortfolioFindings portfolio={p()} />
                      <Show when={p().errors.length > 0}>
                        <label class="import-valid-only">
                          <input type="checkbox" data-testid="import-valid-only" checked={validOnly()} onChange={(e) => setValidOnly(e.currentTarget.checked)} />
                          {t('imports:wizard.validOnly')}
                        </label>
                        <Show when={!validOnly()}>
                          <p class="muted">{t('imports:refusal.body')}</p>
                        </Show>
                      </Show>
                      <Show when={plan()}>
                        {(pl) => (
                          <>
                            <PlanSummary plan={pl()} onDecide={(key, decision) => setDecisions({ ...decisions(), [key]: decision })} />
                            <button type="button" class="btn btn--primary" data-testid="import-commit" disabled={!pl().ready} onClick={() => void commit()}>
                              {t('imports:wizard.commit')}
                            </button>
                          </>
                        )}
                      </Show>
                    </>
                  )}
                </Match>
              </Switch>
            </>
          )}
        </Match>
        <Match when={step().step === 'committing' && step()}>
          {(s) => {
            const c = () => s() as { written: number; total: number };
            return (
              <div class="import-status" aria-live="polite">
                <ProgressBar testId="import-progress" label={t('imports:wizard.committing')} value={c().written} max={c().total} />
                <p>{t('imports:wizard.committing')}</p>
              </div>
            );
          }}
        </Match>
        <Match when={step().step === 'done' && step()}>
          {(s) => (
            <p class="notice notice--ok" role="status" data-testid="import-done">
              {t('imports:wizard.done', { debtors: (s() as { debtors: number }).debtors, invoices: (s() as { invoices: number }).invoices })}{' '}
              <A href="/">{t('imports:wizard.openWorklist')}</A>
            </p>
          )}
        </Match>
        <Match when={step().step === 'failed' && step()}>
          {(s) => (
            <p class="notice notice--error" role="alert" data-testid="import-failed">
              {t('imports:wizard.failed', { reason: (s() as { message: string }).message })}
            </p>
          )}
        </Match>
      </Switch>
    </section>
  );
}
