import { createSignal, Show, type JSX } from 'solid-js';
import type { RateSettings } from '../domain/entities';
import { formatDate } from '../domain/format';
import { bpToInput, readingValue, readPercentBp } from '../domain/money/parse';
import { missingSemesterRate, withSemesterRate } from '../domain/penalties/missing-rate';
import { lang, t } from '../i18n';
import { locale } from './locale';
import { storageErrorMessage } from './storage-error';

/** Stores the rate tables (the screen's own store), then tells it the new ones. */
export type SaveRates = (next: RateSettings) => Promise<void>;

/** The one field that fills the missing semester's ECB rate, saved at once into the rate tables. */
function MissingRateForm(props: { rates: RateSettings; from: string; semester: string; idPrefix: string; save: SaveRates; onSaved: (next: RateSettings) => void }): JSX.Element {
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const id = `${props.idPrefix}-missing-rate`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const bp = readingValue(readPercentBp(value()));
    if (bp === undefined) return void setError(t('penalties:missing.invalid'));
    setError('');
    setBusy(true);
    const next: RateSettings = { ...props.rates, ecb: withSemesterRate(props.rates.ecb, { from: props.from, bp }) };
    try {
      await props.save(next);
      props.onSaved(next);
    } catch (e) {
      setError(storageErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="missing-rate__form" novalidate onSubmit={save} data-testid={`${props.idPrefix}-missing-rate-form`}>
      <div class="field">
        <label for={id}>{t('penalties:missing.label', { date: formatDate(props.from, locale()) })}</label>
        <input id={id} class="input input--rate" inputmode="decimal" value={value()} aria-describedby={`${id}-error`} aria-invalid={error() ? 'true' : undefined} onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="field__error" id={`${id}-error`} role="alert">
          {error()}
        </p>
      </div>
      <button type="submit" class="btn" aria-disabled={busy()}>
        {t('penalties:missing.save', { semester: props.semester })}
      </button>
    </form>
  );
}

/**
 * The semester ECB rate still to enter, asked for once with its action: plainly in Settings, discreetly on a
 * dossier whose penalties are computed on the last rate known meanwhile.
 */
export function MissingRate(props: { rates: RateSettings; today: string; variant: 'settings' | 'panel'; save: SaveRates; onSaved: (next: RateSettings) => void }): JSX.Element {
  const missing = () => missingSemesterRate(props.rates.ecb, props.today);
  const percent = (bp: number) => `${bpToInput(bp, lang())} %`;
  return (
    <Show when={missing()}>
      {(m) => {
        const text = () => t(`penalties:missing.${props.variant}`, { semester: m().semester, carried: semesterOf(m().carried.from), rate: percent(m().carried.bp) });
        const form = (prefix: string) => <MissingRateForm rates={props.rates} from={m().from} semester={m().semester} idPrefix={prefix} save={props.save} onSaved={props.onSaved} />;
        return props.variant === 'settings' ? (
          <div class="notice notice--warning missing-rate" data-testid="settings-missing-rate">
            <p>{text()}</p>
            {form('settings')}
          </div>
        ) : (
          <div class="missing-rate missing-rate--quiet" data-testid="penalties-rate-estimate">
            <p class="muted small">{text()}</p>
            <details>
              <summary>{t('penalties:missing.enter', { semester: m().semester })}</summary>
              {form('penalties')}
            </details>
          </div>
        );
      }}
    </Show>
  );
}

function semesterOf(from: string): string {
  return `${from.slice(0, 4)}-S${from.slice(5, 7) === '01' ? 1 : 2}`;
}
