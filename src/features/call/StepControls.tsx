import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import type { CallFacts } from '../../domain/call/facts';
import type { StepId } from '../../domain/call/steps';
import type { Contact } from '../../domain/entities';
import { t } from '../../i18n';
import { CommitmentPanel, type CommitmentKind } from './CommitmentPanel';
import { ContactCheck } from './ContactCheck';
import type { EndingChoice } from './EndingsDialog';
import { ReasonPicker } from './ReasonPicker';
import type { CallView } from './use-call-session';

/** What a step asks of the agent beyond its script fields: contact check, reason, commitment, quick endings. */
export function StepControls(props: {
  view: CallView;
  stepId: StepId;
  facts: CallFacts;
  contact: Contact | undefined;
  intl: string;
  commitKind: Accessor<CommitmentKind>;
  setCommitKind: (kind: CommitmentKind) => void;
  openEnding: (initial: EndingChoice) => void;
  /** Whether the step is the one shown: steps 1 and 2 both offer "wrong person", one test id in the page. */
  shown: Accessor<boolean>;
}): JSX.Element {
  const wrongPersonId = () => (props.shown() ? 'quick-wrong-person' : undefined);
  return (
    <Switch>
      <Match when={props.stepId === 'presentation'}>
        <div class="quick-endings">
          <p class="muted small">{t('callscreen:quick.presentation')}</p>
          <div class="actions">
            <button type="button" class="btn" onClick={() => props.openEnding('no_answer')}>
              {t('callscreen:endings.choice.no_answer')}
            </button>
            <button type="button" class="btn" onClick={() => props.openEnding('voicemail')}>
              {t('callscreen:endings.choice.voicemail')}
            </button>
            <button type="button" class="btn" data-testid={wrongPersonId()} onClick={() => props.openEnding('wrong_person')}>
              {t('callscreen:endings.choice.wrong_person')}
            </button>
          </div>
        </div>
      </Match>
      <Match when={props.stepId === 'identification'}>
        <ContactCheck view={props.view} contact={props.contact} idPrefix="identification-contact" shown={props.shown()} />
        <div class="actions">
          <button type="button" class="btn btn--ghost" data-testid={wrongPersonId()} onClick={() => props.openEnding('wrong_person')}>
            {t('callscreen:quick.wrongPerson')}
          </button>
        </div>
      </Match>
      <Match when={props.stepId === 'delay_reason'}>
        <ReasonPicker view={props.view} />
      </Match>
      <Match when={props.stepId === 'commitments'}>
        <CommitmentPanel view={props.view} facts={props.facts} intl={props.intl} kind={props.commitKind} setKind={props.setCommitKind} />
      </Match>
      <Match when={props.stepId === 'contact_details'}>
        <ContactCheck view={props.view} contact={props.contact} idPrefix="details-contact" shown={props.shown()} />
      </Match>
    </Switch>
  );
}
