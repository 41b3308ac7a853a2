import { createSignal, For, Show, type JSX } from 'solid-js';
import type { PromiseCommitment } from '../../domain/call/context';
import type { InvoiceFact } from '../../domain/call/facts';
import { promiseDayNotice } from '../../domain/call/promise-day';
import { promiseProblems } from '../../domain/call/rules';
import { formatDate } from '../../domain/format';
import { PAYMENT_MEANS, type PaymentMeans } from '../../domain/entities';
import { formatMoney } from '../../domain/format';
import { horizonEnd, promiseExceedsOwed } from '../../domain/input/bounds';
import { lang, t } from '../../i18n';
import { centsToInput, readAmountCents } from '../../domain/money/parse';
import { locale } from '../../ui/locale';
import { dateRangeValues } from './date-range';
import { InvoiceChoices } from './InvoiceChoices';
import type { CallView } from './use-call-session';
import { typedValue } from '../../ui/typed-value';

/**
 * A promise to pay: amount, date, means, invoices. Recorded as soon as it holds (every change is saved);
 * any change asks again for the restatement, which the agent confirms once the debtor agreed. What no
 * longer holds on screen (an emptied amount, a date out of range) is no longer recorded either, and an
 * amount above what is owed waits for the agent's explicit confirmation.
 */
