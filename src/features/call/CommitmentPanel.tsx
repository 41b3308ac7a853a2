import { For, Match, Switch, type Accessor, type JSX } from 'solid-js';
import type { Commitment } from '../../domain/call/context';
import type { CallFacts } from '../../domain/call/facts';
import { t } from '../../i18n';
import { DisputeForm, NoCommitmentForm } from './DisputeForm';
import { PlanForm } from './PlanForm';
import { PromiseForm } from './PromiseForm';
import type { CallView } from './use-call-session';

export type CommitmentKind = Commitment['kind'];
export const COMMITMENT_KINDS: readonly CommitmentKind[] = ['promise', 'plan', 'dispute', 'none'];

/** Step 6: the debtor's commitment — a promise, a payment-plan offer, a dispute, or explicitly none. */
export function CommitmentPanel(props: {
  view: CallView;
  facts: CallFacts;
  intl: string;
  kind: Accessor<CommitmentKind>;
  setKind: (kind: CommitmentKind) => void;
}): JSX.Element {
  const open = () => [...props.facts.overdue, ...props.facts.upcoming];
  return (
    <div class="commitment" data-testid="commitment-panel">
      <fieldset class="field field--group">
        <legend class="field__label">{t('callscreen:commitment.legend')}</legend>
        <div class="choices choices--row">
          <For each={COMMITMENT_KINDS}>
            {(kind) => (
              <label class="choice choice--tab">
                <input
                  type="radio"
                  name="commitment-kind"
                  id={`commitment-kind-${kind}`}
                  value={kind}
                  checked={props.kind() === kind}
                  onChange={() => props.setKind(kind)}
                />
                <span>{t(`call:commitmentKinds.${kind}`)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Switch>
        <Match when={props.kind() === 'promise'}>
          <PromiseForm view={props.view} invoices={open()} overdueIds={props.facts.overdue.map((i) => i.invoiceId)} intl={props.intl} />
        </Match>
        <Match when={props.kind() === 'plan'}>
          <PlanForm view={props.view} intl={props.intl} totalOverdueCents={props.facts.totalOverdueCents} />
        </Match>
        <Match when={props.kind() === 'dispute'}>
          <DisputeForm view={props.view} invoices={open()} intl={props.intl} />
        </Match>
        <Match when={props.kind() === 'none'}>
          <NoCommitmentForm view={props.view} />
        </Match>
      </Switch>
    </div>
  );
}
