import { createSignal, Index, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import type { RateSettings } from '../../domain/entities';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from '../../domain/penalties/rates';
import { lang, t } from '../../i18n';
import { storageErrorMessage } from '../../ui/storage-error';
import { submitOnce } from '../../ui/submit-once';
import { rateBoundsValues } from '../../ui/rate-bounds';
import { StoredSection } from '../../ui/StoredSection';
import { MissingRate } from '../../ui/MissingRate';
import { nextSemesterStart, RATE_TABLES, rowsOf, validateRates, type RateFormValues, type RateRowError, type RateTableName } from './rates-form';
import '../../styles/penalties.css';

function RateTable(props: {
  name: RateTableName;
  rows: RateFormValues[RateTableName];
  errors: (RateRowError | undefined)[];
  onChange: (rows: RateFormValues[RateTableName]) => void;
}): JSX.Element {
  const today = todayIso();
  const setRow = (k: number, patch: Partial<{ from: string; rate: string }>) => props.onChange(props.rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  const remove = (k: number) => props.onChange(props.rows.filter((_, i) => i !== k));
  const add = () => props.onChange([...props.rows, { from: nextSemesterStart(props.rows, today), rate: '' }]);
  const errorId = (k: number) => `rate-${props.name}-${k}-error`;
  return (
    <fieldset class="rate-table" data-testid={`rates-${props.name}`}>
      <legend>{t(`penalties:rates.${props.name}.title`)}</legend>
      <p class="field__hint">{t(`penalties:rates.${props.name}.hint`)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('penalties:rates.from')}</th>
            <th scope="col">{t('penalties:rates.rate')}</th>
            <th scope="col">
              <span class="sr-only">{t('penalties:rates.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <Index each={props.rows}>
            {(row, k) => (
              <tr>
                <td>
                  <input type="date" class="input" value={row().from} aria-label={t('penalties:rates.fromRow', { n: k + 1 })} aria-invalid={props.errors[k] && props.errors[k] !== 'rateInvalid' && props.errors[k] !== 'rateOutOfBounds' ? 'true' : undefined} aria-describedby={props.errors[k] ? errorId(k) : undefined} onInput={(e) => setRow(k, { from: e.currentTarget.value })} />
                </td>
                <td>
                  <input class="input input--rate" inputmode="decimal" value={row().rate} aria-label={t('penalties:rates.rateRow', { n: k + 1 })} aria-invalid={props.errors[k] === 'rateInvalid' || props.errors[k] === 'rateOutOfBounds' ? 'true' : undefined} aria-describedby={props.errors[k] ? errorId(k) : undefined} onInput={(e) => setRow(k, { rate: e.currentTarget.value })} />
                  <Show when={props.errors[k]}>
                    {(code) => (
                      <p class="field__error" id={errorId(k)}>
                        {code() === 'rateInvalid' || code() === 'rateOutOfBounds'
                          ? t(`penalties:rates.${code()}`, rateBoundsValues(props.name))
                          : t(`drafts:rateTableIssues.${code()}`)}
                      </p>
                    )}
                  </Show>
                </td>
                <td>
                  <button type="button" class="btn btn--ghost" onClick={() => remove(k)} aria-label={t('penalties:rates.removeRow', { n: k + 1 })}>
                    ✕
                  </button>
                </td>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      <button type="button" class="btn" onClick={add}>
        {t('penalties:rates.add')}
      </button>
    </fieldset>
  );
}

/** The dated rate tables of Settings: ECB semester rates (+10 points by law) and the legal interest rate. */
export function RatesSection(): JSX.Element {
  const services = useServices();
  return (
    <StoredSection
      id="rates-title"
      testId="rates-section"
      class="card rates-section"
      title={t('penalties:rates.title')}
      intro={t('penalties:rates.intro')}
      read={() => services.store.getRateSettings()}
    >
      {(rates) => <RatesForm initial={rates()} />}
    </StoredSection>
  );
}

function RatesForm(props: { initial: RateSettings }): JSX.Element {
  const services = useServices();
  const [current, setCurrent] = createSignal(props.initial);
  const [values, setValues] = createSignal<RateFormValues>(rowsOf(props.initial, lang()));
  const [errors, setErrors] = createSignal<Record<RateTableName, (RateRowError | undefined)[]>>({ ecb: [], legal: [] });
  const [status, setStatus] = createSignal<{ kind: 'saved' | 'failed'; text: string }>();

  const change = (name: RateTableName) => (rows: RateFormValues[RateTableName]) => {
    setValues({ ...values(), [name]: rows });
    setStatus(undefined);
  };
  const reset = () => {
    setValues(rowsOf({ ...current(), ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES] }, lang()));
    setErrors({ ecb: [], legal: [] });
  };
  const save = submitOnce(async () => {
    const result = validateRates(values(), current());
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ kind: 'failed', text: t('penalties:rates.fix') });
      return;
    }
    setErrors({ ecb: [], legal: [] });
    try {
      await services.store.putRateSettings(result.rates);
      setCurrent(result.rates);
      setValues(rowsOf(result.rates, lang()));
      setStatus({ kind: 'saved', text: t('penalties:rates.saved') });
    } catch (error) {
      setStatus({ kind: 'failed', text: storageErrorMessage(error) });
    }
  });

  const added = (next: RateSettings) => {
    setCurrent(next);
    setValues(rowsOf(next, lang()));
    setErrors({ ecb: [], legal: [] });
    setStatus({ kind: 'saved', text: t('penalties:rates.saved') });
  };

  return (
    <>
      <MissingRate rates={current()} today={todayIso()} variant="settings" save={(next) => services.store.putRateSettings(next)} onSaved={added} />
      <form class="form" novalidate onSubmit={save}>
        <div class="rate-tables">
          <Index each={RATE_TABLES}>{(name) => <RateTable name={name()} rows={values()[name()]} errors={errors()[name()]} onChange={change(name())} />}</Index>
        </div>
        <div class="actions">
          <button type="submit" class="btn btn--primary" data-testid="rates-save">
            {t('penalties:rates.save')}
          </button>
          <button type="button" class="btn" onClick={reset}>
            {t('penalties:rates.reset')}
          </button>
          <p class="form-status" role="status" classList={{ 'form-status--error': status()?.kind === 'failed' }}>
            {status()?.text ?? ''}
          </p>
        </div>
      </form>
    </>
  );
}