export function PromiseForm(props: { view: CallView; invoices: InvoiceFact[]; overdueIds: string[]; intl: string }): JSX.Element {
  const initial = (): PromiseCommitment | null => {
    const c = props.view.commitment();
    return c?.kind === 'promise' ? c : null;
  };
  const [amount, setAmount] = createSignal(initial() ? centsToInput(initial()!.amountCents, lang()) : '');
  const [date, setDate] = createSignal(initial()?.date ?? '');
  const [means, setMeans] = createSignal<PaymentMeans>(initial()?.means ?? 'transfer');
  const [invoiceIds, setInvoiceIds] = createSignal<string[]>(initial()?.invoiceIds ?? props.overdueIds);
  // A promise already recorded above the debt was confirmed when it was made (a resumed call).
  const [aboveConfirmed, setAboveConfirmed] = createSignal(initial() !== null);
  const owedCents = () => props.invoices.reduce((sum, i) => sum + i.outstandingCents, 0);
  const above = () => {
    const c = cents();
    return typeof c === 'number' && promiseExceedsOwed(c, owedCents());
  };

  const cents = () => readAmountCents(amount(), lang());
  const problems = () => {
    const c = cents();
    if (c === 'invalid') return ['amount_invalid'];
    if (c === null || date() === '') return [];
    return promiseProblems({ amountCents: c, date: date() }, props.view.today());
  };
  const promise = () => {
    const c = props.view.commitment();
    return c?.kind === 'promise' ? c : null;
  };

  const sync = () => {
    const c = cents();
    const holds = typeof c === 'number' && date() !== '' && problems().length === 0 && (!above() || aboveConfirmed());
    if (typeof c !== 'number' || !holds) {
      // Emptied or no longer valid on screen: the call must not keep recording the previous promise.
      if (promise()) props.view.send({ type: 'CLEAR_COMMITMENT', kind: 'promise' });
      return;
    }
    const event = { type: 'SET_PROMISE' as const, amountCents: c, date: date(), means: means(), invoiceIds: invoiceIds() };
    const now = promise();
    const same = now && now.amountCents === c && now.date === date() && now.means === means() && now.invoiceIds.join() === invoiceIds().join();
    if (!same && props.view.can(event)) props.view.send(event);
  };
  const update = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    sync();
  };

  return (
    <div class="commit-form" data-testid="promise-form">
      <div class="field-row">
        <div class="field">
          <label for="promise-amount" class="field__label">
            {t('call:fields.promiseAmount')}
          </label>
          <input
            id="promise-amount"
            data-testid="promise-amount"
            class="input input--amount"
            inputmode="decimal"
            autocomplete="off"
            value={amount()}
            aria-invalid={cents() === 'invalid' || problems().includes('amount_not_positive')}
            aria-describedby="promise-problems"
            onInput={(e) => {
              setAboveConfirmed(false);
              update(setAmount)(e.currentTarget.value);
            }}
          />
        </div>
        <div class="field">
          <label for="promise-date" class="field__label">
            {t('call:fields.promiseDate')}
          </label>
          <input
            id="promise-date"
            data-testid="promise-date"
            class="input input--date"
            type="date"
            min={props.view.today()}
            max={horizonEnd(props.view.today())}
            ref={(el) => typedValue(el, date)}
            aria-invalid={problems().includes('date_in_past') || problems().includes('date_too_far')}
            aria-describedby="promise-problems"
            onInput={(e) => update(setDate)(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="promise-means" class="field__label">
            {t('call:fields.promiseMeans')}
          </label>
          <select id="promise-means" class="input" value={means()} onChange={(e) => update(setMeans)(e.currentTarget.value as PaymentMeans)}>
            <For each={PAYMENT_MEANS}>{(m) => <option value={m}>{t(`call:means.${m}`)}</option>}</For>
          </select>
        </div>
      </div>
      <ul id="promise-problems" class="problems" aria-live="polite">
        <For each={problems()}>
          {(p) => (
            <li>
              {p === 'amount_invalid'
                ? t('callscreen:form.amountInvalid')
                : t(`call:promiseProblems.${p}`, dateRangeValues(props.view.today(), props.intl))}
            </li>
          )}
        </For>
      </ul>
      <Show when={promiseDayNotice(date())}>
        {(notice) => (
          <div class="notice notice--warning promise-day" role="status" data-testid="promise-day-notice">
            <p>
              {notice().kind === 'weekend'
                ? t('callscreen:promiseDay.weekend', { date: formatDate(date(), locale()) })
                : t('callscreen:promiseDay.holiday', { date: formatDate(date(), locale()), holiday: t(`callscreen:holidays.${(notice() as { holiday: string }).holiday}`) })}
            </p>
            <button type="button" class="btn" data-testid="promise-day-next" onClick={() => update(setDate)(notice().next)}>
              {t('callscreen:promiseDay.take', { date: formatDate(notice().next, locale()) })}
            </button>
          </div>
        )}
      </Show>
      <Show when={above() && problems().length === 0}>
        <div class="notice notice--warning" data-testid="promise-above-owed">
          <p id="promise-above-owed-text">
            {t('callscreen:promise.aboveOwed', { amount: formatMoney(cents() as number, props.intl), owed: formatMoney(owedCents(), props.intl) })}
          </p>
          <label class="choice">
            <input
              type="checkbox"
              data-testid="promise-confirm-above"
              checked={aboveConfirmed()}
              aria-describedby="promise-above-owed-text"
              onChange={(e) => update(setAboveConfirmed)(e.currentTarget.checked)}
            />
            <span>{t('callscreen:promise.confirmAbove')}</span>
          </label>
        </div>
      </Show>
      <InvoiceChoices
        id="promise-invoices"
        legend={t('call:fields.promiseInvoices')}
        invoices={props.invoices}
        intl={props.intl}
        selected={invoiceIds()}
        onChange={update(setInvoiceIds)}
      />
      <div class="restated">
        <label class="choice choice--strong">
          <input
            id="promise-restated"
            data-testid="promise-restated"
            type="checkbox"
            checked={promise()?.restatedConfirmed === true}
            disabled={!promise()}
            // Once confirmed it stays so; not `disabled`, which would drop the keyboard's focus to the page.
            aria-disabled={promise()?.restatedConfirmed === true ? 'true' : undefined}
            aria-describedby="promise-restated-hint"
            onClick={(e) => {
              if (promise()?.restatedConfirmed === true) e.preventDefault();
            }}
            onChange={(e) => {
              if (e.currentTarget.checked) props.view.send({ type: 'CONFIRM_RESTATED' });
            }}
          />
          <span>{t('call:fields.restated')}</span>
        </label>
        <p id="promise-restated-hint" class="muted small">
          <Show when={promise()} fallback={t('callscreen:promise.fillFirst')}>
            {t('callscreen:promise.restateHint')}
          </Show>
        </p>
      </div>
    </div>
  );
}
