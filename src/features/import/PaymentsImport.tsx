/**
 * A payments file (bank or ERP export) in the import wizard: the lines matched in the import worker
 * (domain/import/payments-plan.ts), the sure ones listed, each unsure one with its own confirm / reject choice,
 * the unmatched ones listed and never recorded. The commit records the sure and confirmed lines as payments
 * through the store's `recordPayments`, in one transaction: the same path as a payment typed on the payment
 * screen, so invoices, promises and the worklist summary follow. Each line's payment id comes from its content,
 * so a file imported again records nothing twice (its lines show as already recorded).
 */
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { formatImportError } from '../../domain/import/errors';
import { linesToRecord, type PaymentLine, type PaymentsPlan } from '../../domain/import/payments-plan';
import { formatDate, formatMoney } from '../../domain/format';
import type { PaymentEntry } from '../../storage/payments';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { t } from '../../i18n';
import { formatCount, locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';
import { submitOnce } from '../../ui/submit-once';
import { ERRORS_SHOWN, type PaymentsView } from './import-protocol';
import type { ImportSession } from './import-session';

const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
/** Sure and unmatched lines listed on screen; the rest are counted (every unsure one is always listed). */
const LINES_SHOWN = 50;

type Decision = 'confirm' | 'reject';

export interface PaymentsOutcome {
  recorded: number;
  alreadyRecorded: number;
}

const lineHead = (line: PaymentLine) => ({ line: line.line, date: formatDate(line.date, locale()), amount: formatMoney(line.cents, locale()) });

/** What the file says of a line and where Cadence would put it; `headless` when a legend already names the line. */
function LineFacts(props: { line: PaymentLine; headless?: boolean }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  return (
    <>
      <Show when={!props.headless}>
        <span class="import-payment__head">{t('imports:payments.lineHead', lineHead(props.line))}</span>
      </Show>
      <Show when={props.line.reference}>
        <span class="import-payment__ref">{t('imports:payments.reference', { reference: props.line.reference })}</span>
      </Show>
      <Show when={props.line.payer}>
        <span>{t('imports:payments.payer', { payer: props.line.payer })}</span>
      </Show>
      <For each={props.line.parts}>
        {(part) => <span>{t('imports:payments.goesTo', { debtor: part.debtorName, invoices: part.invoiceNumbers.join(', '), amount: money(part.cents) })}</span>}
      </For>
      <Show when={props.line.status !== 'unmatched' && props.line.status !== 'recorded'}>
        <span class="muted">{t(`imports:payments.method.${props.line.method}`)}</span>
      </Show>
      <Show when={props.line.excessCents > 0 && props.line.parts.length > 0}>
        <span class="import-payment__excess">{t('imports:payments.excess', { amount: money(props.line.excessCents) })}</span>
      </Show>
    </>
  );
}

/** The sure or the unmatched lines: listed as read, the first LINES_SHOWN of them, and how many more. */
function PaymentLinesSection(props: { plan: PaymentsPlan; status: 'sure' | 'unmatched'; title: string; hint?: string }): JSX.Element {
  const lines = () => props.plan.lines.filter((l) => l.status === props.status);
  const id = `import-payments-${props.status}-title`;
  return (
    <Show when={props.plan.counts[props.status] > 0}>
      <section aria-labelledby={id} data-testid={`import-payments-${props.status}`}>
        <h3 id={id}>{props.title}</h3>
        <Show when={props.hint}>
          <p class="muted">{props.hint}</p>
        </Show>
        <ul class="import-payment-list">
          <For each={lines().slice(0, LINES_SHOWN)}>
            {(line) => (
              <li class="import-payment">
                <LineFacts line={line} />
              </li>
            )}
          </For>
        </ul>
        <Show when={props.plan.counts[props.status] > LINES_SHOWN}>
          <p class="muted">{t('imports:payments.moreLines', { count: props.plan.counts[props.status] - LINES_SHOWN })}</p>
        </Show>
      </section>
    </Show>
  );
}

export function PaymentsImport(props: {
  session: ImportSession;
  dbName: string;
  fileName: string;
  view: PaymentsView;
  onDone: (outcome: PaymentsOutcome) => void;
}): JSX.Element {
  const services = useServices();
  const today = todayIso();
  const [plan] = createResource(() => props.session.planPayments({ dbName: props.dbName, today }));
  const [decisions, setDecisions] = createSignal<Record<string, Decision>>({});
  const [validOnly, setValidOnly] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const money = (cents: number) => formatMoney(cents, locale());

  const byStatus = (p: PaymentsPlan, status: PaymentLine['status']) => p.lines.filter((l) => l.status === status);
  const errorCount = () => props.view.errorCount + (plan()?.errors.length ?? 0);
  const shownErrors = () => [...props.view.errors, ...(plan()?.errors ?? [])].slice(0, ERRORS_SHOWN);
  const toRecord = createMemo(() => {
    const p = plan();
    if (!p) return [];
    const confirmed = new Set(Object.entries(decisions()).flatMap(([id, d]) => (d === 'confirm' ? [id] : [])));
    return linesToRecord(p, confirmed);
  });
  const undecided = () => (plan() ? byStatus(plan() as PaymentsPlan, 'to_confirm').filter((l) => !decisions()[l.id]).length : 0);
  const blocked = () => errorCount() > 0 && !validOnly();

  const entries = (lines: PaymentLine[]): PaymentEntry[] => {
    const at = new Date().toISOString();
    const agent = services.settings().agentName;
    return lines.flatMap((line) =>
      line.parts.map((part) => ({
        id: part.id,
        debtorId: part.debtorId,
        amountCents: part.cents,
        date: line.date,
        // A bank statement's credits are transfers; the line's own wording stays in the timeline text.
        means: 'transfer' as const,
        invoiceIds: part.invoiceIds,
        at,
        agent,
        summary: t('imports:payments.timeline', {
          amount: money(part.cents),
          date: formatDate(line.date, locale()),
          invoices: part.invoiceNumbers.join(', '),
          file: props.fileName,
          line: line.line,
        }),
      })),
    );
  };

  const commit = submitOnce(async () => {
    const lines = toRecord();
    if (lines.length === 0 || blocked()) return;
    setSaving(true);
    setFailure('');
    try {
      const result = await services.store.recordPayments(entries(lines), today);
      services.dataChanged();
      props.onDone({ recorded: result.recorded.length, alreadyRecorded: result.alreadyRecorded.length });
    } catch (error) {
      setFailure(storageErrorMessage(error));
      setSaving(false);
    }
  });

  return (
    <section class="import-payments" aria-labelledby="import-payments-title" data-testid="import-payments">
      <h2 id="import-payments-title">{t('imports:payments.title')}</h2>
      <Show when={errorCount() > 0}>
        <div class="notice notice--error" role="alert" data-testid="import-errors">
          <p>{t('imports:payments.refused', { count: errorCount() })}</p>
          <ul>
            <For each={shownErrors()}>{(e) => <li>{formatImportError(e, translate, (iso) => formatDate(iso, locale()))}</li>}</For>
          </ul>
          <Show when={errorCount() > ERRORS_SHOWN}>
            <p>{t('imports:wizard.moreErrors', { count: errorCount() - ERRORS_SHOWN })}</p>
          </Show>
        </div>
        <label class="import-valid-only">
          <input type="checkbox" data-testid="import-valid-only" checked={validOnly()} onChange={(e) => setValidOnly(e.currentTarget.checked)} />
          {t('imports:payments.validOnly')}
        </label>
      </Show>
      <Show when={props.view.ignored.length > 0}>
        <p class="muted" data-testid="import-payments-ignored">
          {t('imports:payments.ignored', { count: props.view.ignored.length, lines: props.view.ignored.slice(0, LINES_SHOWN).join(', ') })}
        </p>
      </Show>
      <Show when={plan.error}>
        <p class="notice notice--error" role="alert" data-testid="import-failed">
          {t('imports:wizard.failed', { reason: storageErrorMessage(plan.error) })}
        </p>
      </Show>
      <Show
        when={plan()}
        fallback={
          <Show when={!plan.error}>
            <p class="muted" role="status" data-testid="import-planning">
              {t('imports:wizard.planning')}
            </p>
          </Show>
        }
      >
        {(p) => (
          <>
            <p data-testid="import-payments-counts">
              {t('imports:payments.counts', {
                sure: t('imports:payments.countParts.sure', { count: p().counts.sure, n: formatCount(p().counts.sure) }),
                toConfirm: formatCount(p().counts.to_confirm),
                unmatched: formatCount(p().counts.unmatched),
                recorded: t('imports:payments.countParts.recorded', { count: p().counts.recorded, n: formatCount(p().counts.recorded) }),
              })}
            </p>
            <Show when={p().counts.to_confirm > 0}>
              <section aria-labelledby="import-payments-confirm-title" data-testid="import-payments-confirm">
                <h3 id="import-payments-confirm-title">{t('imports:payments.confirmTitle')}</h3>
                <p class="muted">{t('imports:payments.confirmHint')}</p>
                <ul class="import-payment-list">
                  <For each={byStatus(p(), 'to_confirm')}>
                    {(line) => (
                      <li class="import-payment" data-testid={`import-payment-${line.line}`}>
                        <fieldset>
                          <legend>{t('imports:payments.confirmLegend', lineHead(line))}</legend>
                          <LineFacts line={line} headless />
                          <div class="import-payment__choice">
                            <label>
                              <input
                                type="radio"
                                name={`payment-${line.id}`}
                                value="confirm"
                                data-testid={`import-payment-confirm-${line.line}`}
                                checked={decisions()[line.id] === 'confirm'}
                                onChange={() => setDecisions({ ...decisions(), [line.id]: 'confirm' })}
                              />
                              {t('imports:payments.confirm')}
                            </label>
                            <label>
                              <input
                                type="radio"
                                name={`payment-${line.id}`}
                                value="reject"
                                data-testid={`import-payment-reject-${line.line}`}
                                checked={decisions()[line.id] === 'reject'}
                                onChange={() => setDecisions({ ...decisions(), [line.id]: 'reject' })}
                              />
                              {t('imports:payments.reject')}
                            </label>
                          </div>
                        </fieldset>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
            <PaymentLinesSection plan={p()} status="sure" title={t('imports:payments.sureTitle')} />
            <PaymentLinesSection plan={p()} status="unmatched" title={t('imports:payments.unmatchedTitle')} hint={t('imports:payments.unmatchedHint')} />
            <Show when={p().counts.recorded > 0}>
              <p class="notice" role="status" data-testid="import-payments-recorded">
                {t('imports:payments.alreadyRecorded', { count: p().counts.recorded })}
              </p>
            </Show>
            <Show when={undecided() > 0}>
              <p class="muted" data-testid="import-payments-undecided">
                {t('imports:payments.undecided', { count: undecided() })}
              </p>
            </Show>
            <Show when={failure()}>
              <p class="notice notice--error" role="alert" data-testid="import-failed">
                {t('imports:wizard.failed', { reason: failure() })}
              </p>
            </Show>
            <button
              type="button"
              class="btn btn--primary"
              data-testid="import-commit"
              disabled={toRecord().length === 0 || blocked()}
              aria-disabled={saving()}
              onClick={(e) => void commit(e)}
            >
              {t('imports:payments.commit', { count: toRecord().reduce((n, l) => n + l.parts.length, 0) })}
            </button>
          </>
        )}
      </Show>
    </section>
  );
}
