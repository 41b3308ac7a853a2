import { For, Show, type JSX } from 'solid-js';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { INVOICE_GROUPS, type InvoiceGroupName, type InvoiceGroups, type InvoiceLine } from './dossier-view';
import '../../styles/dossier-invoices.css';

function delayText(group: InvoiceGroupName, line: InvoiceLine): string {
  if (group === 'paid') return t('dossier:invoices.settled');
  if (line.daysLate > 0) return t('dossier:invoices.daysLate', { count: line.daysLate });
  if (line.daysLate === 0) return t('dossier:invoices.dueToday');
  return t('dossier:invoices.dueIn', { count: -line.daysLate });
}

/**
 * One table per group. The explicit ARIA roles keep table semantics when the phone stylesheet turns rows into
 * cards (some engines drop them once `display` changes).
 */
function InvoiceTable(props: { group: InvoiceGroupName; lines: InvoiceLine[] }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const col = (key: string) => t(`dossier:invoices.col.${key}`);
  // "Late" means nothing for an invoice not yet due or already paid: the column says what it holds.
  const delayCol = () => t(`dossier:invoices.col.delay.${props.group}`);
  return (
    <table class="inv-table" role="table">
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">{col('number')}</th>
          <th role="columnheader" scope="col">{col('label')}</th>
          <th role="columnheader" scope="col">{col('dueDate')}</th>
          <th role="columnheader" scope="col">{delayCol()}</th>
          <th role="columnheader" scope="col" class="num">{col('exclVat')}</th>
          <th role="columnheader" scope="col" class="num">{col('inclVat')}</th>
          <th role="columnheader" scope="col" class="num">{col('paid')}</th>
          <th role="columnheader" scope="col" class="num">{col('outstanding')}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        <For each={props.lines}>
          {(line) => (
            <tr role="row" classList={{ 'inv--late': props.group === 'overdue' }}>
              <th role="rowheader" scope="row" class="mono inv-number">{line.invoice.number}</th>
              <td role="cell" data-label={col('label')}>
                {line.invoice.label}
                <Show when={line.invoice.disputeReason}>
                  {(reason) => <span class="inv-dispute">{t('dossier:invoices.disputeReason', { reason: reason() })}</span>}
                </Show>
              </td>
              <td role="cell" data-label={col('dueDate')}>{formatDate(line.invoice.dueDate, locale())}</td>
              <td role="cell" data-label={delayCol()} class="inv-delay">{delayText(props.group, line)}</td>
              <td role="cell" data-label={col('exclVat')} class="num">{money(line.invoice.amountExclVatCents)}</td>
              <td role="cell" data-label={col('inclVat')} class="num">{money(line.invoice.amountInclVatCents)}</td>
              <td role="cell" data-label={col('paid')} class="num">{money(line.invoice.amountPaidCents)}</td>
              <td role="cell" data-label={col('outstanding')} class="num strong">{money(line.outstandingCents)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function InvoiceGroup(props: { group: InvoiceGroupName; lines: InvoiceLine[] }): JSX.Element {
  const titleId = `invoices-${props.group}-title`;
  const total = () => props.lines.reduce((s, l) => s + l.outstandingCents, 0);
  const heading = (
    <h3 id={titleId} class="inv-group__title">
      {t(`dossier:invoices.group.${props.group}`)} <span class="count">({props.lines.length})</span>
      <Show when={props.group !== 'paid' && props.lines.length > 0}>
        <span class="inv-group__total">{formatMoney(total(), locale())}</span>
      </Show>
    </h3>
  );
  const body = (
    <Show when={props.lines.length > 0} fallback={<p class="muted">{t('dossier:invoices.none')}</p>}>
      <InvoiceTable group={props.group} lines={props.lines} />
    </Show>
  );
  return (
    <section class={`inv-group inv-group--${props.group}`} data-testid={`invoices-${props.group}`} aria-labelledby={titleId}>
      {props.group === 'paid' ? (
        <details>
          <summary>{heading}</summary>
          {body}
        </details>
      ) : (
        <>
          {heading}
          {body}
        </>
      )}
    </section>
  );
}

export function InvoicesSection(props: { groups: InvoiceGroups }): JSX.Element {
  return (
    <section class="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('dossier:invoices.title')}</h2>
      <For each={INVOICE_GROUPS}>{(group) => <InvoiceGroup group={group} lines={props.groups[group]} />}</For>
    </section>
  );
}
