import { A } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { useCanLead } from '../../session/team-context';
import { todayIso } from '../../session/today';
import { ACTIVITY_SCHEMA_VERSION, type PaymentPlan } from '../../domain/entities';
import { formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { PlanStatusBadge, PlanSummary } from '../../ui/PlanSummary';
import '../../styles/after-call.css';
import './plans.css';

/** The lead's answer to one proposal: approve or reject, with an optional reason kept on the plan. */
/** Deciding bumps the data version: this page re-reads its plans and the worklist its summaries. */
function Decision(props: { plan: PaymentPlan; onDecided: (planId: string) => void }): JSX.Element {
  const services = useServices();
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const today = todayIso();
  const past = () => props.plan.instalments.some((i) => i.dueDate < today);
  const noteId = `decision-note-${props.plan.id}`;

  const decide = async (status: 'approved' | 'rejected') => {
    if (busy()) return;
    setBusy(true);
    setFailure('');
    const now = new Date().toISOString();
    const name = services.settings().agentName;
    const amount = formatMoney(props.plan.totalCents, locale());
    try {
      await services.store.decidePlan(props.plan.id, {
        status,
        decidedBy: name,
        decidedAt: now,
        note: note(),
        activity: {
          schemaVersion: ACTIVITY_SCHEMA_VERSION,
          id: `act-${crypto.randomUUID()}`,
          debtorId: props.plan.debtorId,
          type: 'note',
          at: now,
          outcome: status === 'approved' ? 'plan_approved' : 'plan_rejected',
          summary: t(`plans:timeline.${status}`, { count: props.plan.instalments.length, amount, name }) + (note().trim() ? `\n${note().trim()}` : ''),
          agent: name,
          details: { planId: props.plan.id },
        },
      });
      props.onDecided(props.plan.id);
      services.dataChanged();
    } catch (error) {
      setFailure(storageErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="plan-decision">
      <Show when={past()}>
        <p class="notice notice--warning">{t('plans:decision.past')}</p>
      </Show>
      <div class="field">
        <label for={noteId}>{t('plans:decision.note')}</label>
        <textarea id={noteId} class="input" rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="actions actions--tight">
        <button type="button" class="btn btn--primary" data-testid="plan-approve" disabled={past()} aria-disabled={busy()} onClick={() => void decide('approved')}>
          {t('plans:decision.approve')}
        </button>
        <button type="button" class="btn btn--danger" data-testid="plan-reject" aria-disabled={busy()} onClick={() => void decide('rejected')}>
          {t('plans:decision.reject')}
        </button>
      </div>
      <p class="field__error" role="alert">
        {failure()}
      </p>
    </div>
  );
}

function PlanCard(props: { plan: PaymentPlan; debtorName: string; lead: boolean; onDecided: (planId: string) => void }): JSX.Element {
  const headingId = `plan-${props.plan.id}-title`;
  return (
    <article class="card plan" data-testid="plan" data-plan={props.plan.id} data-status={props.plan.status} data-debtor={props.plan.debtorId} aria-labelledby={headingId}>
      <h3 id={headingId} class="plan__head">
        <A href={`/debtors/${encodeURIComponent(props.plan.debtorId)}`}>{props.debtorName}</A> <PlanStatusBadge status={props.plan.status} />
      </h3>
      <PlanSummary plan={props.plan} headingId={headingId} />
      <Show when={props.plan.status === 'proposed'}>
        <Show when={props.lead} fallback={<p class="muted" data-testid="plan-awaiting">{t('plans:awaitingLead')}</p>}>
          <Decision plan={props.plan} onDecided={props.onDecided} />
        </Show>
      </Show>
    </article>
  );
}

/** `/plans`: payment plans awaiting the team lead, then those decided. Agents read; the lead decides. */
export default function PlansPage(): JSX.Element {
  const services = useServices();
  usePageTitle(() => t('plans:title'));
  const [plans] = createResource(
    () => services.dataVersion(),
    async () => {
      const list = await services.store.listPlans();
      const names = new Map<string, string>();
      for (const id of new Set(list.map((p) => p.debtorId))) names.set(id, (await services.store.getDossier(id))?.debtor.name ?? id);
      return { list, names };
    },
  );
  // Once connected, the server's role decides (session/team-session.ts).
  const lead = useCanLead();
  // `latest`: a decision's refetch keeps the page up instead of suspending it.
  const current = () => plans.latest;
  const proposed = createMemo(() => current()?.list.filter((p) => p.status === 'proposed') ?? []);
  const decided = createMemo(() => current()?.list.filter((p) => p.status !== 'proposed') ?? []);
  // The decided card is rebuilt in the list below: the keyboard goes on from its heading, which reads its new status.
  const [justDecided, setJustDecided] = createSignal<string | null>(null);
  createEffect(() => {
    const id = justDecided();
    if (!id || !decided().some((p) => p.id === id)) return;
    setJustDecided(null);
    document.querySelector<HTMLElement>(`[data-testid="plan"][data-plan="${CSS.escape(id)}"] .plan__head a`)?.focus();
  });
  const card = (plan: PaymentPlan) => (
    <PlanCard plan={plan} debtorName={current()?.names.get(plan.debtorId) ?? plan.debtorId} lead={lead()} onDecided={setJustDecided} />
  );

  return (
    <section class="page plans-page" data-testid="plans-page" aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans:title')}</h1>
      <p class="muted">{lead() ? t('plans:introLead') : t('plans:introAgent')}</p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={plans.error as unknown}>
          <p role="alert">{storageErrorMessage(plans.error)}</p>
        </Match>
        <Match when={current()}>
          <h2>{t('plans:awaiting', { count: proposed().length })}</h2>
          <Show when={proposed().length > 0} fallback={<p class="muted">{t('plans:noneAwaiting')}</p>}>
            <div class="plan-grid">
              <For each={proposed()}>{card}</For>
            </div>
          </Show>
          <h2>{t('plans:decided')}</h2>
          <Show when={decided().length > 0} fallback={<p class="muted">{t('plans:noneDecided')}</p>}>
            <div class="plan-grid">
              <For each={decided()}>{card}</For>
            </div>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
