import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { FOUR_C, STEP_IDS, type FourC, type StepId } from '../../domain/call/steps';
import { PASS_MARK, timePerStep, type Criterion, type ScoreCard, type TurnAnnotation } from '../../domain/training/rubric';
import type { Transcript } from '../../domain/training/transcript';
import type { DebtorBundle } from '../../domain/bundle';
import { formatDate, formatMoney } from '../../domain/format';
import { locale } from '../../ui/locale';
import { t } from '../../i18n';
import { TableScroll } from './TableScroll';
import { fillPersonaText } from '../../scripts/persona-fill';
import type { Simulation } from './simulation';

function criterionName(c: Criterion): string {
  const [kind, arg] = c.id.split('.') as [string, string | undefined];
  if (kind === 'step_done') return t('training:debrief.names.step_done', { step: t(`call:steps.${arg}`) });
  if (kind === 'four_c') return t('training:debrief.names.four_c', { c: t(`coach:c.${arg}`) });
  return t(`training:debrief.names.${kind}`);
}

function TurnNotes(props: { sim: Simulation; annotation: TurnAnnotation; transcript: Transcript }): JSX.Element {
  const turn = () => props.transcript.turns[props.annotation.index]!;
  const missed = () => FOUR_C.filter((c: FourC) => !props.annotation.cs[c]);
  const phrasing = () => props.sim.persona.phrasings[turn().step].find((p) => p.id === turn().phrasingId);
  const better = () => props.sim.persona.phrasings[turn().step].find((p) => p.fault === 'good');
  const clean = () => missed().length === 0 && props.annotation.stepRule === null;
  return (
    <div class="debrief-turn__notes small" data-testid="turn-notes" data-clean={clean()}>
      <Show when={!clean()} fallback={<p class="debrief-ok">{t('training:debrief.goodTurn')}</p>}>
        <Show when={missed().length > 0}>
          <p class="debrief-bad">{t('training:debrief.missed', { count: missed().length, list: missed().map((c) => t(`coach:c.${c}`)).join(', ') })}</p>
        </Show>
        <Show when={props.annotation.stepRule}>
          {(rule) => <p class="debrief-bad">{t('training:debrief.stepRuleBroken', { rule: t(`training:debrief.stepRules.${rule()}`) })}</p>}
        </Show>
        <ul class="debrief-hints">
          <For each={props.annotation.hints}>{(h) => <li>{t(h.key, h.params)}</li>}</For>
        </ul>
        <Show when={phrasing()?.why}>{(why) => <p>{t('training:debrief.why', { why: why() })}</p>}</Show>
        <Show when={better()}>
          {(good) => (
            <p class="debrief-better" lang={props.sim.persona.locale}>
              {t('training:debrief.better', { text: fillPersonaText(good().text, props.sim.text) })}
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}

/**
 * After the call: the score and its criteria, the ten steps ticked with the time spent on each, and the
 * transcript annotated turn by turn (what was good, which C was missed, the better phrasing from the script).
 */
/** The promise and tasks the ended call wrote to the simulation's own store, as the real app would have. */
function Recorded(props: { dossier: DebtorBundle }): JSX.Element {
  const when = (iso: string) => formatDate(iso, locale());
  return (
    <section class="debrief-recorded" aria-labelledby="debrief-recorded-title" data-testid="debrief-recorded">
      <h3 id="debrief-recorded-title">{t('training:debrief.recorded')}</h3>
      <Show when={props.dossier.promises.length + props.dossier.tasks.length > 0} fallback={<p>{t('training:debrief.recordedNone')}</p>}>
        <ul>
          <For each={props.dossier.promises}>
            {(p) => <li>{t('training:debrief.recordedPromise', { amount: formatMoney(p.amountCents, locale()), date: when(p.dueDate), means: t(`call:means.${p.means}`) })}</li>}
          </For>
          <For each={props.dossier.tasks}>{(task) => <li>{t('training:debrief.recordedTask', { kind: t(`taskKind.${task.kind}`), date: when(task.dueDate) })}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}

export function Debrief(props: {
  sim: Simulation;
  transcript: Transcript;
  card: ScoreCard;
  saved: string;
  recorded: DebtorBundle | undefined;
  onRetry: () => void;
  headingRef?: (el: HTMLHeadingElement) => void;
}): JSX.Element {
  const times = () => timePerStep(props.transcript);
  const annotationAt = (index: number) => props.card.turns.find((a) => a.index === index);
  const debtorName = () => props.sim.setup.dossier.bundle.contacts[0]?.name ?? props.sim.persona.name;
  const goodText = (step: StepId) => fillPersonaText(props.sim.persona.phrasings[step].find((p) => p.fault === 'good')?.text ?? '', props.sim.text);
  return (
    <section class="debrief" data-testid="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title" tabindex="-1" ref={props.headingRef}>
        {t('training:debrief.heading')}
      </h2>
      <p class="debrief-score" data-testid="debrief-score" data-score={props.card.score} data-passed={props.card.passed}>
        <span class="debrief-score__value">{t('training:debrief.score', { score: props.card.score })}</span>{' '}
        <span class={props.card.passed ? 'badge badge--ok' : 'badge badge--warning'}>
          {props.card.passed ? t('training:debrief.passed', { mark: PASS_MARK }) : t('training:debrief.failed', { mark: PASS_MARK })}
        </span>
      </p>
      <p>{t('training:sim.ended', { outcome: t(`training:outcomes.${props.transcript.outcome}`) })}</p>
      <p class="muted">{t('training:debrief.expected', { outcome: props.sim.persona.expected.map((o) => t(`training:outcomes.${o}`)).join(', ') })}</p>
      <p role="status" class="small" data-testid="debrief-saved">
        {props.saved}
      </p>
      <div class="actions">
        <button type="button" class="btn btn--primary" data-testid="debrief-retry" onClick={() => props.onRetry()}>
          {t('training:debrief.retry')}
        </button>
        <A class="btn" href="/training/history" data-testid="debrief-progress">
          {t('training:debrief.progress')}
        </A>
        <A class="btn btn--ghost" href="/training">
          {t('training:debrief.other')}
        </A>
      </div>

      <Show when={props.recorded}>{(dossier) => <Recorded dossier={dossier()} />}</Show>

      <Show when={props.card.caps.length > 0}>
        <h3>{t('training:debrief.caps')}</h3>
        <ul data-testid="debrief-caps">
          <For each={props.card.caps}>{(cap) => <li>{t(`training:debrief.capNames.${cap.id}`, { limit: cap.limit })}</li>}</For>
        </ul>
      </Show>

      <TableScroll label={t('training:debrief.criteria')}>
        <table class="debrief-table" data-testid="debrief-criteria">
          <caption>{t('training:debrief.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training:debrief.criterion')}</th>
              <th scope="col">{t('training:debrief.points')}</th>
              <th scope="col">{t('training:debrief.met')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.card.criteria}>
              {(c) => (
                <tr data-criterion={c.id} data-met={c.met}>
                  <th scope="row">
                    {criterionName(c)}
                    <Show when={c.of !== undefined}>
                      <span class="muted small"> — {t('training:debrief.share', { count: c.passed, of: c.of })}</span>
                    </Show>
                  </th>
                  <td class="num">
                    {c.points} / {c.max}
                  </td>
                  <td>{c.met ? t('training:debrief.met') : t('training:debrief.notMet')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>

      <TableScroll label={t('training:debrief.stepsHeading')}>
        <table class="debrief-table" data-testid="debrief-steps">
          <caption>{t('training:debrief.stepsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training:debrief.step')}</th>
              <th scope="col">{t('training:debrief.done')}</th>
              <th scope="col">{t('training:debrief.time')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={STEP_IDS}>
              {(step, i) => (
                <tr data-step={step} data-done={props.card.stepsDone[step]}>
                  <th scope="row">
                    {i() + 1}. {t(`call:steps.${step}`)}
                  </th>
                  <td>{props.card.stepsDone[step] ? `✓ ${t('training:debrief.met')}` : `✗ ${t('training:debrief.notMet')}`}</td>
                  <td class="num">{times()[step] === undefined ? '—' : t('training:debrief.seconds', { count: Math.round((times()[step] ?? 0) / 1000) })}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>

      <h3>{t('training:debrief.transcript')}</h3>
      <ol class="debrief-transcript" data-testid="debrief-transcript">
        <For each={props.transcript.turns}>
          {(turn, i) => (
            <li class="debrief-turn" data-speaker={turn.speaker}>
              <p>
                <span class="strong">{turn.speaker === 'trainee' ? t('training:sim.you') : debtorName()}</span>{' '}
                <span class="muted small">({t(`call:steps.${turn.step}`)})</span>{' '}
                <span lang={props.sim.persona.locale}>{turn.skipped ? t('training:sim.skippedTurn') : turn.text}</span>
              </p>
              <Show
                when={annotationAt(i())}
                fallback={
                  <Show when={turn.skipped}>
                    <p class="debrief-turn__notes small debrief-better" lang={props.sim.persona.locale}>
                      {t('training:debrief.better', { text: goodText(turn.step) })}
                    </p>
                  </Show>
                }
              >
                {(a) => <TurnNotes sim={props.sim} annotation={a()} transcript={props.transcript} />}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
