/** What Cadence understood of a file, before anything is stored: choices, mapping, rows, errors and the plan. */
import { For, Show, type JSX } from 'solid-js';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../domain/import/encoding';
import { formatImportError } from '../../domain/import/errors';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../domain/import/fields';
import { SEPARATORS, type Separator } from '../../domain/import/delimited';
import type { AbsentDebtors } from '../../domain/import/plan';
import type { ReadOptions } from '../../domain/import/read-file';
import { ERRORS_SHOWN, type PlanView, type PortfolioView, type ReadingView } from './import-protocol';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { formatCount, locale } from '../../ui/locale';

const AGED_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((f) => !f.startsWith('payment'));
/** What a payments file's columns can hold: the payment itself, then what names the invoice and the payer. */
const PAYMENT_FIELDS: readonly ImportField[] = ['paymentDate', 'paymentAmount', 'paymentReference', 'invoiceNumber', 'customerCode', 'customerName', 'siren', 'label'];
const SEPARATOR_KEYS: Record<Separator, string> = { ';': 'semicolon', '\t': 'tab', '|': 'pipe', ',': 'comma' };
const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
/** Each count of the plan as its own phrase ("1 nouvelle", "3 soldées"): French agrees every word with its number. */
const countParts = (group: 'debtorCounts' | 'invoiceCounts', counts: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(counts).map(([kind, count]) => [kind, t(`imports:plan.${group}.${kind}`, { count })]));

