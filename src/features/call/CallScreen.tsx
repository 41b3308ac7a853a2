import { createEffect, createMemo, createRenderEffect, createSignal, Match, on, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import type { CallSession } from '../../session/call-session';
import { useServices } from '../../session/store-context';
import { callContact, withPromise } from '../../domain/call/facts';
import type { StepBlocker } from '../../domain/call/rules';
import { STEP_IDS, stepIndex, type StepId } from '../../domain/call/steps';
import { INTL_LOCALES } from '../../domain/call/variables';
import { lang, t } from '../../i18n';
import { guideScript } from '../../scripts/builtin';
import { scriptStep } from '../../scripts/fill';
import { trackBottomBars } from './bottom-bars';
import { CallNav, blockerText } from './CallNav';
import { CallHead, ShortcutsLine } from './CallHead';
import { afterPaint, afterPaintOrSoon, whenIdle } from '../../session/after-paint';
import { rehearseStepMoves } from '../../session/call-actor';
import type { CallEvent } from '../../machines/call.types';
import type { CommitmentKind } from './CommitmentPanel';
import { EndingsDialog, type EndingChoice } from './EndingsDialog';
import { InterruptedPanel } from './InterruptedPanel';
import { NotesPad } from './NotesPad';
import { ObjectionsPanel } from './ObjectionsPanel';
import { OutcomeSummary } from './OutcomeSummary';
import { stepsNear } from './call-view';
import { KeptPanels } from './kept-panels';
import { commandFor, isMac, isTextField, type CallCommand } from './shortcuts';
import { StepCoach, StepPanel } from './StepPanel';
import { StepRail } from './StepRail';
import { useCallSession } from './use-call-session';
import { createAnnouncer } from './announcer';

/**
 * The machine's moves are rehearsed when the screen is first idle, or this long after its paint at the latest: a
 * screen still building its panels ahead had no idle period before a key pressed at once, which then ran the
 * machine's transition code cold.
 */
const REHEARSE_WITHIN_MS = 50;

/** Where to put the agent when Next is refused: the first thing the blocker asks for. */
function blockerTarget(blocker: StepBlocker, stepId: string, kind: CommitmentKind): string {
  switch (blocker.code) {
    case 'required_field':
      return `#capture-${stepId}-${blocker.fieldId}, [name="capture-${stepId}-${blocker.fieldId}"]`;
    case 'reason_required':
      return '[name="delay-reason"]';
    case 'commitment_required':
      return `#commitment-kind-${kind}`;
    case 'promise_not_restated':
      return '#promise-restated';
    case 'promise_invalid':
      return '#promise-amount';
  }
}

/** The guided call: step rail, script with the facts, fields, coaching, notes, and the ways to end. */
export function CallScreen(props: { session: CallSession }): JSX.Element {
  const services = useServices();
  const view = useCallSession(props.session);
  const { bundle, script } = props.session;
  /**
   * Built while idle from the moment the screen has painted, one panel per idle task: the first key of a
   * call then swaps in a panel built and laid out beforehand (a trace at 4× put the first two visits, built
   * in the key's task with their cold code, at 187–258 ms of CPU). Opening, the panels come after the screen's
   * paint (its LCP), each a task of 3–14 ms at 1× in a load trace: short tasks, which blocking time leaves out
   * (it counts the part of a task past 50 ms, 4× simulated). Same list for both columns. The call's other
   * steps follow (`later` in kept-panels.tsx), built while the agent reads the first one.
   */
  const ahead = createMemo(() => stepsNear(view.step()), undefined, { equals: (a, b) => a.join() === b.join() });
  const intl = INTL_LOCALES[script.locale];
  const facts = createMemo(() => {
    const c = view.commitment();
    return withPromise(props.session.facts, c?.kind === 'promise' ? c : null);
  });
  // The current step as it guides the agent (title, fields), in the interface's language: see StepPanel.
  const guideStep = createMemo(() => scriptStep(guideScript(script, lang()), view.step()));
  const contactId = createMemo(() => view.snapshot().context.contactId);
  const contact = createMemo(() => bundle.contacts.find((c) => c.id === contactId()) ?? callContact(bundle.contacts));
  const stepNumber = () => stepIndex(view.step()) + 1;
  const isLast = () => view.step() === 'formalisation';
  const [notesOpen, setNotesOpen] = createSignal(false);
  const [endings, setEndings] = createSignal<{ open: boolean; initial: EndingChoice | null }>({ open: false, initial: null });
  const [commitKind, setCommitKind] = createSignal<CommitmentKind>(view.commitment()?.kind ?? 'promise');
  const announcer = createAnnouncer();
  /**
   * The first frame holds what the agent reads first: the header, the rail, the step (its script is the
   * screen's largest paint) and the step's controls. The notes, the side column's coaching, the objections, the
   * endings dialog and the shortcuts line follow in a task after that frame's paint: rendered with the rest,
   * they made the screen's first render one task of ~120 ms at 4× CPU in a trace of a cold load (the notes
   * 20 ms, the side coaching 12, the endings dialog 9), and its layout longer still. They are below or beside
   * the step, or not in the flow (the dialog), so nothing shown moves when they come. Whatever needs them
   * first (a key, the End button) brings them in at once, synchronously.
   */
  const [complete, setComplete] = createSignal(false);
  const completeNow = () => {
    if (!complete()) setComplete(true);
  };
  /** The heading of the ended or interrupted panel; each step's own is in `stepHeadings`. */
  let heading: HTMLHeadingElement | undefined;
  const stepHeadings = new Map<StepId, HTMLHeadingElement>();
  const currentHeading = () => (view.phase() === 'step' ? stepHeadings.get(view.step()) : heading);
  let notesArea: HTMLTextAreaElement | undefined;
  let objections: HTMLDetailsElement | undefined;
  /** Set before a step change that should land somewhere other than the step heading (Alt+P). */
  let focusAfterStep: string | null = null;
  let navBar: HTMLElement | undefined;
  let notesSheet: HTMLElement | undefined;
  /** The step's field the agent last worked in: opening the notes on a phone keeps it in sight. */
  let lastField: HTMLElement | null = null;
  const bars = trackBottomBars(
    () => navBar,
    () => notesSheet,
  );
  onCleanup(bars.stop);
  createEffect(on(() => [complete(), notesOpen(), view.phase(), view.step(), view.blockers().length] as const, () => bars.update()));
  const noteField = (event: FocusEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.matches('input, select, textarea') && target.closest('[data-testid="call-step"]')) lastField = target;
  };

  const focus = (selector: string) => document.querySelector<HTMLElement>(selector)?.focus();
  let cancelHeadingScroll: (() => void) | undefined;
  onCleanup(() => cancelHeadingScroll?.());

  createEffect(
    on(
      () => [view.phase(), view.step()] as const,
      () => {
        // Once every change of this step is in the DOM (the rail, the panels), and still before any next key is
        // handled. A step's heading takes focus without scrolling: focus() that may scroll lays the page out
        // inside the key's task (12.6 ms a step at 4× in a trace), where the frame lays it out anyway; the
        // heading is brought into view after the paint instead, from the layout that frame made. Focused after
        // the paint, the step left kept the focus in a panel just hidden, and Chromium blurred it in a task of
        // its own before the mark (up to 8 ms at 4×).
        const target = focusAfterStep;
        focusAfterStep = null;
        cancelHeadingScroll?.();
        cancelHeadingScroll = undefined;
        if (target) return queueMicrotask(() => focus(target));
        queueMicrotask(() => currentHeading()?.focus({ preventScroll: true }));
        cancelHeadingScroll = afterPaint(() => {
          cancelHeadingScroll = undefined;
          const shown = currentHeading();
          if (!shown || document.activeElement !== shown) return;
          // Where focus() would have put it: centred, when not wholly in view.
          const box = shown.getBoundingClientRect();
          if (box.top < 0 || box.bottom > window.innerHeight) shown.scrollIntoView({ block: 'center' });
        });
      },
      { defer: true },
    ),
  );
  // Painted: a task after the next frame. The benchmark measures key press → this mark. A render effect runs
  // before the screen's effects, so this task is the first after the frame: the panels' tidying and the
  // bottom bars' measure came first (a trace at 4×: ~20 ms, and a forced layout that drew a second frame).
  // The live region names the step once the agent stayed on it (see createAnnouncer): the focused heading is
  // read first anyway. Told right after the paint, its text drew a frame of its own at the next vsync, and a
  // key pressed just after that frame began waited for the one after it (up to 17 ms more at 1×), where an
  // idle page draws a key's change at once; told in the step's own frame, it seemed to make that frame longer
  // at 4× (A/B p50 20.3 → 24.2 ms).
  createRenderEffect(
    on(
      () => [view.phase(), view.step()] as const,
      ([phase]) => {
        announcer.sayOnceStayed(() =>
          phase === 'step'
            ? t('callscreen:announce.step', { n: stepNumber(), total: STEP_IDS.length, title: guideStep().title })
            : t(`callscreen:announce.${phase}`),
        );
        afterPaint(() => performance.mark('cadence:call-step-painted'));
      },
      { defer: true },
    ),
  );
  createEffect(on(() => view.commit().kind, (kind) => kind === 'committed' && services.dataChanged(), { defer: true }));

  /**
   * A step move keeps the focus where it is until the new heading takes it: the step left stays in the page
   * (kept-panels.tsx), hidden, so its focused heading is never taken out of the document in the middle of the
   * move (which made Chromium lay the page out there), and a blur first cost a style update of its own
   * (~1.5 ms a step at 1× in a trace).
   */
  const move = (event: CallEvent) => view.send(event);
  /**
   * Asks for the next frame before a step move's work, so that the compositor sends the main frame at its next
   * vsync, to run right after the move's task. Asked only once the move first changed the DOM, a vsync that came
   * in between (the key's routing and the machine's transition, ~1.5 ms at 1×) found nothing to draw, and the
   * step waited a whole frame more for the vsync after it: about one key in ten at 1× in the bench, 15–21 ms
   * instead of 5–9 (a trace: the compositor's tick within ~1.5 ms of the key, no frame produced, then the next
   * tick).
   */
  const frameFirst = () => void requestAnimationFrame(() => undefined);
  const next = () => {
    frameFirst();
    const event = isLast() ? ({ type: 'FINISH' } as const) : ({ type: 'NEXT' } as const);
    if (view.can(event)) return move(event);
    const first = view.blockers()[0];
    if (!first) return;
    announcer.say(view.blockers().map((b) => blockerText(b, guideStep().captures, view.today())).join(' '));
    focus(blockerTarget(first, view.step(), commitKind()));
  };
  const back = () => {
    frameFirst();
    return view.can({ type: 'BACK' }) && move({ type: 'BACK' });
  };
  const openNotes = () => {
    if (view.phase() === 'ended') return;
    completeNow();
    setNotesOpen(true);
    notesArea?.focus({ preventScroll: true });
    // The sheet now covers the lower screen: bring the field being filled in above it (scroll-padding-bottom
    // follows --bottom-bar, measured here first).
    bars.measureNow();
    // Only a field of the step shown: the steps left stay in the page, hidden (kept-panels.tsx).
    if (lastField?.closest('[data-testid="call-step"]')) lastField.scrollIntoView({ block: 'nearest' });
  };
  const promise = () => {
    if (view.step() === 'commitments') {
      setCommitKind('promise');
      return focus('#promise-amount');
    }
    if (view.can({ type: 'GOTO', stepId: 'commitments' })) {
      setCommitKind('promise');
      focusAfterStep = '#promise-amount';
      return move({ type: 'GOTO', stepId: 'commitments' });
    }
    announcer.say(t('callscreen:shortcuts.promiseLater'));
  };
  const toggleObjections = () => {
    completeNow();
    if (!objections) return;
    objections.open = !objections.open;
    objections.querySelector('summary')?.focus();
  };
  const openEnding = (initial: EndingChoice | null) => {
    completeNow();
    setEndings({ open: true, initial });
  };

  const run: Record<CallCommand, () => void> = {
    next: () => view.phase() === 'step' && next(),
    back: () => view.phase() === 'step' && back(),
    notes: openNotes,
    promise: () => view.phase() === 'step' && promise(),
    objections: () => view.phase() === 'step' && toggleObjections(),
    end: () => view.phase() !== 'ended' && openEnding(null),
  };
  const onKey = (event: KeyboardEvent) => {
    if (endings().open || event.defaultPrevented) return;
    // Escape folds the notes sheet a phone shows over the step, and gives the focus to its toggle.
    if (event.key === 'Escape' && notesOpen() && view.phase() !== 'ended') {
      event.preventDefault();
      setNotesOpen(false);
      return focus('[data-testid="call-notes-toggle"]');
    }
    // Whether the key came from a field matters on a Mac only (Alt+arrows move by word there).
    const mac = isMac();
    const command = commandFor(event, { inTextField: mac && isTextField(event.target), mac });
    if (!command) return;
    // A read-only tab still opens the notes and the objections; it moves nothing.
    if (view.readOnly() && command !== 'notes' && command !== 'objections') return;
    event.preventDefault();
    completeNow();
    run[command]();
  };
  onMount(() => {
    window.addEventListener('keydown', onKey, true);
    // Landing on a call (new or resumed) starts where the agent reads: the step's heading. The shell moves
    // focus to <main> when the route's transition commits, which can come after this mount: follow it.
    const land = () => {
      const active = document.activeElement;
      if (!active || active === document.body || active.id === 'main') currentHeading()?.focus();
    };
    // Not now, inside the task that renders the whole screen: focus would lay it out there (73 ms at 4× CPU in
    // a trace of a cold load), where the frame about to start lays it out anyway, in a task of its own.
    requestAnimationFrame(land);
    landing = setTimeout(land, 150);
    // The rest of the screen, after the first frame's paint (or soon, in a tab that draws no frames).
    finishing = afterPaintOrSoon(completeNow);
    // The first key's move then runs compiled code (see rehearseStepMoves).
    rehearsal = afterPaint(() => (rehearsal = whenIdle(() => view.readOnly() || rehearseStepMoves(view.snapshot()), REHEARSE_WITHIN_MS)));
  });
  let landing: ReturnType<typeof setTimeout> | undefined;
  let rehearsal: (() => void) | undefined;
  let finishing: (() => void) | undefined;
  onCleanup(() => (clearTimeout(landing), rehearsal?.(), finishing?.()));
  onCleanup(() => window.removeEventListener('keydown', onKey, true));

  return (
    <div
      class="page call"
      data-testid="call"
      data-step={view.step()}
      data-phase={view.phase()}
      data-mode={view.mode()}
      data-commit={view.commit().kind}
      data-notes={notesOpen() ? 'open' : 'closed'}
      onFocusIn={noteField}
    >
      <CallHead view={view} bundle={bundle} script={script} contact={contact()} onEnd={() => openEnding(null)} />
      <Switch>
        <Match when={view.mode() === 'reader'}>
          <p class="notice notice--warning" role="status" data-testid="call-read-only">
            {t('callscreen:readOnly')}
          </p>
        </Match>
        <Match when={view.mode() === 'closed'}>
          <p class="notice notice--warning" role="status" data-testid="call-closed">
            {t('callscreen:closedElsewhere')}
          </p>
        </Match>
      </Switch>
      <div class="call-body">
        <Show when={view.phase() !== 'ended'} fallback={<div class="rail" />}>
          <StepRail view={view} title={(id) => t(`call:steps.${id}`)} />
        </Show>
        <div class="call-main">
          <Switch>
            <Match when={view.phase() === 'ended'}>
              <OutcomeSummary commit={view.commit()} bundle={bundle} onRetry={() => props.session.retryCommit()} headingRef={(el) => (heading = el)} />
            </Match>
            <Match when={view.phase() === 'interrupted'}>
              <InterruptedPanel view={view} headingRef={(el) => (heading = el)} />
            </Match>
            <Match when={view.phase() === 'step'}>
              <fieldset class="call-fieldset" disabled={view.readOnly()}>
                <KeptPanels
                  active={view.step()}
                  ahead={ahead()}
                  later={STEP_IDS}
                  keep={!view.readOnly()}
                  render={(stepId, shown) => (
                    <StepPanel
                      shown={shown}
                      view={view}
                      script={script}
                      stepId={stepId}
                      facts={facts}
                      contact={contact}
                      intl={intl}
                      commitKind={commitKind}
                      setCommitKind={setCommitKind}
                      openEnding={openEnding}
                      headingRef={(el) => stepHeadings.set(stepId, el)}
                    />
                  )}
                />
                <Show when={complete()}>
                  <ObjectionsPanel view={view} script={script} ref={(el) => (objections = el)} />
                </Show>
              </fieldset>
            </Match>
          </Switch>
          <Show when={view.phase() === 'step'}>
            <CallNav
              blockers={view.blockers()}
              fields={guideStep().captures}
              today={view.today()}
              last={isLast()}
              canBack={view.can({ type: 'BACK' })}
              readOnly={view.readOnly()}
              notesOpen={notesOpen()}
              onBack={back}
              onNext={next}
              onNotes={() => (notesOpen() ? setNotesOpen(false) : openNotes())}
              ref={(el) => (navBar = el)}
            />
          </Show>
        </div>
        <aside class="call-side" aria-label={t('callscreen:side')}>
          {/* Once ended, the notes are in the outcome: the machine takes no more of them. */}
          <Show when={complete() && view.phase() !== 'ended'}>
            <NotesPad view={view} open={notesOpen()} textareaRef={(el) => (notesArea = el)} ref={(el) => (notesSheet = el)} />
          </Show>
          <Show when={complete() && view.phase() === 'step'}>
            <KeptPanels
              active={view.step()}
              ahead={ahead()}
              later={STEP_IDS}
              keep={!view.readOnly()}
              render={(stepId, shown) => <StepCoach script={script} stepId={stepId} facts={facts} shown={shown} />}
            />
          </Show>
        </aside>
      </div>
      <Show when={complete() && view.phase() !== 'ended'}>
        <ShortcutsLine />
      </Show>
      <div class="sr-only" role="status" aria-live="polite" data-testid="call-announcer">
        {announcer.message()}
      </div>
      <Show when={complete()}>
        <EndingsDialog view={view} open={endings().open} initial={endings().initial} onClose={() => setEndings({ open: false, initial: null })} />
      </Show>
    </div>
  );
}
