import { createMemo, type Accessor, type JSX } from 'solid-js';
import type { CallFacts } from '../../domain/call/facts';
import { STEP_IDS, stepIndex, type StepId } from '../../domain/call/steps';
import type { Contact } from '../../domain/entities';
import { lang, t } from '../../i18n';
import type { CallScript } from '../../scripts/schema';
import { guideScript } from '../../scripts/builtin';
import { fillStep } from '../../scripts/fill';
import { CaptureFields } from './CaptureFields';
import { Later } from './later';
import { CoachPanel } from './CoachPanel';
import type { CommitmentKind } from './CommitmentPanel';
import type { EndingChoice } from './EndingsDialog';
import { ScriptText } from './ScriptText';
import { StepControls } from './StepControls';
import type { CallView } from './use-call-session';

/**
 * One step as the call screen shows it, for one fixed step (the screen keeps one per step, see
 * kept-panels.tsx). What is said to the debtor: the call's script. What guides the agent (title, fields,
 * tips, 4 C): the interface's language, so a call resumed after a language switch never mixes two inside a panel.
 */
export function StepPanel(props: {
  view: CallView;
  script: CallScript;
  stepId: StepId;
  facts: Accessor<CallFacts>;
  contact: Accessor<Contact | undefined>;
  intl: string;
  commitKind: Accessor<CommitmentKind>;
  setCommitKind: (kind: CommitmentKind) => void;
  openEnding: (initial: EndingChoice) => void;
  headingRef: (el: HTMLHeadingElement) => void;
  /** Whether this panel is the one shown (the screen keeps the others in the page, invisible). */
  shown: Accessor<boolean>;
}): JSX.Element {
  // The shown panel holds the screen's `step-title` and test ids; a kept one names its heading after its step.
  const headingId = () => (props.shown() ? 'step-title' : `step-title-${props.stepId}`);
  const filled = createMemo(() => fillStep(props.script, props.stepId, props.facts()));
  const guide = createMemo(() => fillStep(guideScript(props.script, lang()), props.stepId, props.facts()));
  return (
    <section class="call-step card" aria-labelledby={headingId()} data-testid={props.shown() ? 'call-step' : undefined}>
      <p class="call-step__kicker">{t('callscreen:stepOf', { n: stepIndex(props.stepId) + 1, total: STEP_IDS.length })}</p>
      <h2 id={headingId()} tabindex="-1" ref={props.headingRef} data-testid={props.shown() ? 'step-title' : undefined}>
        {guide().step.title}
      </h2>
      <ScriptText parts={filled().parts} intl={props.intl} lang={props.script.locale} shown={props.shown()} />
      {/* A panel built ahead: its controls in an idle task of their own (the commitments' alone cost ~54 ms at 4×). */}
      <Later now={props.shown}>
        <StepControls
          view={props.view}
          stepId={props.stepId}
          facts={props.facts()}
          contact={props.contact()}
          intl={props.intl}
          commitKind={props.commitKind}
          setCommitKind={props.setCommitKind}
          openEnding={props.openEnding}
          shown={props.shown}
        />
        <CaptureFields view={props.view} stepId={props.stepId} fields={guide().step.captures} shown={props.shown()} />
      </Later>
    </section>
  );
}

/** The step's coaching in the side column, in the interface's language; kept per step like the step itself. */
export function StepCoach(props: { script: CallScript; stepId: StepId; facts: Accessor<CallFacts>; shown: Accessor<boolean> }): JSX.Element {
  const guide = createMemo(() => fillStep(guideScript(props.script, lang()), props.stepId, props.facts()));
  return <CoachPanel step={guide().step} tips={guide().tips} shown={props.shown()} />;
}
