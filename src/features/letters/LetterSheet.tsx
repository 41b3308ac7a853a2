import { For, Match, Switch, type JSX } from 'solid-js';
import type { LetterBlock, LetterDocument } from '../../domain/drafts/letterTypes';

function Block(props: { block: LetterBlock; doc: LetterDocument }): JSX.Element {
  return (
    <Switch>
      <Match when={props.block.kind === 'paragraph' && props.block}>{(b) => <p>{(b() as { text: string }).text}</p>}</Match>
      <Match when={props.block.kind === 'list' && props.block}>
        {(b) => (
          <ul>
            <For each={(b() as { items: string[] }).items}>{(item) => <li>{item}</li>}</For>
          </ul>
        )}
      </Match>
      <Match when={props.block.kind === 'invoices'}>
        <table class="letter-table">
          <thead>
            <tr>
              <For each={props.doc.invoiceTable.columns}>
                {(col, k) => (
                  <th scope="col" classList={{ num: props.doc.invoiceTable.align[k()] === 'right' }}>
                    {col}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.doc.invoiceTable.rows}>
              {(row) => (
                <tr>
                  <For each={row}>{(cell, k) => <td classList={{ num: props.doc.invoiceTable.align[k()] === 'right' }}>{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Match>
      <Match when={props.block.kind === 'totals'}>
        <table class="letter-table letter-totals" data-testid="letter-totals">
          <tbody>
            <For each={props.doc.totals}>
              {(row) => (
                <tr data-code={row.code}>
                  <th scope="row">{row.label}</th>
                  <td class="num">{row.text}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Match>
    </Switch>
  );
}

/**
 * One letter as an A4 sheet (layout and print rules in letter.css), in the debtor's language: `lang` tells
 * screen readers and hyphenation which language the letter is in, whatever the app's language.
 */
export function LetterSheet(props: { doc: LetterDocument }): JSX.Element {
  const d = () => props.doc;
  return (
    <article class="letter-sheet" lang={d().locale} data-testid="letter" data-kind={d().kind}>
      <div class="letter-head">
        <div class="letter-sender">
          <p class="letter-lines">
            <span class="letter-sender__name">{d().sender.name}</span>
            {'\n'}
            {[...d().sender.lines, ...d().sender.contact].join('\n')}
          </p>
        </div>
        <div class="letter-recipient" data-testid="letter-recipient">
          <p class="letter-lines">
            <span class="letter-recipient__name">{d().recipient.name}</span>
            {'\n'}
            {d().recipient.lines.join('\n')}
          </p>
        </div>
      </div>
      <For each={d().mentions}>{(m) => <p class="letter-mention">{m}</p>}</For>
      <div class="letter-meta">
        <p>{d().placeAndDate}</p>
        {d().reference ? <p>{d().reference}</p> : null}
      </div>
      <p class="letter-subject">{d().subject}</p>
      <p>{d().salutation}</p>
      <For each={d().blocks}>{(block) => <Block block={block} doc={d()} />}</For>
      <p>{d().closing}</p>
      <p class="letter-signature letter-lines">{d().signature.join('\n')}</p>
    </article>
  );
}
