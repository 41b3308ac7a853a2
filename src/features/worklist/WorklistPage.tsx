import { batch, createEffect, createSignal, lazy, Match, on, onCleanup, Show, Suspense, Switch, type JSX } from 'solid-js';
import { seedDemo } from '../../session/seed';
import { resumableCalls, type ResumableCall } from '../../session/resumable-calls';
import { useServices } from '../../session/store-context';
import { useCallLocksWhileShown } from '../../session/team-context';
import { todayIso } from '../../session/today';
import { t } from '../../i18n';
import { formatCount, locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { arrayRows, type RowSource } from './row-source';
import { cachedWorklist, loadWorklist, worklistView, type WorklistData } from './worklist-data';
import '../../styles/worklist.css';

/**
 * The rows (the virtual list and the row view with its date and money formatting) are a separate chunk, fetched
 * as soon as the app starts on the worklist (prefetchRows, from app/routes.tsx): it downloads while IndexedDB
 * opens and the summaries load, so it is ready before there are rows to show, and the shell paints without
 * waiting for it. Opened on another page, the app fetches it when the worklist first shows.
 */
let rowsFetch: Promise<typeof import('./VirtualRows')> | undefined;
const rowsModule = () => (rowsFetch ??= import('./VirtualRows'));
const VirtualRows = lazy(rowsModule);
export const prefetchRows = (): void => void rowsModule().catch(() => undefined);

// Shown only when a call was left mid-way: its code is fetched only then, after the calls were listed.
const ResumeCallBanner = lazy(() => import('../../ui/ResumeCallBanner').then((m) => ({ default: m.ResumeCallBanner })));

/**
 * Summaries an older version wrote are rebuilt once per page load, in the background (short transactions with
 * pauses), then the list reloads with them: those written before the payment-history segment existed (their
 * rows show no segment until then) and those in format 1 (read through a conversion meanwhile, same rows).
 */
let staleSummariesRefreshed = false;

const longDateFormats = new Map<string, Intl.DateTimeFormat>();
/** Kept per locale: building a full-date formatter costs milliseconds, every time the page opens otherwise. */
function longDateFormat(loc: string): Intl.DateTimeFormat {
  let f = longDateFormats.get(loc);
  if (!f) {
    f = new Intl.DateTimeFormat(loc, { dateStyle: 'full', timeZone: 'UTC' });
    longDateFormats.set(loc, f);
  }
  return f;
}

/** Home: today's debtors in priority order (see src/domain/worklist.ts), searchable, virtualised. */
export function WorklistPage(): JSX.Element {
  const services = useServices();
  const today = todayIso();
  const [data, setData] = createSignal<WorklistData>();
  const [loaded, setLoaded] = createSignal(0);
  const [failure, setFailure] = createSignal<string>();
  const [query, setQuery] = createSignal(worklistView.query);
  const [results, setResults] = createSignal<RowSource>(arrayRows([]));
  const [appliedQuery, setAppliedQuery] = createSignal('');
  let searchSeq = 0;
  usePageTitle(() => t('worklist:title'));
  // Connected to a team: rows show who else is on a call (WorklistRowView), kept fresh while this page shows.
  useCallLocksWhileShown();
  // A signal, not a resource: the list must never wait (suspend) on this read.
  /**
   * Calls to resume, known before the rows show: the banner sits above them, and coming in after them it
   * pushed every row down (Lighthouse's layout shift, 0.12 on a phone). Its code is fetched when needed, with
   * its words and the debtors' names.
   */
  const [resumable, setResumable] = createSignal<ResumableCall[] | undefined>();
  void resumableCalls(services.store, undefined, () => ResumeCallBanner.preload())
    .then(
      (calls) => {
        setResumable(calls);
        // The banner in this task, the rows in the next: one task for both blocked a phone's page longer.
        if (calls.length === 0) setBannerSettled(true);
        else setTimeout(() => setBannerSettled(true), 0);
      },
      () => setBannerSettled(true),
    );
  const [bannerSettled, setBannerSettled] = createSignal(false);
  /** The rows once the banner above them is settled. */
  const shown = () => (bannerSettled() ? data() : undefined);

  /**
   * No debounce: the worker holding the search keys answers each keystroke with the positions of the matching
   * rows (see ./worklist.worker.ts), so this thread only swaps the rows in view. An answer to a keystroke that
   * a later one superseded is dropped.
   */
  const runSearch = async (raw: string) => {
    const d = data();
    if (!d) return;
    const seq = ++searchSeq;
    const found = await d.search(raw).catch(() => undefined);
    if (seq !== searchSeq || !found || d !== data()) return;
    // One update for both: the rows, the count and the empty state are worked out once per answer, not twice.
    batch(() => {
      setResults(found);
      setAppliedQuery(raw.trim());
    });
    // Scrolling needs layout: in the frame, which lays the new rows out anyway, not in this task.
    requestAnimationFrame(() => {
      if (window.scrollY > 0) window.scrollTo({ top: 0 });
      performance.mark('cadence:search-done');
    });
  };

  const onInput = (value: string) => {
    // The worker first: it searches while this thread finishes handling the input event.
    void runSearch(value);
    setQuery(value);
    worklistView.query = value;
  };

  createEffect(
    on(services.dataVersion, async (version) => {
      const hit = cachedWorklist(services.store, version, today);
      // While the rows load (in a worker, mostly), this thread is idle: build the row formatters now.
      if (!hit) void rowsModule().then((m) => setTimeout(() => m.warmRowFormatters(today), 0));
      setFailure(undefined);
      setData(undefined);
      try {
        const next = hit ?? (await loadWorklist(services.store, version, today, setLoaded));
        if (version !== services.dataVersion()) return;
        // A search left behind (back from a dossier) is applied before the rows show, never after.
        const q = query();
        const shown = q.trim() === '' ? next.rows : await next.search(q).catch(() => next.rows);
        if (version !== services.dataVersion()) return;
        searchSeq++;
        setResults(shown);
        setAppliedQuery(shown === next.rows ? '' : q.trim());
        setData(next);
        // A keystroke typed while the rows loaded was answered here, not by runSearch: say it is painted too.
        if (q.trim() !== '') requestAnimationFrame(() => performance.mark('cadence:search-done'));
        if (next.staleIds.length > 0 && !staleSummariesRefreshed) {
          staleSummariesRefreshed = true;
          // A failure leaves the rows as they are (without a segment): nothing the agent must act on.
          void services.store.refreshSummaries(next.staleIds).then(services.dataChanged, () => undefined);
        }
      } catch (error) {
        setFailure(storageErrorMessage(error));
      }
    }),
  );

  // Coming back from a dossier lands on the row the agent left.
  const restoreScroll = () => {
    performance.mark('cadence:worklist-ready');
    // The search keys come once the rows are painted: received during the opening, they made a 60 ms task
    // there at 4× CPU.
    const shownNow = data();
    setTimeout(() => shownNow?.prepareSearch(), 0);
    const y = worklistView.scrollY;
    worklistView.scrollY = 0;
    if (y > 0) window.scrollTo({ top: y });
  };
  onCleanup(() => {
    worklistView.scrollY = window.scrollY;
  });

  const [loadingDemo, setLoadingDemo] = createSignal(false);
  /** The demo was asked for from the empty list: once its rows show, the keyboard goes on from the search. */
  let landOnSearch = false;
  let searchInput: HTMLInputElement | undefined;
  createEffect(() => {
    // Read first, so the effect follows the rows whether or not the demo was asked for yet.
    const count = shown()?.debtorCount ?? 0;
    if (!landOnSearch || count === 0) return;
    landOnSearch = false;
    searchInput?.focus();
  });
  const loadDemo = async () => {
    if (loadingDemo()) return;
    setLoadingDemo(true);
    landOnSearch = true;
    try {
      await seedDemo(services.store, today);
      services.dataChanged();
    } catch (error) {
      landOnSearch = false;
      setFailure(storageErrorMessage(error));
    } finally {
      setLoadingDemo(false);
    }
  };

  const countText = () => {
    const d = data();
    if (!d) return '';
    const n = results().length;
    return appliedQuery() === ''
      ? t('worklist:count', { count: n, n: formatCount(n) })
      : t('worklist:resultCount', { count: n, n: formatCount(n), query: appliedQuery() });
  };

  const todayLong = () => longDateFormat(locale()).format(new Date(`${today}T00:00:00Z`));

  return (
    <section
      class="page page--worklist"
      data-testid="worklist"
      data-state={shown() ? 'ready' : 'loading'}
      data-count={shown() ? results().length : 0}
    >
      <div class="wl-head">
        <h1>{t('worklist:title')}</h1>
        <p class="muted wl-today">{todayLong()}</p>
      </div>
      <div class="wl-toolbar">
        <label class="wl-search-label" for="worklist-search">
          {t('worklist:search.label')}
        </label>
        <input
          id="worklist-search"
          ref={searchInput}
          class="input wl-search"
          type="search"
          data-testid="worklist-search"
          value={query()}
          placeholder={t('worklist:search.placeholder')}
          autocomplete="off"
          spellcheck={false}
          enterkeyhint="search"
          aria-describedby="worklist-count"
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <p id="worklist-count" class="wl-count" role="status">
          {countText()}
        </p>
      </div>
      {/* Below the search, which shows at once: only the rows wait for it, so nothing moves when it comes. */}
      <Show when={(resumable() ?? []).length > 0}>
        <Suspense>
          <ResumeCallBanner scope="*" load={() => Promise.resolve(resumable() ?? [])} />
        </Suspense>
      </Show>
      <Switch>
        <Match when={failure()}>
          {(message) => (
            <p class="notice notice--error" role="alert">
              {message()}
            </p>
          )}
        </Match>
        <Match when={!shown()}>
          <p class="wl-loading" role="status">
            {loaded() > 0 ? t('worklist:loadingCount', { n: formatCount(loaded()) }) : t('loading')}
          </p>
        </Match>
        <Match when={shown()?.debtorCount === 0}>
          <div class="empty">
            <h2>{t('worklist:empty.noData')}</h2>
            <p>{t('worklist:empty.noDataHint')}</p>
            <button type="button" class="btn btn--primary" data-testid="empty-load-demo" aria-disabled={loadingDemo()} onClick={() => void loadDemo()}>
              {t('worklist:empty.loadDemo')}
            </button>
            <a href="/settings/import" class="btn" data-testid="empty-import">
              {t('worklist:empty.importFile')}
            </a>
          </div>
        </Match>
        <Match when={shown()?.rows.length === 0}>
          <div class="empty">
            <h2>{t('worklist:empty.nothingDue')}</h2>
          </div>
        </Match>
        <Match when={results().length === 0}>
          <div class="empty">
            <h2>{t('worklist:empty.noMatch', { query: appliedQuery() })}</h2>
            <p>{t('worklist:empty.noMatchHint')}</p>
          </div>
        </Match>
        <Match when={shown()}>
          <div class="wl-columns" aria-hidden="true">
            <span>{t('worklist:col.company')}</span>
            <span class="num">{t('worklist:col.overdue')}</span>
            <span class="num">{t('worklist:col.daysLate')}</span>
            <span>{t('worklist:col.lastAction')}</span>
            <span>{t('worklist:col.nextAction')}</span>
          </div>
          <Suspense fallback={<p class="wl-loading">{t('loading')}</p>}>
            <VirtualRows rows={results()} today={today} onPainted={restoreScroll} />
          </Suspense>
        </Match>
      </Switch>
    </section>
  );
}
