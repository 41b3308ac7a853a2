/**
 * `/kpis`: the team's collection KPIs month by month (domain/kpis/kpis.ts documents each one), for the whole
 * team, one agent or one segment. Computed in a worker; every chart has the table of its figures; the table
 * exports as CSV (French Excel) and each chart as PNG. The unit costs of the cost per claim are set here.
 */
import { createMemo, createResource, createSignal, For, lazy, Match, Show, Suspense, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { cents, num, text, toExcelCsv } from '../../domain/export/csv';
import { formatDate, formatMoney } from '../../domain/format';
import { AGE_BUCKETS, type KpiCosts, type MonthKpis } from '../../domain/kpis/kpis';
import { HISTORY_SEGMENTS } from '../../domain/segmentation/history-segment';
import { t } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { putKpiCosts } from '../../storage/kpi-source';
import { formatCount, locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { downloadBlob, downloadText } from '../../ui/download';
import { storageErrorMessage } from '../../ui/storage-error';
import { composeChartPng } from './chart-png';
import { loadKpis } from './load-kpis';
import { monthLabel } from './month-label';
import './kpis.css';

const KpiChart = lazy(() => import('./KpiChart'));

/** The definitions shown under the tables (domain/kpis/kpis.ts holds the exact rules). */
const DEFINITIONS = ['receivables', 'sales', 'collected', 'dsoSimple', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent', 'cei', 'recoveryRate', 'promiseKept', 'rightPartyContact', 'costPerClaim', 'null'] as const;
const COLUMNS = ['receivables', 'sales', 'collected', 'dsoSimple', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent', 'cei', 'recoveryRate', 'promiseKeptCount', 'promiseKeptAmount', 'rightPartyContact', 'costPerClaim'] as const;


export default function KpisPage(): JSX.Element {
  const services = useServices();
  // The chart's code (uPlot) is fetched while the worker computes, not once the report is in.
  void KpiChart.preload();
  usePageTitle(() => t('kpis:title'));
  const [data, { refetch }] = createResource(
    () => services.dataVersion(),
    async () => {
      const loaded = await loadKpis(services.store.databaseName, todayIso());
      // For `npm run bench -- --only=kpis`: when the report arrived, and what the worker spent where.
      performance.mark('cadence:kpis-ready', { detail: { ...loaded.timings, fromRecords: loaded.fromRecords } });
      return loaded;
    },
  );
  const [group, setGroup] = createSignal('*');
  const series = createMemo((): MonthKpis[] => {
    const r = data.latest?.report;
    if (!r) return [];
    const g = group();
    if (g.startsWith('a:')) return r.byAgent[g.slice(2)] ?? [];
    if (g.startsWith('s:')) return r.bySegment[g.slice(2)] ?? [];
    if (g.startsWith('h:')) return r.byHistory[g.slice(2)] ?? [];
    return r.overall;
  });
  const money = (c: number) => formatMoney(Math.round(c), locale());
  const days = (d: number | null) => (d === null ? '—' : t('kpis:days', { n: d.toFixed(1).replace('.', locale().startsWith('fr') ? ',' : '.') }));
  const pct = (r: number | null, scale = 100) => (r === null ? '—' : `${(r * scale).toFixed(1).replace('.', locale().startsWith('fr') ? ',' : '.')} %`);
  const cell = (m: MonthKpis, c: (typeof COLUMNS)[number]): string => {
    switch (c) {
      case 'receivables': return money(m.receivablesCents);
      case 'sales': return money(m.salesCents);
      case 'collected': return money(m.collectedCents);
      case 'dsoSimple': return days(m.dsoSimple);
      case 'dsoCountback': return days(m.dsoCountback);
      case 'bestPossibleDso': return days(m.bestPossibleDso);
      case 'averageDaysDelinquent': return days(m.averageDaysDelinquent);
      case 'cei': return pct(m.cei, 1);
      case 'recoveryRate': return pct(m.recoveryRate);
      case 'promiseKeptCount': return pct(m.promiseKeptRateCount);
      case 'promiseKeptAmount': return pct(m.promiseKeptRateAmount);
      case 'rightPartyContact': return pct(m.rightPartyContactRate);
      case 'costPerClaim': return m.costPerClaimCents === null ? '—' : money(m.costPerClaimCents);
    }
  };
  const csv = () => {
    const rows = series().map((m) => [
      text(m.month),
      cents(Math.round(m.receivablesCents)),
      cents(Math.round(m.salesCents)),
      cents(Math.round(m.collectedCents)),
      num(m.dsoSimple, 1),
      num(m.dsoCountback, 1),
      num(m.bestPossibleDso, 1),
      num(m.averageDaysDelinquent, 1),
      num(m.cei, 1),
      num(m.recoveryRate === null ? null : m.recoveryRate * 100, 1),
      num(m.promiseKeptRateCount === null ? null : m.promiseKeptRateCount * 100, 1),
      num(m.promiseKeptRateAmount === null ? null : m.promiseKeptRateAmount * 100, 1),
      num(m.rightPartyContactRate === null ? null : m.rightPartyContactRate * 100, 1),
      m.costPerClaimCents === null ? num(null) : cents(m.costPerClaimCents),
    ]);
    downloadText(`cadence-kpis-${todayIso()}.csv`, toExcelCsv([t('kpis:month'), ...COLUMNS.map((c) => t(`kpis:col.${c}`))], rows), 'text/csv');
  };
  /** The group shown, in words, as the select names it. */
  const groupLabel = (): string => {
    const g = group();
    if (g.startsWith('a:')) return t('kpis:pngGroup', { by: t('kpis:byAgent'), name: g.slice(2) });
    if (g.startsWith('s:')) return t('kpis:pngGroup', { by: t('kpis:bySegment'), name: t(`kpis:segment.${g.slice(2)}`) });
    if (g.startsWith('h:')) return t('kpis:pngGroup', { by: t('kpis:byHistory'), name: t(`kpis:history.${g.slice(2)}`) });
    return t('kpis:team');
  };
  const DSO_SERIES = [
    { key: 'dsoSimple', color: '#1d4e89' },
    { key: 'dsoCountback', color: '#b5541c' },
    { key: 'bestPossibleDso', color: '#2f7d32' },
  ] as const;
  let dsoCanvas: HTMLCanvasElement | undefined;
  // The image says what it shows: title, group and period, legend and date drawn around uPlot's canvas.
  const png = () => {
    const months = data.latest?.report.months ?? [];
    if (!dsoCanvas || months.length === 0) return;
    const composed = composeChartPng(
      dsoCanvas,
      {
        title: t('kpis:dsoChart'),
        subtitle: t('kpis:pngSubtitle', { group: groupLabel(), from: monthLabel(months[0] as string, locale()), to: monthLabel(months.at(-1) as string, locale()) }),
        axes: t('kpis:pngAxes'),
        legend: DSO_SERIES.map((s) => ({ label: t(`kpis:col.${s.key}`), color: s.color })),
        footer: t('kpis:pngMade', { date: formatDate(todayIso(), locale()) }),
      },
      window.devicePixelRatio || 1,
    );
    composed.toBlob((blob) => blob && downloadBlob(`cadence-dso-${todayIso()}.png`, blob), 'image/png');
  };

  const [costsNotice, setCostsNotice] = createSignal('');
  const saveCosts = async (form: HTMLFormElement) => {
    const read = (name: string) => Math.round(Number(String(new FormData(form).get(name) ?? '').replace(',', '.')) * 100);
    const costs: KpiCosts = { schemaVersion: 1, hourlyCents: read('hourly'), letterCents: read('letter'), registeredLetterCents: read('registered') };
    if (![costs.hourlyCents, costs.letterCents, costs.registeredLetterCents].every((v) => Number.isInteger(v) && v >= 0)) return setCostsNotice(t('kpis:costs.invalid'));
    const name = services.store.databaseName;
    if (!name) return;
    const db = await openCadenceDb(name);
    try {
      await putKpiCosts(idbRecords(db), costs);
      setCostsNotice(t('kpis:costs.saved'));
      void refetch();
    } catch (error) {
      setCostsNotice(storageErrorMessage(error));
    } finally {
      db.close();
    }
  };
  const euros = (c: number) => (c / 100).toFixed(2).replace('.', ',');

  return (
    <section class="page kpis-page" data-testid="kpis-page" aria-labelledby="kpis-title">
      <h1 id="kpis-title">{t('kpis:title')}</h1>
      <Switch fallback={<p role="status">{t('kpis:computing')}</p>}>
        <Match when={data.error as unknown}>
          <p role="alert">{storageErrorMessage(data.error)}</p>
        </Match>
        {/* `latest`, not `data()`: a refetch (the costs saved) keeps the report, and the keyboard's focus, where it is. */}
        <Match when={data.latest}>
          {(d) => (
            <>
              <p class="muted">{t('kpis:intro', { debtors: formatCount(d().debtors) })}</p>
              <Show when={d().skipped > 0}>
                <p role="status" data-testid="kpis-skipped">{t('kpis:skipped', { count: d().skipped, n: formatCount(d().skipped) })}</p>
              </Show>
              <label class="kpis-group">
                {t('kpis:group')}
                <select class="input" data-testid="kpis-group" value={group()} onChange={(e) => setGroup(e.currentTarget.value)}>
                  <option value="*">{t('kpis:team')}</option>
                  <optgroup label={t('kpis:byAgent')}>
                    <For each={Object.keys(d().report.byAgent).sort()}>{(a) => <option value={`a:${a}`}>{a}</option>}</For>
                  </optgroup>
                  <optgroup label={t('kpis:bySegment')}>
                    <For each={Object.keys(d().report.bySegment).sort()}>{(s) => <option value={`s:${s}`}>{t(`kpis:segment.${s}`)}</option>}</For>
                  </optgroup>
                  <optgroup label={t('kpis:byHistory')}>
                    <For each={HISTORY_SEGMENTS.filter((h) => d().report.byHistory[h])}>{(h) => <option value={`h:${h}`}>{t(`kpis:history.${h}`)}</option>}</For>
                  </optgroup>
                </select>
              </label>
              <div class="kpis-actions">
                <button type="button" class="btn" data-testid="kpis-csv" onClick={csv}>
                  {t('kpis:exportCsv')}
                </button>
                <button type="button" class="btn" data-testid="kpis-png" onClick={png}>
                  {t('kpis:exportPng')}
                </button>
              </div>
              <h2>{t('kpis:dsoChart')}</h2>
              <Suspense fallback={<p role="status">{t('kpis:chartLoading')}</p>}>
                {/* Keyed on the series itself: another group draws a new chart, and the PNG's subtitle stays true. */}
                <Show when={series().length > 0 && series()} keyed>
                  <KpiChart
                    months={d().report.months}
                    locale={locale()}
                    xLabel={t('kpis:month')}
                    formatValue={(v) => days(v)}
                    onCanvas={(c) => (dsoCanvas = c)}
                    series={DSO_SERIES.map((s) => ({ label: t(`kpis:col.${s.key}`), values: series().map((m) => m[s.key]), color: s.color }))}
                  />
                </Show>
              </Suspense>
              <div class="table-scroll" tabindex="0" role="region" aria-label={t('kpis:tableCaption')}>
                <table class="kpis-table" data-testid="kpis-table">
                  <caption>{t('kpis:tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('kpis:month')}</th>
                      <For each={COLUMNS}>{(c) => <th scope="col">{t(`kpis:col.${c}`)}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={series()}>
                      {(m) => (
                        <tr>
                          <th scope="row">{monthLabel(m.month, locale())}</th>
                          <For each={COLUMNS}>{(c) => <td>{cell(m, c)}</td>}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={series().at(-1)}>
                {(last) => (
                  <div class="table-scroll" tabindex="0" role="region" aria-label={t('kpis:bucketsCaption')}>
                    <table class="kpis-table" data-testid="kpis-buckets">
                      <caption>{t('kpis:bucketsCaption')}</caption>
                      <thead>
                        <tr>
                          <For each={AGE_BUCKETS}>{(b) => <th scope="col">{t(`kpis:bucket.${b}`)}</th>}</For>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <For each={AGE_BUCKETS}>{(b) => <td>{money(last().buckets[b])}</td>}</For>
                        </tr>
                      </tbody>
                    </table>
                  </div>
                )}
              </Show>
              <details class="card kpis-definitions" data-testid="kpis-definitions">
                <summary>{t('kpis:definitions.title')}</summary>
                <ul>
                  <For each={DEFINITIONS}>{(key) => <li>{t(`kpis:definitions.${key}`)}</li>}</For>
                </ul>
              </details>
              <form
                class="card kpis-costs"
                data-testid="kpis-costs"
                onSubmit={(e) => {
                  e.preventDefault();
                  void saveCosts(e.currentTarget);
                }}
              >
                <h2>{t('kpis:costs.title')}</h2>
                <label>
                  {t('kpis:costs.hourly')}
                  <input class="input" name="hourly" inputmode="decimal" value={euros(d().costs.hourlyCents)} />
                </label>
                <label>
                  {t('kpis:costs.letter')}
                  <input class="input" name="letter" inputmode="decimal" value={euros(d().costs.letterCents)} />
                </label>
                <label>
                  {t('kpis:costs.registered')}
                  <input class="input" name="registered" inputmode="decimal" value={euros(d().costs.registeredLetterCents)} />
                </label>
                <button type="submit" class="btn">
                  {t('kpis:costs.save')}
                </button>
                <Show when={costsNotice()}>
                  <p role="status">{costsNotice()}</p>
                </Show>
              </form>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
