import { createSignal, For, type JSX } from 'solid-js';
import type { Debtor, DebtorKind } from '../../domain/entities';
import { t } from '../../i18n';
import { useServices } from '../../session/store-context';
import { storageErrorMessage } from '../../ui/storage-error';

const KINDS: readonly DebtorKind[] = ['business', 'consumer'];

/**
 * Business or consumer (« particulier »): French late-payment law differs (a consumer owes neither the B2B
 * penalties nor the 40 € indemnity, only legal interest from the formal notice), so the penalties panel and the
 * letters follow this choice. Any agent may change it; it is saved at once and, on a team, sent as a
 * `debtor.update` by the outbox.
 */
export function DebtorKindField(props: { debtor: Debtor; onChanged: () => void }): JSX.Element {
  const services = useServices();
  const [status, setStatus] = createSignal<{ failed: boolean; text: string }>();
  const name = () => `debtor-kind-${props.debtor.id}`;

  const change = async (kind: DebtorKind) => {
    try {
      await services.store.setDebtorKind(props.debtor.id, kind, new Date().toISOString());
      setStatus({ failed: false, text: t('dossier:kind.saved', { kind: t(`dossier:kind.${kind}`) }) });
      props.onChanged();
    } catch (error) {
      setStatus({ failed: true, text: storageErrorMessage(error) });
    }
  };

  return (
    <fieldset class="debtor-kind" data-testid="debtor-kind" aria-describedby="debtor-kind-hint">
      <legend>{t('dossier:kind.legend')}</legend>
      <div class="debtor-kind__choices">
        <For each={KINDS}>
          {(kind) => (
            <label class="radio">
              <input
                type="radio"
                name={name()}
                value={kind}
                data-testid={`debtor-kind-${kind}`}
                checked={props.debtor.kind === kind}
                onChange={() => void change(kind)}
              />
              {t(`dossier:kind.${kind}`)}
            </label>
          )}
        </For>
      </div>
      <p class="field__hint" id="debtor-kind-hint">
        {t('dossier:kind.hint')}
      </p>
      <p class="form-status" role="status" data-testid="debtor-kind-status" classList={{ 'form-status--error': status()?.failed === true }}>
        {status()?.text ?? ''}
      </p>
    </fieldset>
  );
}
