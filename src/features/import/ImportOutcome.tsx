/**
 * The import wizard's last steps: the commit's progress (cancellable until its one transaction begins to
 * commit), then what was written, or why nothing was.
 */
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { ProgressBar } from '../../ui/ProgressBar';
import type { ImportClosures } from './import-protocol';

export interface CommitState {
  written: number;
  total: number;
  switching: boolean;
}
export interface ImportOutcome {
  debtors: number;
  invoices: number;
  closures: ImportClosures;
}
export interface PaymentsOutcome {
  recorded: number;
  alreadyRecorded: number;
}

/**
 * Each step replaces the controls of the one before (the file input, the Import button…): the focus would
 * fall back to the page. The element that says what happened, or the one control left, takes it instead.
 */
export const takeFocus = (el: HTMLElement) => queueMicrotask(() => el.isConnected && el.focus());

export function CommitProgress(props: { progress: CommitState; onCancel: () => void }): JSX.Element {
  return (
    <div class="import-status" aria-live="polite">
      <ProgressBar testId="import-progress" label={t('imports:wizard.committing')} value={props.progress.written} max={props.progress.total} />
      <p>{t('imports:wizard.committing')}</p>
      <Show
        when={!props.progress.switching}
        fallback={
          <p class="muted" data-testid="import-switching">
            {t('imports:wizard.switching')}
          </p>
        }
      >
        <button ref={takeFocus} type="button" class="btn" data-testid="import-cancel-commit" onClick={() => props.onCancel()}>
          {t('imports:wizard.cancel')}
        </button>
      </Show>
    </div>
  );
}

export function ImportDone(props: { outcome: ImportOutcome }): JSX.Element {
  return (
    <p ref={takeFocus} tabindex="-1" class="notice notice--ok" role="status" data-testid="import-done">
      {t('imports:wizard.done', {
        debtors: t('imports:wizard.doneDebtors', { count: props.outcome.debtors }),
        invoices: t('imports:wizard.doneInvoices', { count: props.outcome.invoices }),
      })}
      <ClosuresDone closures={props.outcome.closures} /> <A href="/" end>{t('imports:wizard.openWorklist')}</A>
    </p>
  );
}

export function PaymentsDone(props: { outcome: PaymentsOutcome }): JSX.Element {
  return (
    <p ref={takeFocus} tabindex="-1" class="notice notice--ok" role="status" data-testid="import-done">
      {t('imports:payments.done', { count: props.outcome.recorded })}
      <Show when={props.outcome.alreadyRecorded > 0}> {t('imports:payments.alreadyRecorded', { count: props.outcome.alreadyRecorded })}</Show>{' '}
      <A href="/" end>{t('imports:wizard.openWorklist')}</A>
    </p>
  );
}

export function ImportFailed(props: { message: string }): JSX.Element {
  return (
    <p ref={takeFocus} tabindex="-1" class="notice notice--error" role="alert" data-testid="import-failed">
      {t('imports:wizard.failed', { reason: props.message })}
    </p>
  );
}

/** What the import closed, told apart: for debtors in the file, for absent ones, or left open by the agent's answer. */
function ClosuresDone(props: { closures: ImportClosures }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  return (
    <>
      <Show when={props.closures.inFile.invoices > 0}>
        {' '}
        <span data-testid="import-done-in-file">{t('imports:plan.closing.doneInFile', { count: props.closures.inFile.invoices, amount: money(props.closures.inFile.cents) })}</span>
      </Show>
      <Show when={props.closures.absent.invoices > 0}>
        {' '}
        <span data-testid="import-done-absent">{t('imports:plan.closing.doneAbsent', { count: props.closures.absent.invoices, amount: money(props.closures.absent.cents) })}</span>
      </Show>
      <Show when={props.closures.absentKeptOpen > 0}>
        {' '}
        <span data-testid="import-done-kept">{t('imports:plan.closing.doneKept', { count: props.closures.absentKeptOpen })}</span>
      </Show>
    </>
  );
}
