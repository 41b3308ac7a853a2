import { For, Match, Switch, type JSX } from 'solid-js';
import type { InvoiceFact } from '../../domain/call/facts';
import { formatDate, formatMoney } from '../../domain/format';
import type { ScriptPart } from '../../domain/call/variables';
import { tIn, type Lang } from '../../i18n';
import { scriptBlocks } from './call-view';

function delay(invoice: InvoiceFact, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (invoice.daysLate > 0) return t('callscreen:script.daysLate', { count: invoice.daysLate });
  if (invoice.daysLate === 0) return t('callscreen:script.dueToday');
  return t('callscreen:script.dueIn', { count: -invoice.daysLate });
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function InvoiceTable(props: { variable: 'invoices.overdue' | 'invoices.upcoming'; invoices: InvoiceFact[]; intl: string; t: Translate }): JSX.Element {
  const t = (key: string, options?: Record<string, unknown>) => props.t(key, options);
  return (
    <table class="script__invoices">
      <caption class="sr-only">{t(`callscreen:script.caption.${props.variable === 'invoices.overdue' ? 'overdue' : 'upcoming'}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('callscreen:script.col.number')}</th>
          <th scope="col" class="script__due">
            {t('callscreen:script.col.dueDate')}
          </th>
          <th scope="col">{t('callscreen:script.col.delay')}</th>
          <th scope="col" class="num">
            {t('callscreen:script.col.outstanding')}
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.invoices}>
          {(invoice) => (
            <tr>
              <th scope="row" class="mono">
                {invoice.number}
              </th>
              <td class="script__due">{formatDate(invoice.dueDate, props.intl)}</td>
              <td>
                {/* On a phone the due date column gives way to this line, so the amount owed stays in sight. */}
                <span class="script__due-inline">
                  {formatDate(invoice.dueDate, props.intl)}
                  <br />
                </span>
                {delay(invoice, props.t)}
              </td>
              <td class="num">{formatMoney(invoice.outstandingCents, props.intl)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/**
 * What the agent says at this step, with the dossier's facts highlighted (4 C: concret) and invoice lists
 * as small tables. A fact the dossier lacks shows as a marked gap, never as a blank; one the call has yet to
 * capture (the promise) says what is awaited, in the script's words. All of it in the script's language
 * (`lang`), table heads included, whatever the interface's.
 */
export function ScriptText(props: {
  parts: ScriptPart[];
  intl: string;
  lang: Lang;
  /** False while the step is kept hidden in the page: its test ids go to the step shown only. */
  shown?: boolean;
}): JSX.Element {
  const t: Translate = (key, options) => tIn(props.lang, key, options);
  const testId = (id: string) => (props.shown === false ? undefined : id);
  return (
    <div class="script" data-testid={testId('call-script')} lang={props.lang}>
      <For each={scriptBlocks(props.parts)}>
        {(block) => (
          <Switch>
            <Match when={block.kind === 'invoices' && block}>
              {(b) => <InvoiceTable variable={b().variable} invoices={b().invoices} intl={props.intl} t={t} />}
            </Match>
            <Match when={block.kind === 'paragraph' && block}>
              {(b) => (
                <p class="script__say">
                  <For each={b().parts}>
                    {(part) => (
                      <Switch fallback={part.text}>
                        <Match when={part.kind === 'value' && part.awaited}>
                          <mark class="fact fact--awaited" data-testid={testId('fact-awaited')}>
                            {part.text}
                          </mark>
                        </Match>
                        <Match when={part.kind === 'value' && part.missing}>
                          <mark class="fact fact--missing" title={t('callscreen:script.missing')}>
                            <span aria-hidden="true">{part.text}</span>
                            <span class="sr-only">{t('callscreen:script.missing')}</span>
                          </mark>
                        </Match>
                        <Match when={part.kind === 'value'}>
                          <mark class="fact">{part.text}</mark>
                        </Match>
                      </Switch>
                    )}
                  </For>
                </p>
              )}
            </Match>
          </Switch>
        )}
      </For>
    </div>
  );
}
