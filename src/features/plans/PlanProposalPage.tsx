import { useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import type { DebtorBundle } from '../../domain/bundle';
import { addDays } from '../../domain/calendar/isoDate';
import { ACTIVITY_SCHEMA_VERSION, PAYMENT_MEANS, PLAN_SCHEMA_VERSION, type PaymentMeans, type RateSettings } from '../../domain/entities';
import { formatDate, formatMoney } from '../../domain/format';
import { horizonEnd, INSTALMENT_COUNT_BOUNDS, isBeyondHorizon, parseInstalmentCount, PLAN_HORIZON_YEARS } from '../../domain/input/bounds';
import { lang, t } from '../../i18n';
import { locale } from '../../ui/locale';
import { FormActions } from '../../ui/FormActions';
import { storageErrorMessage } from '../../ui/storage-error';
import { submitOnce } from '../../ui/submit-once';
import { DebtorFormPage } from '../../ui/DebtorFormPage';
import { dossierPenalties } from '../../domain/penalties/dossier-penalties';
import { generateRows, planBasis, validatePlan, type PlanFormValues, type RowError } from './plan-form';
import '../../styles/after-call.css';
import './plans.css';
import { typedValue } from '../../ui/typed-value';

/** A first instalment a week out leaves the lead time to decide and the debtor time to pay. */
const FIRST_INSTALMENT_AFTER_DAYS = 7;

function ProposalForm(props: { bundle: DebtorBundle; rates: RateSettings }): JSX.Element {
  const services = useServices();
  const navigate = useNavigate();
  const today = todayIso();
  const penalties = dossierPenalties(props.bundle, props.rates, today);
  const basis = planBasis(props.bundle, penalties.interestCents + penalties.indemnityCents);
  const money = (cents: number) => formatMoney(cents, locale());
  const dossierHref = `/debtors/${encodeURIComponent(props.bundle.debtor.id)}`;
  // The count as typed: "-5", "0" or "12.5" is refused with a message, never silently turned into 1 or 12.
  const [count, setCount] = createSignal('3');
  const [generatorError, setGeneratorError] = createSignal<{ count?: boolean; first?: 'past' | 'far' }>({});
  const planMax = horizonEnd(today, PLAN_HORIZON_YEARS);
  // The first instalment falls within the year, like a promise; the last one within three.
  const firstMax = horizonEnd(today);
  const rangeValues = () => ({
    today: formatDate(today, locale()),
    max: formatDate(planMax, locale()),
    firstMax: formatDate(firstMax, locale()),
    min: INSTALMENT_COUNT_BOUNDS.min,
    maxCount: INSTALMENT_COUNT_BOUNDS.max,
  });
  const [firstDate, setFirstDate] = createSignal(addDays(today, FIRST_INSTALMENT_AFTER_DAYS));
  const [values, setValues] = createSignal<PlanFormValues>({
    penalties: 'waived',
    means: 'transfer',
    note: '',
    rows: generateRows(basis.balanceCents, 3, addDays(today, FIRST_INSTALMENT_AFTER_DAYS), lang()),
  });
  const [submitted, setSubmitted] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  const check = createMemo(() => validatePlan(values(), basis, today, lang()));
  const failed = () => {
    const r = check();
    return r.ok ? undefined : r;
  };
  // Errors show once the agent tried to submit; the running sum shows all along.
  const rowError = (k: number): RowError | undefined => (submitted() ? failed()?.rows[k] : undefined);
  const planErrors = () => (submitted() ? (failed()?.plan ?? []) : []);
  const set = (patch: Partial<PlanFormValues>) => setValues({ ...values(), ...patch });
  const regenerate = () => {
    const n = parseInstalmentCount(count());
    const first = firstDate();
    const firstProblem = !/^\d{4}-\d{2}-\d{2}$/.test(first) || first < today ? 'past' : isBeyondHorizon(first, today) ? 'far' : undefined;
    setGeneratorError({ ...(n === null ? { count: true } : {}), ...(firstProblem ? { first: firstProblem } : {}) });
    if (n === null || firstProblem) return;
    set({ rows: generateRows(check().totalCents, n, first, lang()) });
  };
  const setRow = (k: number, patch: Partial<PlanFormValues['rows'][number]>) =>
    set({ rows: values().rows.map((r, i) => (i === k ? { ...r, ...patch } : r)) });

  const submit = submitOnce(async () => {
    setSubmitted(true);
    const result = check();
    if (!result.ok) return;
    setSaving(true);
    const now = new Date().toISOString();
    const agent = services.settings().agentName;
    const id = `plan-${crypto.randomUUID()}`;
    const v = values();
    try {
      await services.store.proposePlan(
        {
          schemaVersion: PLAN_SCHEMA_VERSION,
          id,
          debtorId: props.bundle.debtor.id,
          createdAt: now,
          proposedBy: agent,
          invoiceIds: basis.invoiceIds,
          instalments: result.instalments,
          balanceCents: basis.balanceCents,
          penaltiesCents: basis.penaltiesCents,
          penalties: v.penalties,
          totalCents: result.totalCents,
          means: v.means,
          status: 'proposed',
          note: v.note.trim(),
        },
        {
          schemaVersion: ACTIVITY_SCHEMA_VERSION,
          id: `act-${crypto.randomUUID()}`,
          debtorId: props.bundle.debtor.id,
          type: 'note',
          at: now,
          outcome: 'payment_plan_requested',
          summary: t('plans:timeline.proposed', { count: result.instalments.length, amount: money(result.totalCents) }),
          agent,
          details: { planId: id },
        },
      );
      services.dataChanged();
      navigate(dossierHref);
    } catch (error) {
      setFailure(storageErrorMessage(error));
      setSaving(false);
    }
  });

  return (
    <form class="card form after-form" novalidate onSubmit={submit} data-testid="plan-form">
      <dl class="plan-basis">
        <div>
          <dt>{t('plans:form.balance')}</dt>
          <dd>{money(basis.balanceCents)}</dd>
        </div>
        <div>
          <dt>{t('plans:form.penaltiesToday')}</dt>
          <dd>{money(basis.penaltiesCents)}</dd>
        </div>
      </dl>
      <fieldset class="field">
        <legend>{t('plans:form.penalties')}</legend>
        <For each={['waived', 'included'] as const}>
          {(choice) => (
            <label class="radio">
              <input type="radio" name="penalties" value={choice} checked={values().penalties === choice} onChange={() => set({ penalties: choice })} />
              {t(`plans:form.penaltiesChoice.${choice}`, { amount: money(basis.penaltiesCents) })}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="field generator">
        <legend>{t('plans:form.generate')}</legend>
        <div class="field-row">
          <div class="field">
            <label for="plan-count">{t('plans:form.count')}</label>
            <input
              id="plan-count"
              class="input"
              inputmode="numeric"
              autocomplete="off"
              value={count()}
              aria-invalid={generatorError().count ? 'true' : undefined}
              aria-describedby={generatorError().count ? 'plan-count-error' : undefined}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
            <Show when={generatorError().count}>
              <p class="field__error" id="plan-count-error" data-testid="plan-count-error">
                {t('plans:form.countInvalid', rangeValues())}
              </p>
            </Show>
          </div>
          <div class="field">
            <label for="plan-first">{t('plans:form.first')}</label>
            <input
              id="plan-first"
              type="date"
              class="input"
              min={today}
              max={firstMax}
              ref={(el) => typedValue(el, firstDate)}
              aria-invalid={generatorError().first ? 'true' : undefined}
              aria-describedby={generatorError().first ? 'plan-first-error' : undefined}
              onInput={(e) => setFirstDate(e.currentTarget.value)}
            />
            <Show when={generatorError().first}>
              {(problem) => (
                <p class="field__error" id="plan-first-error">
                  {t(problem() === 'far' ? 'plans:form.firstTooFar' : 'plans:form.firstInPast', rangeValues())}
                </p>
              )}
            </Show>
          </div>
        </div>
        <button type="button" class="btn" data-testid="plan-generate" onClick={regenerate}>
          {t('plans:form.split', { amount: money(check().totalCents) })}
        </button>
      </fieldset>
      <table class="plan-table plan-table--edit">
        <caption>{t('plans:form.instalments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans:col.n')}</th>
            <th scope="col">{t('plans:col.date')}</th>
            <th scope="col">{t('plans:col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          <Index each={values().rows}>
            {(row, k) => (
              <tr>
                <th scope="row">{k + 1}</th>
                <td>
                  <input type="date" class="input" aria-label={t('plans:form.rowDate', { n: k + 1 })} value={row().dueDate} aria-invalid={rowError(k)?.startsWith('date') ? 'true' : undefined} aria-describedby={rowError(k) ? `plan-row-${k}-error` : undefined} onInput={(e) => setRow(k, { dueDate: e.currentTarget.value })} />
                </td>
                <td>
                  <input class="input input--amount" inputmode="decimal" aria-label={t('plans:form.rowAmount', { n: k + 1 })} value={row().amount} aria-invalid={rowError(k) && !rowError(k)?.startsWith('date') ? 'true' : undefined} aria-describedby={rowError(k) ? `plan-row-${k}-error` : undefined} onInput={(e) => setRow(k, { amount: e.currentTarget.value })} />
                  <Show when={rowError(k)}>
                    {(code) => (
                      <p class="field__error" id={`plan-row-${k}-error`}>
                        {t(`plans:issue.${code()}`, rangeValues())}
                      </p>
                    )}
                  </Show>
                </td>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      <p class="plan-sum" classList={{ 'plan-sum--off': failed()?.plan.includes('sum_mismatch') ?? false }} aria-live="polite" data-testid="plan-sum">
        {failed()?.plan.includes('sum_mismatch')
          ? t('plans:form.sumOff', { typed: money(failed()?.typedCents ?? 0), expected: money(check().totalCents) })
          : t('plans:form.sumOk', { amount: money(check().totalCents) })}
      </p>
      <ul class="field__error plan-errors" role="alert">
        <For each={planErrors()}>{(code) => <li>{t(`plans:issue.${code}`)}</li>}</For>
      </ul>
      <div class="field-row">
        <div class="field">
          <label for="plan-means">{t('plans:form.means')}</label>
          <select id="plan-means" class="input" value={values().means} onChange={(e) => set({ means: e.currentTarget.value as PaymentMeans })}>
            <For each={PAYMENT_MEANS}>{(m) => <option value={m}>{t(`dossier:promises.means.${m}`)}</option>}</For>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="plan-note">{t('plans:form.note')}</label>
        <textarea id="plan-note" class="input" rows={3} value={values().note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </div>
      <FormActions submitLabel={t('plans:form.submit')} submitTestId="plan-submit" saving={saving()} cancelHref={dossierHref} failure={failure()} />
    </form>
  );
}

/** `/debtors/:id/plans/new`: the debtor's offer of instalments, sent to the team lead for a decision. */
export default function PlanProposalPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { store } = useServices();
  const [data] = createResource(() => params.id, async (id) => ({ bundle: await store.getDossier(id), rates: await store.getRateSettings() }));
  return (
    <DebtorFormPage titleId="plan-form-title" title={t('plans:form.title')} data={data}>
      {(ready) => (
        <>
          <p class="muted">{t('plans:form.intro')}</p>
          <Show when={planBasis(ready().bundle, 0).balanceCents > 0} fallback={<p>{t('payments:nothingOwed')}</p>}>
            <ProposalForm bundle={ready().bundle} rates={ready().rates} />
          </Show>
        </>
      )}
    </DebtorFormPage>
  );
}
