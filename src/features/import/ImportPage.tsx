/**
 * `/settings/import`: choose or drop a file, see what Cadence understood (kind, encoding, separator, mapping,
 * 20 rows, errors, and what the import would change), then import it whole. Reading, planning and writing run
 * in the import's module worker (./import-session.ts): this thread only shows progress, so the page stays
 * responsive at 100,000 rows. Nothing is stored until the agent confirms, and then all of it or nothing
 * (one transaction, see storage/import-commit.ts); the commit can be cancelled until that transaction begins to
 * commit.
 */
import { createEffect, createMemo, createSignal, Match, on, onCleanup, Show, Switch, type JSX } from 'solid-js';
import { afterPaint, afterPaintOrSoon } from '../../session/after-paint';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { formatImportError } from '../../domain/import/errors';
import type { ReadOptions } from '../../domain/import/read-file';
import { t } from '../../i18n';
import { formatCount, locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { FilePicker } from '../../ui/FilePicker';
import { storageErrorMessage } from '../../ui/storage-error';
import { AMOUNT_MARK, INVOICES_MARK, type PlanView, type PresetUse, type ReadingView } from './import-protocol';
import { ImportSession } from './import-session';
import { MappingEditor, PlanSummary, PortfolioFindings, ReadingChoices } from './ImportReview';
import type { AbsentDebtors } from '../../domain/import/plan';
import { PaymentsImport } from './PaymentsImport';
import { CommitProgress, ImportDone, ImportFailed, PaymentsDone, takeFocus, type CommitState, type ImportOutcome, type PaymentsOutcome } from './ImportOutcome';
import './import.css';

type Step =
  | { step: 'choose' }
  | { step: 'reading'; rows: number }
  | { step: 'review'; reading: ReadingView }
  | ({ step: 'committing' } & CommitState)
  | ({ step: 'done' } & ImportOutcome)
  | ({ step: 'paymentsDone' } & PaymentsOutcome)
  | { step: 'failed'; message: string };

const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export default function ImportPage(): JSX.Element {
  const services = useServices();
  usePageTitle(() => t('imports:wizard.title'));
  const [step, setStep] = createSignal<Step>({ step: 'choose' });
  const [decisions, setDecisions] = createSignal<Record<string, string>>({});
  const [validOnly, setValidOnly] = createSignal(false);
  const [absentDebtors, setAbsentDebtors] = createSignal<AbsentDebtors | undefined>();
  const [fileName, setFileName] = createSignal('');
  const [planned, setPlanned] = createSignal<{ seq: number; plan: PlanView | undefined } | undefined>();
  /** How much of the review shows: 0 the choices, 1 the mapping too, 2 the rows read, errors and preview too. */
  const [revealed, setRevealed] = createSignal(0);
  let cancelFindings = () => {};
  onCleanup(() => cancelFindings());
  let file: { name: string; blob: Blob } | undefined;
  let options: ReadOptions = {};
  let controller: AbortController | undefined;
  const session = new ImportSession();
  onCleanup(() => {
    controller?.abort();
    session.dispose();
  });

  const databaseName = () => {
    const name = services.store.databaseName;
    if (!name) throw new Error('This store has no database to import into');
    return name;
  };

  const read = async (next: ReadOptions, preset: PresetUse = 'auto') => {
    if (!file) return;
    options = next;
    // The review is rebuilt after each reading, taking the focused control with it: remember which one
    // (a choice or a column of the mapping) to give the focus back, or else put it on what was understood.
    const focusedId = document.activeElement instanceof HTMLElement && document.activeElement.closest('.import-page') ? document.activeElement.id : '';
    controller = new AbortController();
    setStep({ step: 'reading', rows: 0 });
    setPlanned(undefined);
    try {
      // The worker reads the file itself, again when a choice changes: its megabytes never cross this thread.
      const reading = await session.read(
        file.blob,
        next,
        { dbName: databaseName(), fileName: file.name, preset },
        { signal: controller.signal, onProgress: (rows) => setStep({ step: 'reading', rows }) },
      );
      setDecisions({});
      setValidOnly(false);
      setAbsentDebtors(undefined);
      cancelFindings();
      setRevealed(0);
      setStep({ step: 'review', reading });
      // What was understood shows in this task, the mapping in a task after its paint, the rows read, the errors
      // and the preview in the next; the focus moves once they are laid out. In one task, with the focus
      // forcing the layout, a 100,000-row file's review took 170 ms at 4× CPU (bench/import-trace.mjs).
      const reveal = () => {
        setRevealed(revealed() + 1);
        cancelFindings =
          revealed() < 2
            ? afterPaintOrSoon(reveal)
            : afterPaint(() => ((focusedId && focusedId !== 'import-file' && document.getElementById(focusedId)) || document.getElementById('import-understood'))?.focus());
      };
      cancelFindings = afterPaintOrSoon(reveal);
    } catch (error) {
      if (isAbort(error)) setStep({ step: 'choose' });
      else setStep({ step: 'failed', message: storageErrorMessage(error) });
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    file = { name: chosen.name, blob: chosen };
    setFileName(chosen.name);
    await read({});
  };

  const review = () => {
    const s = step();
    return s.step === 'review' ? s : undefined;
  };
  const portfolio = createMemo(() => {
    const outcome = review()?.reading.outcome;
    return outcome?.kind === 'portfolio' ? outcome.portfolio : undefined;
  });
  const paymentsRead = createMemo(() => {
    const outcome = review()?.reading.outcome;
    return outcome?.kind === 'payments' ? outcome.payments : undefined;
  });
  const [cancelled, setCancelled] = createSignal(false);
  // The plan is computed in the worker, again whenever the agent answers a name match, the absent debtors'
  // choice or changes "valid rows only".
  createEffect(
    on([portfolio, decisions, validOnly, absentDebtors], ([p, chosen, valid, absent]) => {
      if (!p) return;
      // The plan's controls are rebuilt with it: the answer just given (a radio, a select) gets the focus back.
      const focusedId = document.activeElement instanceof HTMLElement && document.activeElement.closest('.import-plan') ? document.activeElement.id : '';
      setPlanned(undefined);
      Promise.resolve()
        .then(() => session.plan({ dbName: databaseName(), importDate: todayIso(), decisions: chosen, validRowsOnly: valid, ...(absent ? { absentDebtors: absent } : {}) }))
        .then((answer) => {
          if (answer.stale) return;
          setPlanned({ seq: answer.seq, plan: answer.plan });
          if (focusedId) queueMicrotask(() => document.getElementById(focusedId)?.focus());
        })
        .catch((error: unknown) => {
          if (!isAbort(error)) setStep({ step: 'failed', message: storageErrorMessage(error) });
        });
    }),
  );
  const plan = () => planned()?.plan;
  let lastReview: Extract<Step, { step: 'review' }> | undefined;

  const commit = async () => {
    const r = review();
    const answer = planned();
    const p = answer?.plan;
    if (!r || !answer || !p || !p.ready || !file) return;
    lastReview = r;
    setCancelled(false);
    setStep({ step: 'committing', written: 0, total: 1, switching: false });
    try {
      const outcome = await session.commit(
        answer.seq,
        {
          dbName: databaseName(),
          fileName: file.name,
          now: new Date().toISOString(),
          today: todayIso(),
          agent: services.settings().agentName,
          paymentText: { template: t('imports:paymentSummary', { amount: AMOUNT_MARK, invoices: INVOICES_MARK }), locale: locale() },
        },
        (written, total, switching) => setStep({ step: 'committing', written, total, switching }),
      );
      if (outcome === 'cancelled') {
        // Nothing was stored: back to the same preview, planned again against what is stored.
        setCancelled(true);
        setStep(lastReview);
        return;
      }
      services.dataChanged();
      setStep({ step: 'done', debtors: p.counts.debtors.new, invoices: p.counts.invoices.new + p.counts.invoices.updated + p.counts.invoices.closed, closures: p.closures });
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
          <FilePicker id="import-file" label={t('imports:wizard.choose')} accept=".csv,.tsv,.txt,text/csv,text/plain" testId="import-file" fileName={fileName()} onFile={(f) => void choose(f)} />
          <p class="muted">{t('imports:wizard.formats')}</p>
        </div>
      </Show>
      <Switch>
        <Match when={step().step === 'reading' && step()}>
          {(s) => (
            <div class="import-status" aria-live="polite">
              <p>{t('imports:wizard.reading', { rows: formatCount((s() as { rows: number }).rows) })}</p>
              <button ref={takeFocus} type="button" class="btn" data-testid="import-cancel" onClick={() => controller?.abort()}>
                {t('imports:wizard.cancel')}
              </button>
            </div>
          )}
        </Match>
        <Match when={review()}>
          {(r) => (
            <>
              <ReadingChoices reading={r().reading} onChange={(change) => void read({ ...options, ...change, ...(change.kind ? { mapping: undefined } : {}) })} />
              <Show when={revealed() >= 1 && r().reading.kind !== 'fec' && r().reading.headers.length > 0}>
                <Show when={r().reading.preset}>
                  {(preset) => (
                    <p class="notice import-preset" role="status" data-testid={`import-preset-${preset()}`}>
                      {preset() === 'applied' ? t('imports:wizard.presetApplied') : t('imports:wizard.presetSaved')}{' '}
                      <button type="button" class="btn" data-testid="import-preset-reset" onClick={() => void read({ ...options, mapping: undefined }, 'reset')}>
                        {t('imports:wizard.presetReset')}
                      </button>
                    </p>
                  )}
                </Show>
                <MappingEditor reading={r().reading} onChange={(mapping) => void read({ ...options, mapping }, 'save')} />
              </Show>
              <Switch>
                <Match when={r().reading.outcome.kind === 'file_error' && r().reading.outcome}>
                  {(outcome) => (
                    <p class="notice notice--error" role="alert" data-testid="import-file-error">
                      {formatImportError((outcome() as Extract<ReadingView['outcome'], { kind: 'file_error' }>).error, translate)}
                    </p>
                  )}
                </Match>
                <Match when={paymentsRead()}>
                  {(view) => (
                    <PaymentsImport
                      session={session}
                      dbName={databaseName()}
                      fileName={file?.name ?? ''}
                      view={view()}
                      onDone={(outcome) => setStep({ step: 'paymentsDone', ...outcome })}
                    />
                  )}
                </Match>
                <Match when={portfolio()}>
                  {(p) => (
                    <>
                      <Show when={revealed() >= 2}>
                        <PortfolioFindings portfolio={p()} />
                      </Show>
                      <Show when={p().errorCount > 0}>
                        <label class="import-valid-only">
                          <input type="checkbox" data-testid="import-valid-only" checked={validOnly()} onChange={(e) => setValidOnly(e.currentTarget.checked)} />
                          {t('imports:wizard.validOnly')}
                        </label>
                        <Show when={!validOnly()}>
                          <p class="muted">{t('imports:refusal.body')}</p>
                        </Show>
                      </Show>
                      <Show when={cancelled()}>
                        <p class="notice" role="status" data-testid="import-cancelled">
                          {t('imports:wizard.cancelled')}
                        </p>
                      </Show>
                      <Show when={!planned()}>
                        <p class="muted" role="status" data-testid="import-planning">
                          {t('imports:wizard.planning')}
                        </p>
                      </Show>
                      <Show when={plan()}>
                        {(pl) => (
                          <>
                            <PlanSummary
                              plan={pl()}
                              onDecide={(key, decision) => setDecisions({ ...decisions(), [key]: decision })}
                              onAbsentChoice={setAbsentDebtors}
                            />
                            <button
                              type="button"
                              class="btn btn--primary"
                              data-testid="import-commit"
                              disabled={!pl().ready}
                              onClick={() => void commit()}
                            >
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
          {(s) => <CommitProgress progress={s() as CommitState} onCancel={() => session.cancelCommit()} />}
        </Match>
        <Match when={step().step === 'done' && step()}>{(s) => <ImportDone outcome={s() as ImportOutcome} />}</Match>
        <Match when={step().step === 'paymentsDone' && step()}>{(s) => <PaymentsDone outcome={s() as PaymentsOutcome} />}</Match>
        <Match when={step().step === 'failed' && step()}>{(s) => <ImportFailed message={(s() as { message: string }).message} />}</Match>
      </Switch>
    </section>
  );
}