export function ReadingChoices(props: { reading: ReadingView; onChange: (options: ReadOptions) => void }): JSX.Element {
  return (
    // Focus lands here once a file is read (nothing else on the page survives the reading): see ImportPage.
    <fieldset class="import-choices" id="import-understood" tabindex="-1">
      <legend>{t('imports:wizard.understood')}</legend>
      <label>
        {t('imports:wizard.kind')}
        <select class="input" id="import-kind" data-testid="import-kind" value={props.reading.kind} onChange={(e) => props.onChange({ kind: e.currentTarget.value as ReadingView['kind'] })}>
          <option value="aged_balance">{t('imports:kind.aged_balance')}</option>
          <option value="fec">{t('imports:kind.fec')}</option>
          <option value="payments">{t('imports:kind.payments')}</option>
        </select>
      </label>
      <label>
        {t('imports:wizard.encoding')}
        <select class="input" id="import-encoding" data-testid="import-encoding" value={props.reading.encoding} onChange={(e) => props.onChange({ encoding: e.currentTarget.value as ImportEncoding })}>
          <For each={IMPORT_ENCODINGS}>{(enc) => <option value={enc}>{t(`imports:encoding.${enc}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t('imports:wizard.separator')}
        <select class="input" id="import-separator" data-testid="import-separator" value={props.reading.separator} onChange={(e) => props.onChange({ separator: e.currentTarget.value as Separator })}>
          <For each={SEPARATORS}>{(sep) => <option value={sep}>{t(`imports:separator.${SEPARATOR_KEYS[sep]}`)}</option>}</For>
        </select>
      </label>
      <p class="muted" data-testid="import-detected">
        {props.reading.encodingDetected ? t('imports:wizard.encodingDetected') : t('imports:wizard.encodingChosen')}
        {props.reading.replacements > 0 ? ` ${t('imports:wizard.replacements', { count: props.reading.replacements })}` : ''}
      </p>
    </fieldset>
  );
}

export function MappingEditor(props: { reading: ReadingView; onChange: (mapping: ColumnMapping) => void }): JSX.Element {
  const set = (field: ImportField, value: string) => {
    const next: ColumnMapping = { ...props.reading.mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    props.onChange(next);
  };
  return (
    <fieldset class="import-mapping" data-testid="import-mapping">
      <legend>{t('imports:wizard.mapping')}</legend>
      <For each={props.reading.kind === 'payments' ? PAYMENT_FIELDS : AGED_FIELDS}>
        {(field) => (
          <label classList={{ 'import-mapping__missing': props.reading.missing.includes(field) }}>
            {t(`imports:field.${field}`)}
            <select class="input" id={`import-map-${field}`} value={props.reading.mapping[field] ?? ''} onChange={(e) => set(field, e.currentTarget.value)}>
              <option value="">{t('imports:wizard.notMapped')}</option>
              <For each={props.reading.headers}>{(header, i) => <option value={i()}>{header || t('imports:wizard.column', { n: i() + 1 })}</option>}</For>
            </select>
          </label>
        )}
      </For>
    </fieldset>
  );
}

export function PortfolioFindings(props: { portfolio: PortfolioView }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const p = () => props.portfolio;
  return (
    <>
      <p data-testid="import-read">
        {t('imports:wizard.read', { rows: formatCount(p().rowCount), debtors: formatCount(p().debtors), invoices: formatCount(p().invoices) })}
      </p>
      <Show when={p().skipped.length > 0}>
        <details data-testid="import-skipped">
          <summary>{t('imports:wizard.skipped', { count: p().skipped.length })}</summary>
          <ul>
            <For each={p().skipped}>{(s) => <li>{t(`imports:skipped.${s.kind}`, { line: s.line, label: s.label })}</li>}</For>
          </ul>
        </details>
      </Show>
      <Show when={p().terms}>
        {(terms) => (
          <p data-testid="import-terms">
            {t('imports:wizard.terms', { count: terms().invoices, terms: t(`imports:terms.${terms().default.kind}`, { days: terms().default.days }) })}
          </p>
        )}
      </Show>
      <Show when={p().errorCount > 0}>
        <div class="notice notice--error" role="alert" data-testid="import-errors">
          <p>{t('imports:refusal.title', { count: p().refusedCount })}</p>
          <ul>
            <For each={p().errors}>{(e) => <li>{formatImportError(e, translate, (iso) => formatDate(iso, locale()))}</li>}</For>
          </ul>
          <Show when={p().errorCount > ERRORS_SHOWN}>
            <p>{t('imports:wizard.moreErrors', { count: p().errorCount - ERRORS_SHOWN })}</p>
          </Show>
        </div>
      </Show>
      {/* Focusable so a keyboard user can scroll the wide table sideways (axe scrollable-region-focusable). */}
      {/* The title sits outside the scrolling box: as a caption it was as wide as the table, cut at 320 px. */}
      <h2 class="import-preview__title" id="import-preview-title">
        {t('imports:wizard.preview')}
      </h2>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="import-preview-title">
        <table class="import-preview" data-testid="import-preview" aria-labelledby="import-preview-title">
          <thead>
            <tr>
              <th scope="col">{t('imports:wizard.line')}</th>
              <th scope="col">{t('imports:wizard.status')}</th>
              <th scope="col">{t('imports:field.customerName')}</th>
              <th scope="col">{t('imports:field.invoiceNumber')}</th>
              <th scope="col">{t('imports:field.dueDate')}</th>
              <th scope="col">{t('imports:field.openAmount')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={p().preview}>
              {(row) => (
                <tr data-status={row.status}>
                  <td>{row.line}</td>
                  <td>{row.skipped ? t(`imports:rowStatus.${row.skipped}`) : t(`imports:rowStatus.${row.status}`)}</td>
                  <td>{row.debtor ?? ''}</td>
                  <td>{row.invoiceNumber ?? ''}</td>
                  <td>{row.dueDate ? formatDate(row.dueDate, locale()) : ''}</td>
                  <td class="num">{row.cents !== undefined ? money(row.cents) : ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * What the file closes, told apart, and, when it would close invoices of debtors absent from it, the agent's
 * answer: a full export (close them: those customers paid everything) or a partial one (keep them open).
 * The full export stays preselected (the rule for a newer file, src/domain/import/plan.ts); when the file
 * matches no stored debtor or the absent debtors hold over half the balance, a warning says so beside the
 * answer, and the import is never blocked on it.
 */
export function ClosingChoice(props: { plan: PlanView; onChoose: (answer: AbsentDebtors) => void }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const closing = () => props.plan.closing;
  const option = (answer: AbsentDebtors, key: string) => (
    <label class="import-closing__option">
      <input
        type="radio"
        name="import-absent-debtors"
        id={`import-absent-${answer}`}
        data-testid={`import-absent-${answer}`}
        value={answer}
        checked={closing().absentDebtors === answer}
        onChange={() => props.onChoose(answer)}
      />
      <span>{t(key)}</span>
    </label>
  );
  // Without absent debtors' closures the invoices line above says it all: nothing more to show or ask.
  return (
    <Show when={closing().choice !== 'none'}>
      <Show when={closing().inFile.invoices > 0}>
        <li data-testid="plan-closing-in-file">{t('imports:plan.closing.inFile', { count: closing().inFile.invoices, amount: money(closing().inFile.cents) })}</li>
      </Show>
        <li class="import-closing" data-testid="plan-closing-absent">
          <p>{t('imports:plan.closing.absent', {
                count: closing().absent.debtors,
                invoices: t('imports:plan.closing.openInvoices', { count: closing().absent.invoices }),
                amount: money(closing().absent.cents),
              })}</p>
          <fieldset data-testid="import-absent-choice" aria-describedby={closing().reason ? 'import-absent-why' : undefined}>
            <legend>{t('imports:plan.closing.legend')}</legend>
            {option('close', 'imports:plan.closing.full')}
            {option('keep', 'imports:plan.closing.partial')}
          </fieldset>
          <Show when={closing().reason}>
            {(reason) => (
              <p id="import-absent-why" class="import-closing__warning" data-testid="import-absent-why">
                {t(`imports:plan.closing.why_${reason()}`)}
              </p>
            )}
          </Show>
        </li>
    </Show>
  );
}


export function PlanSummary(props: { plan: PlanView; onDecide: (key: string, decision: string) => void; onAbsentChoice: (answer: AbsentDebtors) => void }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const c = () => props.plan.counts;
  return (
    <section class="import-plan" aria-labelledby="import-plan-title" data-testid="import-plan">
      <h2 id="import-plan-title">{t('imports:plan.title')}</h2>
      <ul>
        <li data-testid="plan-debtors">{t('imports:plan.debtors', countParts('debtorCounts', c().debtors))}</li>
        <li data-testid="plan-invoices">
          {t('imports:plan.invoices', countParts('invoiceCounts', c().invoices))}
        </li>
        <li data-testid="plan-totals">
          {t('imports:plan.totals', { before: money(props.plan.totals.before.openCents), after: money(props.plan.totals.after.openCents) })}
        </li>
        <ClosingChoice plan={props.plan} onChoose={props.onAbsentChoice} />
      </ul>
      <Show when={props.plan.confirmations.length > 0}>
        <fieldset data-testid="import-confirmations">
          <legend>{t('imports:plan.confirmTitle')}</legend>
          <For each={props.plan.confirmations}>
            {(conf) => (
              <label>
                {t('imports:plan.confirmOne', { name: conf.imported.name })}
                <select class="input" value={conf.decision ?? ''} onChange={(e) => props.onDecide(conf.key, e.currentTarget.value)}>
                  <option value="" disabled>
                    {t('imports:plan.choose')}
                  </option>
                  <For each={conf.candidates}>{(cand) => <option value={cand.id}>{t('imports:plan.same', { name: cand.name })}</option>}</For>
                  <option value="new">{t('imports:plan.new')}</option>
                </select>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </section>
  );
}
