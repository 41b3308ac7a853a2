import { createSignal, type JSX } from 'solid-js';
import type { InvoiceFact } from '../../domain/call/facts';
import { t } from '../../i18n';
import { InvoiceChoices } from './InvoiceChoices';
import type { CallView } from './use-call-session';

/** A dispute: which invoices and why. Those invoices are marked disputed at the end, and chasing pauses. */
export function DisputeForm(props: { view: CallView; invoices: InvoiceFact[]; intl: string }): JSX.Element {
  const existing = () => {
    const c = props.view.commitment();
    return c?.kind === 'dispute' ? c : null;
  };
  const [ids, setIds] = createSignal<string[]>(existing()?.invoiceIds ?? []);
  const [why, setWhy] = createSignal(existing()?.why ?? '');
  const sync = () => {
    const event = { type: 'RAISE_DISPUTE' as const, invoiceIds: ids(), why: why() };
    const now = existing();
    if (now && now.invoiceIds.join() === ids().join() && now.why === why().trim()) return;
    if (props.view.can(event)) props.view.send(event);
  };
  return (
    <div class="commit-form" data-testid="dispute-form">
      <InvoiceChoices
        id="dispute-invoices"
        legend={t('call:fields.disputeInvoices')}
        invoices={props.invoices}
        intl={props.intl}
        selected={ids()}
        onChange={(next) => {
          setIds(next);
          sync();
        }}
      />
      <div class="field">
        <label for="dispute-why" class="field__label">
          {t('call:fields.disputeWhy')}
        </label>
        <textarea
          id="dispute-why"
          class="input"
          rows="2"
          value={why()}
          onInput={(e) => {
            setWhy(e.currentTarget.value);
            sync();
          }}
        />
      </div>
      <p class="muted small">{t('callscreen:dispute.effect')}</p>
    </div>
  );
}

/** Seed 001 wants a commitment from every call; when none comes, the agent says why. */
export function NoCommitmentForm(props: { view: CallView }): JSX.Element {
  const initial = props.view.commitment();
  // Local text: the machine trims what it records, and feeding that back would eat the space being typed.
  const [why, setWhy] = createSignal(initial?.kind === 'none' ? initial.why : '');
  return (
    <div class="commit-form" data-testid="no-commitment-form">
      <div class="field">
        <label for="no-commitment-why" class="field__label">
          {t('call:fields.noCommitmentWhy')}
        </label>
        <textarea
          id="no-commitment-why"
          class="input"
          rows="2"
          value={why()}
          onInput={(e) => {
            setWhy(e.currentTarget.value);
            const event = { type: 'DECLARE_NO_COMMITMENT' as const, why: why() };
            if (props.view.can(event)) props.view.send(event);
          }}
        />
      </div>
    </div>
  );
}
