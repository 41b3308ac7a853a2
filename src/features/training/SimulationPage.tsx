import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { useTeamReady } from '../../session/team-context';
import { todayIso } from '../../session/today';
import type { DebtorBundle } from '../../domain/bundle';
import { scoreTranscript } from '../../domain/training/rubric';
import type { TrainingSessionRecord } from '../../domain/training/session-record';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { Conversation } from './Conversation';
import { Debrief } from './Debrief';
import { DossierCard } from './DossierCard';
import { trainingHistory } from '../../session/training-history';
import { findPersona } from './personas';
import { openTrainingSandbox } from '../../session/training-sandbox';
import { persistEnvelope } from '../../machines/call.types';
import { callEnded } from '../../machines/training.logic';
import { applyChoice, moodLevel, simulationOutcome, simulationStep, startSimulation, transcriptOf, type Simulation, type TraineeChoice } from './simulation';
import { speak, stopSpeaking, useSpeechAvailable } from './speech';
import { StepList } from './StepList';
import { SimulationBanner } from './TrainingNav';
import { TurnComposer } from './TurnComposer';
import type { ResolvedPersona } from '../../scripts/persona-validate';
import './training.css';

/** Same seed on a retry, so the trainee meets the same dossier and can compare. */
function seedOf(id: string): number {
  let h = 7;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

function Session(props: { persona: ResolvedPersona }): JSX.Element {
  const services = useServices();
  const teamReady = useTeamReady();
  const fresh = () =>
    startSimulation({
      persona: props.persona,
      agent: { agentName: services.settings().agentName, company: services.settings().company },
      today: todayIso(),
      nowMs: Date.now(),
      seed: seedOf(props.persona.id),
      id: crypto.randomUUID(),
    });
  const [sim, setSim] = createSignal<Simulation>(fresh());
  // Each simulation runs on an in-memory store of its own (session/training-sandbox.ts), never on the real
  // one. A plain promise, not a resource: the page must not suspend while the store opens.
  const open = (s: Simulation) => openTrainingSandbox(s.setup.dossier.bundle);
  let sandbox = open(sim());
  const [recorded, setRecorded] = createSignal<DebtorBundle | undefined>();
  const record = (next: Simulation) => {
    const box = sandbox;
    void box
      .then(async (s) => {
        // The call machine's training-mode effects, run for the pure transition the trainee just made.
        s.effects.persist(persistEnvelope(next.run.call.context));
        if (!callEnded(next.run)) return;
        await s.effects.commit(next.run.call.context);
        if (box === sandbox) setRecorded(await s.dossier());
      })
      .catch(() => undefined);
  };
  const closeSandbox = () => void sandbox.then((s) => s.close(), () => undefined);
  onCleanup(closeSandbox);
  const [speech, setSpeech] = createSignal(false);
  const [saved, setSaved] = createSignal('');
  const speechAvailable = useSpeechAvailable(() => props.persona.locale);
  const step = () => simulationStep(sim());
  const over = () => simulationOutcome(sim()) !== null;
  // A key per turn: the composer starts blank at every step, and again on a retry.
  const turnKey = createMemo(() => (step() === null ? null : `${sim().id}:${step()}:${sim().turns.length}`));
  const finished = createMemo(() => {
    if (!over()) return null;
    const transcript = transcriptOf(sim(), Date.now());
    return { transcript, card: scoreTranscript(transcript) };
  });
  let composer: HTMLFieldSetElement | undefined;
  let debriefHeading: HTMLHeadingElement | undefined;

  const choose = (choice: TraineeChoice) => {
    const next = applyChoice(sim(), choice, Date.now());
    setSim(next);
    record(next);
    const reply = next.turns.at(-1);
    if (speech() && reply?.speaker === 'debtor') speak(reply.text, props.persona.locale);
    queueMicrotask(() => (simulationOutcome(next) ? debriefHeading?.focus() : composer?.querySelector<HTMLInputElement>('input')?.focus()));
  };

  const retry = () => {
    stopSpeaking();
    setSaved('');
    setRecorded(undefined);
    closeSandbox();
    const next = fresh();
    sandbox = open(next);
    setSim(next);
    queueMicrotask(() => composer?.querySelector<HTMLInputElement>('input')?.focus());
  };

  // The finished session goes to the training history (its own database), once.
  createEffect(
    on(finished, (done) => {
      if (!done) return;
      const s = sim();
      const record: TrainingSessionRecord = {
        schemaVersion: 1,
        id: s.id,
        trainee: services.settings().agentName || t('training:title'),
        personaId: s.persona.id,
        personaName: s.persona.name,
        startedAt: s.startedAt,
        endedAt: new Date().toISOString(),
        score: done.card.score,
        passed: done.card.passed,
        outcome: done.transcript.outcome,
        transcript: done.transcript,
      };
      trainingHistory()
        .then((history) => history.add(record))
        .then(
          async () => {
            setSaved(t('training:debrief.saved'));
            // On a device joined to a team, the score also goes to the trainee's lead, through the outbox: offline,
            // it waits there like any change. The saved history stays the trainee's either way.
            const shared = await teamReady.then((team) => team?.shareTrainingScore(record) ?? false).catch(() => null);
            if (shared === true) setSaved(t('training:debrief.savedAndShared'));
            else if (shared === null) setSaved(t('training:debrief.savedNotShared'));
          },
          (error) => setSaved(t('training:debrief.saveFailed', { reason: storageErrorMessage(error) })),
        );
    }),
  );
  onCleanup(stopSpeaking);

  return (
    <>
      <div class="sim-layout">
        <div class="sim-main">
          <StepList sim={sim()} />
          <Conversation sim={sim()} />
          <p class="small" data-testid="sim-mood" data-mood={moodLevel(sim())}>
            {t('training:sim.mood', { mood: t(`training:sim.moods.${moodLevel(sim())}`) })}
          </p>
          <Show when={turnKey()} keyed>
            {(_key) => <TurnComposer sim={sim()} step={step()!} onChoice={choose} ref={(el) => (composer = el)} />}
          </Show>
          <Show when={speechAvailable()}>
            <label class="sim-speech">
              <input type="checkbox" checked={speech()} onChange={(e) => setSpeech(e.currentTarget.checked)} /> {t('training:sim.speech')}
            </label>
          </Show>
        </div>
        <DossierCard sim={sim()} />
      </div>
      <Show when={finished()}>
        {(done) => (
          <Debrief
            sim={sim()}
            transcript={done().transcript}
            card={done().card}
            saved={saved()}
            recorded={recorded()}
            onRetry={retry}
            headingRef={(el) => (debriefHeading = el)}
          />
        )}
      </Show>
    </>
  );
}

/** `/training/:personaId`: one simulated call against a persona, then its debrief. */
export default function SimulationPage(): JSX.Element {
  const params = useParams();
  const persona = createMemo(() => findPersona(params['personaId'] ?? ''));
  usePageTitle(() => persona()?.name ?? t('training:title'));
  return (
    <section class="page sim-page" data-testid="simulation-page" aria-labelledby="sim-title">
      <SimulationBanner />
      <Show
        when={persona()}
        keyed
        fallback={
          <>
            <h1 id="sim-title">{t('notFound')}</h1>
            <A href="/training">{t('training:debrief.other')}</A>
          </>
        }
      >
        {(p) => (
          <>
            <h1 id="sim-title">{p.name}</h1>
            <p class="muted">{p.summary}</p>
            <Session persona={p} />
          </>
        )}
      </Show>
    </section>
  );
}
