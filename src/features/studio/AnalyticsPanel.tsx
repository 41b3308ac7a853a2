import { createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { callForAnalytics, scriptVersionStats, type CallForAnalytics, type VersionStats } from '../../domain/call/script-analytics';
import { STEP_IDS } from '../../domain/call/steps';
import { t } from '../../i18n';
import type { ScriptVersionRecord } from '../../scripts/library';
import { useServices } from '../../session/store-context';
import { locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';

/** Details parsed per slice before the page gets the thread back: a 50k-debtor portfolio never freezes it. */
const SLICE = 2_000;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every stored call of the script, folded per version; the time it took is marked for the benchmark. */
async function loadStats(read: () => Promise<unknown[]>): Promise<VersionStats[]> {
  const started = performance.now();
  const raw = await read();
  const calls: CallForAnalytics[] = [];
  for (let i = 0; i < raw.length; i += SLICE) {
    for (const details of raw.slice(i, i + SLICE)) {
      const call = callForAnalytics(details);
      if (call) calls.push(call);
    }
    if (i + SLICE < raw.length) await pause();
  }
  const stats = scriptVersionStats(calls);
  performance.measure('cadence:analytics', { start: started, end: performance.now() });
  return stats;
}

function Bar(props: { value: number; max: number }): JSX.Element {
  const width = () => (props.max > 0 ? Math.round((props.value / props.max) * 100) : 0);
  return (
    <span class="bar" aria-hidden="true">
      <span class="bar__fill" style={{ width: `${width()}%` }} />
    </span>
  );
}

/**
 * Analytics per script version, from the calls themselves: how many reached each step, how they ended, the
 * promise rate, the average time per step, and the promise rate after each objection answer used. Tables
 * carry the numbers; the bars only draw them.
 */
export function AnalyticsPanel(props: { scriptId: string; versions: ScriptVersionRecord[] }): JSX.Element {
  const services = useServices();
  const [stats] = createResource(
    () => ({ id: props.scriptId, data: services.dataVersion() }),
    ({ id }) => loadStats(() => services.store.scriptCallDetails(id)),
  );
  const [chosen, setChosen] = createSignal<number | null>(null);
  const current = createMemo(() => {
    const all = stats() ?? [];
    const wanted = chosen();
    return all.find((s) => s.version === wanted) ?? all[all.length - 1];
  });
  const nf = () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const pct = (rate: number) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
  const seconds = (s: number | null) => (s === null ? '—' : t('studio:analytics.seconds', { value: nf().format(s) }));
  const versionScript = (version: number) => props.versions.find((v) => v.version === version)?.script;
  const objectionRows = createMemo(() => {
    const s = current();
    if (!s) return [];
    const script = versionScript(s.version);
    return Object.entries(s.objections).flatMap(([objectionId, answers]) => {
      const objection = script?.objections.find((o) => o.id === objectionId);
      return Object.entries(answers).map(([answer, a]) => ({
        key: `${objectionId}#${answer}`,
        objection: objection?.objection ?? objectionId,
        answer: objection?.answers[Number(answer)] ?? t('studio:analytics.answerN', { n: Number(answer) + 1 }),
        uses: a.uses,
        rate: a.uses ? a.promises / a.uses : 0,
      }));
    });
  });

  return (
    <section class="studio-analytics" aria-labelledby="analytics-title" data-testid="studio-analytics">
      <h2 id="analytics-title">{t('studio:analytics.title')}</h2>
      <Switch fallback={<p role="status">{t('studio:analytics.loading')}</p>}>
        <Match when={stats.error as unknown}>
          <p class="notice notice--error" role="alert">
            {storageErrorMessage(stats.error)}
          </p>
        </Match>
        <Match when={stats() && !current()}>
          <p data-testid="analytics-empty">{t('studio:analytics.empty')}</p>
        </Match>
        <Match when={current()}>
          {(s) => (
            <>
              <div class="field">
                <label for="analytics-version">{t('studio:analytics.version')}</label>
                <select id="analytics-version" class="input" value={s().version} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
                  <For each={stats() ?? []}>{(v) => <option value={v.version}>{t('studio:analytics.versionOption', { version: v.version, count: v.calls })}</option>}</For>
                </select>
              </div>
              <p data-testid="analytics-summary">
                {t('studio:analytics.summary', { count: s().calls, calls: s().calls, rate: pct(s().promiseRate), average: seconds(s().averageSeconds) })}
              </p>
              <div class="table-scroll" tabindex="0" role="region" aria-label={t('studio:analytics.stepsCaption')}>
                <table class="analytics-table" data-testid="analytics-steps">
                  <caption>{t('studio:analytics.stepsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('studio:analytics.step')}</th>
                      <th scope="col">{t('studio:analytics.reached')}</th>
                      <th scope="col">{t('studio:analytics.averageTime')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={STEP_IDS}>
                      {(id, i) => (
                        <tr>
                          <th scope="row">{`${i() + 1}. ${t(`call:steps.${id}`)}`}</th>
                          <td>
                            <span class="bar-cell">
                              <Bar value={s().reached[id]} max={s().calls} />
                              {nf().format(s().reached[id])}
                            </span>
                          </td>
                          <td>{seconds(s().averageStepSeconds[id])}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <div class="table-scroll" tabindex="0" role="region" aria-label={t('studio:analytics.endingsCaption')}>
                <table class="analytics-table" data-testid="analytics-endings">
                  <caption>{t('studio:analytics.endingsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('studio:analytics.ending')}</th>
                      <th scope="col">{t('studio:analytics.calls')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={Object.entries(s().endings).sort((a, b) => b[1] - a[1])}>
                      {([ending, count]) => (
                        <tr>
                          <th scope="row">{t(`call:endings.${ending}`, { defaultValue: ending })}</th>
                          <td>
                            <span class="bar-cell">
                              <Bar value={count} max={s().calls} />
                              {nf().format(count)}
                            </span>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={objectionRows().length > 0} fallback={<p>{t('studio:analytics.noObjections')}</p>}>
                <div class="table-scroll" tabindex="0" role="region" aria-label={t('studio:analytics.objectionsCaption')}>
                  <table class="analytics-table" data-testid="analytics-objections">
                    <caption>{t('studio:analytics.objectionsCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('studio:analytics.objection')}</th>
                        <th scope="col">{t('studio:analytics.answer')}</th>
                        <th scope="col">{t('studio:analytics.uses')}</th>
                        <th scope="col">{t('studio:analytics.promiseRate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={objectionRows()}>
                        {(row) => (
                          <tr>
                            <th scope="row">{row.objection}</th>
                            <td>{row.answer}</td>
                            <td>{nf().format(row.uses)}</td>
                            <td>
                              <span class="bar-cell">
                                <Bar value={row.rate} max={1} />
                                {pct(row.rate)}
                              </span>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
