import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import type { DebtorBundle } from '../../domain/bundle';
import type { RateSettings } from '../../domain/entities';
import { formatDate, formatMoney } from '../../domain/format';
import { isRateWithinBounds } from '../../domain/input/bounds';
import type { PenaltyWarning } from '../../domain/penalties/penalties';
import { checkContractualRate } from '../../domain/penalties/rates';
import { lang, t } from '../../i18n';
import { locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';
import { bpToInput, readingValue, readPercentBp } from '../../domain/money/parse';
import { dossierPenalties } from '../../domain/penalties/dossier-penalties';
import { rateBoundsValues } from '../../ui/rate-bounds';
import { submitOnce } from '../../ui/submit-once';
import '../../styles/penalties.css';
import { MissingRate } from '../../ui/MissingRate';

const percent = (bp: number) => `${bpToInput(bp, lang())} %`;

export function warningText(w: PenaltyWarning): string {
  return t(`drafts:penaltyWarnings.${w.code}`, {
    semester: 'semester' in w ? w.semester : '',
    floor: 'floorBp' in w ? percent(w.floorBp) : '',
  });
}

/** The debtor's contractual penalty rate, when their terms set one; checked against 3 × the legal rate. */
function ContractualRate(props: { debtorId: string; rates: RateSettings; today: string; onSaved: (next: RateSettings) => void }): JSX.Element {
  const services = useServices();
  const current = () => props.rates.contractual[props.debtorId];
  const [value, setValue] = createSignal(current() === undefined ? '' : bpToInput(current() as number, lang()));
  const [error, setError] = createSignal('');
  const [status, setStatus] = createSignal('');
  const typed = () => readingValue(readPercentBp(value()));
  const floor = () => {
    const bp = typed();
    return bp === undefined ? undefined : checkContractualRate(bp, props.today, props.rates.legal);
  };
  const save = submitOnce(async () => {
    const bp = value().trim() === '' ? undefined : typed();
    if (value().trim() !== '' && bp === undefined) {
      setError(t('penalties:contractual.invalid', rateBoundsValues('contractual')));
      return;
    }
    // 99 999 % made a formal notice claim 455 666,68 € on a 5 040 € invoice.
    if (bp !== undefined && !isRateWithinBounds('contractual', bp)) {
      setError(t('penalties:rates.rateOutOfBounds', rateBoundsValues('contractual')));
      return;
    }
    setError('');
    const contractual = { ...props.rates.contractual };
    if (bp === undefined) delete contractual[props.debtorId];
    else contractual[props.debtorId] = bp;
    const next = { ...props.rates, contractual };
    try {
      await services.store.putRateSettings(next);
      setStatus(t('penalties:contractual.saved'));
      props.onSaved(next);
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  });
  return (
    <details class="contractual">
      <summary>{t('penalties:contractual.title')}</summary>
      <form class="form" novalidate onSubmit={save}>
        <div class="field">
          <label for="contractual-rate">{t('penalties:contractual.label')}</label>
          <input
            id="contractual-rate"
            class="input input--rate"
            inputmode="decimal"
            data-testid="contractual-rate"
            value={value()}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby="contractual-hint contractual-error"
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setStatus('');
              setError('');
            }}
          />
          <p class="field__hint" id="contractual-hint">
            {t('penalties:contractual.hint')}
          </p>
          <Show when={floor()?.belowFloor}>
            <p class="notice notice--warning" data-testid="contractual-warning">
              {t('penalties:contractual.belowFloor', { floor: percent(floor()?.floorBp ?? 0), semester: floor()?.semester })}
            </p>
          </Show>
          <p class="field__error" id="contractual-error" role="alert">
            {error()}
          </p>
        </div>
        <div class="actions actions--tight">
          <button type="submit" class="btn">
            {t('penalties:contractual.save')}
          </button>
          <p class="form-status" role="status">
            {status()}
          </p>
        </div>
      </form>
    </details>
  );
}

