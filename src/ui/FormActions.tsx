import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * The foot of a form about one debtor: submit (marked aria-disabled while saving: a disabled button under the
 * keyboard's focus drops it to the page, and a failed save leaves the agent there), back to the dossier, and
 * why it failed. The form ignores a second submit itself (submitOnce).
 */
export function FormActions(props: { submitLabel: string; submitTestId: string; saving: boolean; cancelHref: string; failure: string | undefined }): JSX.Element {
  return (
    <>
      <div class="actions">
        <button type="submit" class="btn btn--primary" aria-disabled={props.saving} data-testid={props.submitTestId}>
          {props.submitLabel}
        </button>
        <A href={props.cancelHref} class="btn">
          {t('payments:cancel')}
        </A>
      </div>
      <p class="field__error" role="alert">
        {props.failure}
      </p>
    </>
  );
}
