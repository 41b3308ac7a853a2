import { For, type JSX } from 'solid-js';
import type { InvoiceFact } from '../../domain/call/facts';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';

/** Checkboxes over the open invoices (overdue first), for a promise or a dispute. */
export function InvoiceChoices(props: {
  id: string;
  legend: string;
  invoices: InvoiceFact[];
  intl: string;
  selected: string[];
  onChange: (ids: string[]) => void;
}): JSX.Element {
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...props.selected, id] : props.selected.filter((x) => x !== id);
    // Keep the dossier's order, whatever order the boxes were ticked in.
    props.onChange(props.invoices.map((i) => i.invoiceId).filter((x) => next.includes(x)));
  };
  return (
    <fieldset class="field field--group" data-testid={props.id}>
      <legend class="field__label">{props.legend}</legend>
      <div class="choices">
        <For each={props.invoices} fallback={<p class="muted">{t('callscreen:form.noOpenInvoice')}</p>}>
          {(invoice) => (
            <label class="choice">
              <input
                type="checkbox"
                value={invoice.invoiceId}
                checked={props.selected.includes(invoice.invoiceId)}
                onChange={(e) => toggle(invoice.invoiceId, e.currentTarget.checked)}
              />
              <span>
                <span class="mono">{invoice.number}</span> · {formatMoney(invoice.outstandingCents, props.intl)} ·{' '}
                {t(invoice.daysLate > 0 ? 'callscreen:form.invoiceOverdue' : 'callscreen:form.invoiceDue', {
                  date: formatDate(invoice.dueDate, props.intl),
                })}
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