/**
 * Accrued late-payment interest and 40 € indemnities on each overdue invoice, as of today (L441-10, D441-5);
 * for a consumer, the legal interest since the formal notice only (Code civil 1231-6).
 */
export function PenaltiesPanel(props: { bundle: DebtorBundle; today: string; rates: RateSettings; onRatesChanged: (next: RateSettings) => void }): JSX.Element {
  const services = useServices();
  const money = (cents: number) => formatMoney(cents, locale());
  const p = createMemo(() => dossierPenalties(props.bundle, props.rates, props.today));
  // A consumer is outside L441-10 and D441-5: legal interest from the formal notice, no indemnity, no contract rate.
  const consumer = () => p().basis === 'legal';
  const basisText = () => {
    const d = p();
    if (d.basis === 'legal') return d.formalNoticeDate ? t('penalties:basis.legalSince', { date: formatDate(d.formalNoticeDate, locale()) }) : t('penalties:basis.legalBeforeNotice');
    return d.basis === 'contractual' ? t('penalties:basis.contractual', { rate: percent(d.contractualRateBp ?? 0) }) : t('penalties:basis.statutory');
  };
  // The basis line already says that nothing runs before the notice: no need to repeat it as a warning.
  const warnings = () => p().warnings.filter((w) => w.code !== 'consumer_before_formal_notice');
  return (
    <section class="card after-card" aria-labelledby="penalties-title" data-testid="penalties">
      <h2 id="penalties-title">{consumer() ? t('penalties:consumerTitle') : t('penalties:title')}</h2>
      <p class="muted" data-testid="penalties-basis">
        {t('penalties:asOf', { date: formatDate(p().asOf, locale()) })} · {basisText()}
      </p>
      {/* Before a consumer's formal notice nothing runs: the basis line says so, a table of zeros would not. */}
      <Show when={p().lines.length > 0 && !(consumer() && !p().formalNoticeDate)} fallback={<Show when={!consumer()}><p class="muted">{t('penalties:none')}</p></Show>}>
        <table class="pen-table">
          <caption class="sr-only">{consumer() ? t('penalties:consumerCaption') : t('penalties:caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('penalties:col.invoice')}</th>
              <th scope="col" class="num">{t('penalties:col.days')}</th>
              <th scope="col" class="num">{t('penalties:col.interest')}</th>
              <Show when={!consumer()}>
                <th scope="col" class="num">{t('penalties:col.indemnity')}</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={p().lines}>
              {(line) => (
                <tr>
                  <th scope="row" class="mono">{line.invoice.number}</th>
                  <td class="num">{line.penalty.days}</td>
                  <td class="num">{money(line.penalty.interestCents)}</td>
                  <Show when={!consumer()}>
                    <td class="num">{money(line.penalty.indemnityCents)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('penalties:total')}</th>
              <td />
              <td class="num strong" data-testid="penalties-interest">{money(p().interestCents)}</td>
              <Show when={!consumer()}>
                <td class="num strong" data-testid="penalties-indemnity">{money(p().indemnityCents)}</td>
              </Show>
            </tr>
          </tfoot>
        </table>
        <p class="pen-total">
          {t('penalties:claimable')} <span class="strong" data-testid="penalties-total">{money(p().interestCents + p().indemnityCents)}</span>
        </p>
      </Show>
      {/* A rate carried forward is said quietly, with the field to enter it: not an alarm on every dossier. */}
      <Show when={p().warnings.some((w) => w.code === 'rate_not_in_table')}>
        <MissingRate rates={props.rates} today={props.today} variant="panel" save={(next) => services.store.putRateSettings(next)} onSaved={props.onRatesChanged} />
      </Show>
      <For each={warnings().filter((w) => w.code !== 'rate_not_in_table')}>{(w) => <p class="notice notice--warning">{warningText(w)}</p>}</For>
      <Show when={!consumer()}>
        <ContractualRate debtorId={props.bundle.debtor.id} rates={props.rates} today={props.today} onSaved={props.onRatesChanged} />
      </Show>
    </section>
  );
}
