/**
 * Scripts evaluated inside the app page. Playwright sends each function's source alone, so none may use an
 * import or call another function of this module: shared bits are inlined.
 */

/** Installed before any app script: long tasks (buffered) and the timestamp of the latest keydown. */
export function installProbes() {
  window.__bench = { longTasks: [], lastKeyAt: Infinity, sawSeedProgress: false };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Older engines lack longtask: the figure is then reported as missing, never as zero.
    window.__bench.longTasks = null;
  }
  // Characters outside the keyboard layout (é, ç…) arrive as text input without a keydown: take the
  // earliest of the two, reset to Infinity by the driver before each keystroke.
  const onKey = (e) => { window.__bench.lastKeyAt = Math.min(window.__bench.lastKeyAt, e.timeStamp); };
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('beforeinput', onKey, true);
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="seed-progress"]')) window.__bench.sawSeedProgress = true;
  }).observe(document, { subtree: true, childList: true });
}

/**
 * Truthy once the large seed is over: the worklist is ready with at least `min` rows, or with whatever it
 * holds after the progress bar came and went (the caller checks the stored counts), or `{ failed }` when the
 * seed screen shows an alert.
 */
export function largeSeedDone(min) {
  const failure = document.querySelector('[data-testid="seed-progress"]') && document.querySelector('[role="alert"]');
  if (failure) return { failed: failure.textContent.trim() };
  const list = document.querySelector('[data-testid="worklist"]');
  if (!list || list.getAttribute('data-state') !== 'ready') return false;
  if (Number(list.getAttribute('data-count')) >= min) return true;
  return window.__bench.sawSeedProgress && !document.querySelector('[data-testid="seed-progress"]');
}

export function worklistCount() {
  return Number(document.querySelector('[data-testid="worklist"]')?.getAttribute('data-count') ?? NaN);
}

/** Longest long task that started in [from, to) (ms since navigation start), or null when unobservable. */
export function longestTask([from, to]) {
  const tasks = window.__bench.longTasks;
  if (!tasks) return null;
  return tasks.filter((t) => t.start >= from && t.start < to).reduce((m, t) => Math.max(m, t.duration), 0);
}

/** Records per store in the app's database, to tell a finished large seed from a partial one. */
export async function storedCounts(stores) {
  // The app's database ('cadence'), not one a library may add beside it. Inlined: these run in the page.
  const names = (await indexedDB.databases()).map((d) => d.name).filter(Boolean);
  const name = names.includes('cadence') ? 'cadence' : names[0];
  if (!name) return {};
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const counts = {};
  for (const store of stores) {
    counts[store] = await new Promise((resolve, reject) => {
      // Since database v11 the invoices live in their debtors' blocks: counted on the index of their ids.
      const blocks = store === 'invoices' && !db.objectStoreNames.contains('invoices');
      const req = blocks ? db.transaction('invoiceBlocks').objectStore('invoiceBlocks').index('invoiceIds').count() : db.transaction(store).objectStore(store).count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  db.close();
  return counts;
}

/**
 * A real company name and one of its overdue invoice numbers, read from the app's worklist digests, so the
 * queries match rows whatever names the generator invents: the first debtor with an overdue item after `skip` summaries.
 */
export async function pickQueries(skip) {
  // The app's database ('cadence'), not one a library may add beside it. Inlined: these run in the page.
  const names = (await indexedDB.databases()).map((d) => d.name).filter(Boolean);
  const name = names.includes('cadence') ? 'cadence' : names[0];
  if (!name) return { company: null, invoice: null };
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const summary = await new Promise((resolve, reject) => {
    const req = db.transaction('summaries').objectStore('summaries').openCursor();
    let advanced = false;
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(undefined);
      if (!advanced && skip > 0) {
        advanced = true;
        return cursor.advance(skip);
      }
      if (cursor.value.openItems?.length) return resolve(cursor.value);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
  // Summaries hold no invoice numbers (format 2): the debtor's oldest unpaid invoice, as the summary orders
  // its open items (due date, then number), is read from the invoices themselves.
  const invoices = summary
    ? await new Promise((resolve, reject) => {
        // Since database v11 a debtor's invoices are one block, keyed by the debtor.
        const req = db.transaction('invoiceBlocks').objectStore('invoiceBlocks').get(summary.debtorId);
        req.onsuccess = () => resolve(req.result?.invoices ?? []);
        req.onerror = () => reject(req.error);
      })
    : [];
  db.close();
  const open = invoices
    .filter((i) => i.status !== 'paid' && i.amountInclVatCents > i.amountPaidCents)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return { company: summary?.name ?? null, invoice: open[0]?.number ?? null };
}
