import { useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import type { DebtorBundle } from '../../domain/bundle';
import { PAYMENT_MEANS } from '../../domain/entities';
import { formatDate, formatMoney } from '../../domain/format';
import { outstandingCents } from '../../domain/payments/allocation';
import { lang, t } from '../../i18n';
import { locale } from '../../ui/locale';
import { FormActions } from '../../ui/FormActions';
import { submitOnce } from '../../ui/submit-once';
import { earliestIssueDate } from '../../domain/input/bounds';
import { storageErrorMessage } from '../../ui/storage-error';
import { DebtorFormPage } from '../../ui/DebtorFormPage';
import { centsToInput } from '../../domain/money/parse';
import { payableInvoices, validatePayment, type PaymentErrorCode, type PaymentField, type PaymentFormValues } from './payment-form';
import { typedValue } from '../../ui/typed-value';
import '../../styles/after-call.css';

function PaymentForm(props: { bundle: DebtorBundle }): JSX.Element {
  const services = useServices();
  const navigate = useNavigate();
  const today = todayIso();
  const invoices = payableInvoices(props.bundle.invoices);
  const dossierHref = `/debtors/${encodeURIComponent(props.bundle.debtor.id)}`;
  const [values, setValues] = createSignal<PaymentFormValues>({
    amount: '',
    date: today,
    means: 'transfer',
    invoiceIds: invoices.filter((i) => i.status === 'open').map((i) => i.id),
  });
  const [errors, setErrors] = createSignal<Partial<Record<PaymentField, PaymentErrorCode>>>({});
  const [excess, setExcess] = createSignal(0);
  const [failure, setFailure] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;

  const money = (cents: number) => formatMoney(cents, locale());
  const selectedOutstanding = () => invoices.filter((i) => values().invoiceIds.includes(i.id)).reduce((s, i) => s + outstandingCents(i), 0);
  const preview = createMemo(() => {
    const r = validatePayment(values(), { today, invoices, locale: lang() });
    return r.ok ? r.payment.allocations : [];
  });
  const set = (patch: Partial<PaymentFormValues>) => {
    setValues({ ...values(), ...patch });
    setFailure('');
  };
  const toggle = (id: string, on: boolean) => set({ invoiceIds: on ? [...values().invoiceIds, id] : values().invoiceIds.filter((x) => x !== id) });
  const errorText = (field: PaymentField) => {
    const code = errors()[field];
    const issued = earliestIssueDate(invoices.filter((i) => values().invoiceIds.includes(i.id)).map((i) => i.issueDate));
    return code
      ? t(`payments:error.${field}.${code}`, {
          excess: money(excess()),
          max: money(selectedOutstanding()),
          issued: issued ? formatDate(issued, locale()) : '',
          today: formatDate(today, locale()),
        })
      : '';
  };
  const invalid = (field: PaymentField) => (errors()[field] ? ('true' as const) : undefined);
  const describedBy = (field: PaymentField, hint?: string) => [hint, errors()[field] ? `payment-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  // One submit, one payment: a second Enter while this one is saving is ignored (it stored two before).
  const submit = submitOnce(async () => {
    const result = validatePayment(values(), { today, invoices, locale: lang() });
    if (!result.ok) {
      setErrors(result.errors);
      setExcess(result.excessCents ?? 0);
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    const p = result.payment;
    const numbers = invoices.filter((i) => p.invoiceIds.includes(i.id)).map((i) => i.number);
    try {
      await services.store.recordPayment(
        {
          id: `pay-${crypto.randomUUID()}`,
          debtorId: props.bundle.debtor.id,
          amountCents: p.amountCents,
          date: p.date,
          means: p.means,
          invoiceIds: p.invoiceIds,
          at: new Date().toISOString(),
          agent: services.settings().agentName,
          summary: t('payments:timeline', {
            means: t(`dossier:promises.means.${p.means}`),
            amount: money(p.amountCents),
            date: formatDate(p.date, locale()),
            invoices: numbers.join(', '),
          }),
        },
        today,
      );
      services.dataChanged();
      navigate(dossierHref);
    } catch (error) {
      setFailure(storageErrorMessage(error));
      setSaving(false);
    }
  });

  const FieldError = (p: { field: PaymentField }) => (
    <p class="field__error" id={`payment-${p.field}-error`}>
      {errorText(p.field)}
    </p>
  );

  return (
    <form ref={form} class="card form after-form" novalidate onSubmit={submit} data-testid="payment-form">
      <div class="field">
        <label for="payment-amount">{t('payments:amount')}</label>
        <input
          id="payment-amount"
          class="input input--amount"
          inputmode="decimal"
          autocomplete="off"
          data-testid="payment-amount"
          value={values().amount}
          aria-invalid={invalid('amount')}
          aria-describedby={describedBy('amount', 'payment-amount-hint')}
          onInput={(e) => set({ amount: e.currentTarget.value })}
        />
        <p class="field__hint" id="payment-amount-hint">
          {t('payments:amountHint', { max: money(selectedOutstanding()) })}{' '}
          <button type="button" class="btn btn--link" onClick={() => set({ amount: centsToInput(selectedOutstanding(), lang()) })}>
            {t('payments:fillAll')}
          </button>
        </p>
        <FieldError field="amount" />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="payment-date">{t('payments:date')}</label>
          <input
            id="payment-date"
            type="date"
            class="input"
            min={earliestIssueDate(invoices.filter((i) => values().invoiceIds.includes(i.id)).map((i) => i.issueDate)) ?? undefined}
            max={today}
            ref={(el) => typedValue(el, () => values().date)}
            aria-invalid={invalid('date')}
            aria-describedby={describedBy('date')}
            onInput={(e) => set({ date: e.currentTarget.value })}
          />
          <FieldError field="date" />
        </div>
        <div class="field">
          <label for="payment-means">{t('payments:means')}</label>
          <select id="payment-means" class="input" value={values().means} onChange={(e) => set({ means: e.currentTarget.value })}>
            <For each={PAYMENT_MEANS}>{(m) => <option value={m}>{t(`dossier:promises.means.${m}`)}</option>}</For>
          </select>
        </div>
      </div>
      <fieldset class="field invoice-picks" aria-describedby={describedBy('invoiceIds', 'payment-invoices-hint')}>
        <legend>{t('payments:invoices')}</legend>
        <p class="field__hint" id="payment-invoices-hint">
          {t('payments:invoicesHint')}
        </p>
        <For each={invoices}>
          {(inv) => {
            const allocated = () => preview().find((a) => a.invoiceId === inv.id)?.cents;
            return (
              <label class="invoice-pick">
                <input type="checkbox" value={inv.id} checked={values().invoiceIds.includes(inv.id)} onChange={(e) => toggle(inv.id, e.currentTarget.checked)} />
                <span class="invoice-pick__text">
                  <span class="mono">{inv.number}</span>
                  <span class="muted">{t('payments:due', { date: formatDate(inv.dueDate, locale()) })}</span>
                  <Show when={inv.status === 'disputed'}>
                    <span class="badge badge--dispute">{t('payments:disputed')}</span>
                  </Show>
                  <span class="invoice-pick__amount">{t('payments:owed', { amount: money(outstandingCents(inv)) })}</span>
                  <Show when={allocated()}>{(cents) => <span class="badge badge--ok">{t('payments:settles', { amount: money(cents()) })}</span>}</Show>
                </span>
              </label>
            );
          }}
        </For>
        <FieldError field="invoiceIds" />
      </fieldset>
      <FormActions submitLabel={t('payments:submit')} submitTestId="payment-submit" saving={saving()} cancelHref={dossierHref} failure={failure()} />
    </form>
  );
}

/** `/debtors/:id/payments/new`: money received, settling the invoices it names and the promises it keeps. */
export default function PaymentPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { store } = useServices();
  const [data] = createResource(() => params.id, async (id) => ({ bundle: await store.getDossier(id) }));
  return (
    <DebtorFormPage titleId="payment-title" title={t('payments:title')} data={data}>
      {(ready) => (
        <Show when={payableInvoices(ready().bundle.invoices).length > 0} fallback={<p>{t('payments:nothingOwed')}</p>}>
          <PaymentForm bundle={ready().bundle} />
        </Show>
      )}
    </DebtorFormPage>
  );
}
