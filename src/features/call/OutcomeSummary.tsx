import { A, useLocation, useNavigate } from '@solidjs/router';
import { For, lazy, Match, Show, Suspense, Switch, type JSX } from 'solid-js';
import type { CommitState } from '../../session/call-session';
import type { DebtorBundle } from '../../domain/bundle';
import type { Commitment } from '../../domain/call/context';
import type { CallActivityDetails, CallOutcome } from '../../domain/call/outcome';
import { toWallTime } from '../../domain/calendar/zonedTime';
import { formatDate, formatMoney } from '../../domain/format';
import { commitmentOwed } from '../../domain/payments/balance';
import { i18n, loadNamespaces, t } from '../../i18n';
import { cameFromDossier } from '../../ui/call-links';
import { locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';
import { recapMode, readRecapCall } from '../../domain/call/recap-call';
import { formatElapsed } from './call-view';

// The recap draft (and the eml/mailto writers) load once a call has ended, with their translations.
const RecapPanel = lazy(async () => {
  const [mod] = await Promise.all([import('./recap/RecapPanel'), loadNamespaces(['recap', 'drafts'])]);
  return { default: mod.RecapPanel };
});

function CommitmentText(props: { commitment: Commitment; bundle: DebtorBundle; proposed: boolean }): JSX.Element {
  const numbers = (ids: string[]) => ids.map((id) => props.bundle.invoices.find((i) => i.id === id)?.number ?? id).join(', ');
  const money = (cents: number) => formatMoney(cents, locale());
  const date = (iso: string) => formatDate(iso, locale());
  return (
    <Switch>
      <Match when={props.commitment.kind === 'promise' && props.commitment}>
        {(p) => (
          <>
            {t('callscreen:outcome.promise', { amount: money(p().amountCents), date: date(p().date), means: t(`call:means.${p().means}`).toLocaleLowerCase() })}
            <Show when={p().invoiceIds.length > 0}> ({numbers(p().invoiceIds)})</Show>
          </>
        )}
      </Match>
      <Match when={props.commitment.kind === 'plan' && props.commitment}>
        {(p) => (
          <>
            <ul class="plain">
              <For each={p().instalments}>{(i) => <li>{t('callscreen:outcome.instalment', { amount: money(i.amountCents), date: date(i.date) })}</li>}</For>
            </ul>
            <Show when={props.proposed}>
              <span class="badge badge--warning">{t('call:planStatus.awaiting_approval')}</span>
            </Show>
          </>
        )}
      </Match>
      <Match when={props.commitment.kind === 'dispute' && props.commitment}>
        {(d) => t('callscreen:outcome.dispute', { invoices: numbers(d().invoiceIds), why: d().why })}
      </Match>
      <Match when={props.commitment.kind === 'none' && props.commitment}>{(n) => t('callscreen:outcome.none', { why: n().why })}</Match>
    </Switch>
  );
}

/** What is still owed on the invoices a promise or plan concerns, and what remains once it is honoured. */
function OwedAfter(props: { outcome: CallOutcome; commitment: Commitment; bundle: DebtorBundle }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const balance = () =>
    commitmentOwed(props.commitment, props.bundle.invoices, toWallTime(props.outcome.activity.at).date, props.outcome.plan?.invoiceIds ?? []);
  return (
    <Show when={balance()?.invoices.length ? balance() : null}>
      {(b) => (
        <div>
          <dt>{t('callscreen:outcome.owed')}</dt>
          <dd data-testid="outcome-owed">
            <ul class="plain">
              <For each={b().invoices}>{(i) => <li>{t('callscreen:outcome.owedInvoice', { number: i.number, amount: money(i.outstandingCents) })}</li>}</For>
            </ul>
            <p class="strong">{t('callscreen:outcome.owedTotal', { amount: money(b().owedCents) })}</p>
            <p>{b().settles ? t('callscreen:outcome.settles') : t('callscreen:outcome.remainsAfter', { amount: money(b().remainingAfterCents) })}</p>
          </dd>
        </div>
      )}
    </Show>
  );
}

function Summary(props: { outcome: CallOutcome; bundle: DebtorBundle }): JSX.Element {
  const details = (): CallActivityDetails => props.outcome.activity.details;
  return (
    <dl class="outcome__list">
      <div>
        <dt>{t('callscreen:outcome.ending')}</dt>
        <dd data-testid="outcome-ending">{t(`call:endings.${details().ending.type}`)}</dd>
      </div>
      <div>
        <dt>{t('callscreen:outcome.duration')}</dt>
        <dd>{formatElapsed(details().durationSeconds)}</dd>
      </div>
      <Show when={details().reason}>
        {(r) => (
          <div>
            <dt>{t('call:fields.reasonCode')}</dt>
            <dd>
              {t(`call:reasons.${r().code}`)}
              <Show when={r().detail}> — {r().detail}</Show>
            </dd>
          </div>
        )}
      </Show>
      <Show when={details().commitment}>
        {(c) => (
          <div>
            <dt>{t(`call:commitmentKinds.${c().kind}`)}</dt>
            <dd data-testid="outcome-commitment">
              <CommitmentText commitment={c()} bundle={props.bundle} proposed={props.outcome.plan !== null} />
            </dd>
          </div>
        )}
      </Show>
      <Show when={details().commitment}>{(c) => <OwedAfter outcome={props.outcome} commitment={c()} bundle={props.bundle} />}</Show>
      <Show when={props.outcome.contactChanges.length > 0 || details().contactCheck}>
        <div>
          <dt>{t('callscreen:outcome.contact')}</dt>
          <dd>
            <For each={props.outcome.contactChanges}>
              {(change) => <p>{change.kind === 'create' ? t('callscreen:outcome.contactCreated', { name: change.contact.name }) : t('callscreen:outcome.contactUpdated', { name: change.patch.name })}</p>}
            </For>
            <Show when={details().contactCheck?.status === 'confirmed'}>{t('callscreen:contact.status.confirmed')}</Show>
          </dd>
        </div>
      </Show>
      <div>
        <dt>{t('callscreen:outcome.tasks')}</dt>
        <dd>
          <ul class="plain" data-testid="outcome-tasks">
            <For each={props.outcome.tasks} fallback={<li>{t('callscreen:outcome.noTask')}</li>}>
              {(task) => (
                <li>
                  {t(`taskKind.${task.kind}`)}
                  <Show when={followUpReason(props.outcome, task.id)}>{(reason) => <> ({reason()})</>}</Show> — {formatDate(task.dueDate, locale())}
                  <Show when={task.dueTime}> {task.dueTime}</Show>
                  <Show when={task.note}> · {task.note}</Show>
                </li>
              )}
            </For>
          </ul>
        </dd>
      </div>
      <Show when={props.outcome.activity.summary}>
        <div>
          <dt>{t('callscreen:notes.label')}</dt>
          <dd class="outcome__notes">{props.outcome.activity.summary}</dd>
        </div>
      </Show>
    </dl>
  );
}

/** Why the rules booked a task (seed 001), when its label is loaded. */
function followUpReason(outcome: CallOutcome, taskId: string): string | undefined {
  const reason = outcome.activity.details.followUps?.find((f) => f.taskId === taskId)?.reason;
  return reason && i18n.exists(`drafts:followUp.${reason}`) ? t(`drafts:followUp.${reason}`) : undefined;
}

/** A plan request: sent to the lead for approval, or an offer to complete before it can be. */
function PlanNotice(props: { outcome: CallOutcome; debtorId: string }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  return (
    <Switch>
      <Match when={props.outcome.plan}>
        <p class="notice notice--ok" data-testid="outcome-plan" data-state="proposed">
          {t('recap:plan.proposed')} <A href="/plans">{t('recap:plan.list')}</A>
        </p>
      </Match>
      <Match when={props.outcome.unmatchedPlan}>
        {(offer) => (
          <p class="notice notice--warning" data-testid="outcome-plan" data-state="unmatched">
            {t('recap:plan.unmatched', { offered: money(offer().offeredCents), expected: money(offer().expectedCents) })}{' '}
            <A href={`/debtors/${encodeURIComponent(props.debtorId)}/plans/new`}>{t('recap:plan.complete')}</A>
          </p>
        )}
      </Match>
    </Switch>
  );
}

/** The recap draft under the outcome: opened for a commitment, offered for any completed call. */
function OutcomeRecap(props: { outcome: CallOutcome; bundle: DebtorBundle }): JSX.Element {
  const mode = () => {
    const call = readRecapCall(props.outcome.activity);
    return call ? recapMode(call) : 'none';
  };
  return (
    <Show when={mode() !== 'none'}>
      <Suspense fallback={<p class="muted">{t('loading')}</p>}>
        <RecapPanel bundle={props.bundle} activity={props.outcome.activity} plan={props.outcome.plan} tasks={props.outcome.tasks} open={mode() === 'draft'} heading="h3" />
      </Suspense>
    </Show>
  );
}

/** After the call: what was written to the dossier, or why it is not yet, with a way back to the dossier. */
export function OutcomeSummary(props: { commit: CommitState; bundle: DebtorBundle; onRetry: () => void; headingRef: (el: HTMLHeadingElement) => void }): JSX.Element {
  const dossier = () => `/debtors/${encodeURIComponent(props.bundle.debtor.id)}`;
  const location = useLocation();
  const navigate = useNavigate();
  // Back to the dossier the call was started from is a step back in history, so the browser's Back from
  // there leaves the dossier instead of landing on the ended call; otherwise the call's entry is replaced.
  const backToDossier = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (cameFromDossier(location.state, dossier())) history.back();
    else navigate(dossier(), { replace: true });
  };
  return (
    <section class="call-step card outcome" aria-labelledby="outcome-title" data-testid="call-outcome" data-state={props.commit.kind}>
      <h2 id="outcome-title" tabindex="-1" ref={props.headingRef}>
        {t('callscreen:outcome.title')}
      </h2>
      <Switch fallback={<p role="status">{t('callscreen:outcome.saving')}</p>}>
        <Match when={props.commit.kind === 'failed' && props.commit}>
          {(failed) => (
            <div role="alert">
              <p>{t('callscreen:outcome.failed')}</p>
              <p>{storageErrorMessage(failed().error)}</p>
              <button type="button" class="btn btn--primary" onClick={() => props.onRetry()}>
                {t('callscreen:outcome.retry')}
              </button>
            </div>
          )}
        </Match>
        <Match when={props.commit.kind === 'committed' && props.commit}>
          {(done) => (
            <>
              <p class="notice notice--ok" role="status">
                {t('callscreen:outcome.saved')}
              </p>
              <Summary outcome={done().outcome} bundle={props.bundle} />
              <PlanNotice outcome={done().outcome} debtorId={props.bundle.debtor.id} />
            </>
          )}
        </Match>
      </Switch>
      <div class="actions">
        <A href={dossier()} class="btn btn--primary btn--lg" data-testid="back-to-dossier" on:click={backToDossier}>
          {t('callscreen:outcome.backToDossier')}
        </A>
        <A href="/" end class="btn">
          {t('backToWorklist')}
        </A>
      </div>
      <Show when={props.commit.kind === 'committed' && props.commit}>{(done) => <OutcomeRecap outcome={done().outcome} bundle={props.bundle} />}</Show>
    </section>
  );
}
