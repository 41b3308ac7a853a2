import { createMemo, createResource, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import type { DebtorBundle } from '../../domain/bundle';
import { storageErrorMessage } from '../../ui/storage-error';
import { LadderPanel } from './LadderPanel';
import { PenaltiesPanel } from './PenaltiesPanel';
import { CommitmentsPanel } from './CommitmentsPanel';
import { promiseView } from '../../domain/payments/promise-view';
import '../../styles/after-call.css';

/**
 * The dossier's "after the call" row: the next rung of the reminder ladder, the penalties accrued today,
 * and the commitments (broken promises so far, payments, plans). Mounted by the dossier in one line.
 */
export function AfterCallPanels(props: { bundle: DebtorBundle; today: string }): JSX.Element {
  const { store } = useServices();
  const [rates, { mutate }] = createResource(() => store.getRateSettings());
  const view = createMemo(() => promiseView(props.bundle, props.today));
  return (
    <div class="after-call" data-testid="after-call">
      <LadderPanel bundle={props.bundle} today={props.today} />
      <Show
        when={rates.state === 'ready' && rates()}
        fallback={
          <Show when={rates.state === 'errored'}>
            <p class="card notice notice--error" role="alert">
              {storageErrorMessage(rates.error)}
            </p>
          </Show>
        }
      >
        {(r) => <PenaltiesPanel bundle={props.bundle} today={props.today} rates={r()} onRatesChanged={(next) => mutate(next)} />}
      </Show>
      <CommitmentsPanel debtor={props.bundle.debtor} view={view()} />
    </div>
  );
}
