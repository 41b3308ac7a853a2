/**
 * Watching the call's notes reach the disk, from inside the page, for the crash and quota tests.
 *
 * Definitions (the figures count against these):
 * - committed: a `put` into the `calls` store whose read-write transaction fired `complete` (the call's
 *   writes ask for strict durability: flushed to disk first). We keep the notes that put held.
 * - acknowledged: what the page told the agent was saved. The save status marks `cadence:call-saved` once a
 *   write is on disk; at each mark we take the notes of the newest committed put. Both reach the test through
 *   an exposed binding, in order, and whatever the browser sent before it died is still delivered.
 * Notes only grow by typing at the end in these tests, so the newest acknowledged text holds every earlier one.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const CALL = '[data-testid="call"]';
const BINDING = '__reliabilityNotes';

export interface NotesLog {
  /** Notes of the newest committed put, per debtor (one call in progress per debtor). */
  committed: Map<string, string>;
  /** Notes of the newest write the page reported saved, per debtor. */
  acknowledged: Map<string, string>;
  /** How many `cadence:call-saved` marks were seen. */
  marks: number;
  /** The error name of every aborted write to `calls` (e.g. QuotaExceededError), in order. */
  aborts: string[];
  /** Notes of every committed put, in order, per page that wrote them. */
  byPage: Map<Page, string[]>;
}

/** Installed before any app script: wraps IDBObjectStore.put for `calls` and observes the saved marks. */
function notesProbe(binding: string): void {
  const report = (window as unknown as Record<string, (kind: string, debtorId: string, notes: string) => void>)[binding];
  let newest: { debtorId: string; notes: string } | null = null;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function patchedPut(this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = put.call(this, value, key);
    const record = value as { debtorId?: string; envelope?: { snapshot?: { context?: { notes?: unknown } } } } | null;
    const notes = record?.envelope?.snapshot?.context?.notes;
    if (this.name === 'calls' && typeof record?.debtorId === 'string' && typeof notes === 'string') {
      const debtorId = record.debtorId;
      const tx = this.transaction;
      tx.addEventListener('complete', () => {
        newest = { debtorId, notes };
        report?.('committed', debtorId, notes);
      });
      tx.addEventListener('abort', () => report?.('aborted', debtorId, tx.error?.name ?? 'AbortError'));
    }
    return request;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'cadence:call-saved' && newest) report?.('acknowledged', newest.debtorId, newest.notes);
    }
  }).observe({ type: 'mark' });
}

/** Starts logging committed and acknowledged notes for every page of `context`. */
export async function watchNotes(context: BrowserContext): Promise<NotesLog> {
  const log: NotesLog = { committed: new Map(), acknowledged: new Map(), marks: 0, aborts: [], byPage: new Map() };
  await context.exposeBinding(BINDING, (source, kind: string, debtorId: string, notes: string) => {
    if (kind === 'committed') {
      log.committed.set(debtorId, notes);
      const list = log.byPage.get(source.page) ?? [];
      list.push(notes);
      log.byPage.set(source.page, list);
    } else if (kind === 'aborted') log.aborts.push(notes);
    else {
      log.marks++;
      log.acknowledged.set(debtorId, notes);
    }
  });
  await context.addInitScript(notesProbe, BINDING);
  return log;
}

/** Opens `/debtors/:id/call` and waits until this tab writes the call and everything is saved. */
export async function openCallAsWriter(page: Page, baseUrl: string, debtorId: string, timeout = 30_000): Promise<void> {
  await page.goto(`${baseUrl}/debtors/${encodeURIComponent(debtorId)}/call?start=1`);
  await page.waitForSelector(`${CALL}[data-mode="writer"]`, { timeout });
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout });
}

/** Puts the caret at the end of the notes, so typing appends. */
export async function focusNotesEnd(page: Page): Promise<void> {
  await page.focus('#call-notes');
  await page.evaluate(() => {
    const area = document.getElementById('call-notes') as HTMLTextAreaElement;
    area.setSelectionRange(area.value.length, area.value.length);
  });
}

export const notesValue = (page: Page): Promise<string> => page.inputValue('#call-notes');

/** Words an agent would type, accents and punctuation included (typed as text input, like a phone keyboard). */
const WORDS = [
  'le', 'client', 'règle', 'la', 'facture', 'échéance', 'vendredi', 'par', 'virement', 'après', 'validation', 'du', 'gérant',
  'trésorerie', 'tendue', 'avoir', 'attendu', 'relance', 'comptable', 'reçu', '1 500,00 €', 'FA-2026-0101', 'litige', 'livraison',
  'promesse', 'rappeler', 'lundi', '—', 'accord', 'écrit', 'çà', 'déjà', 'payé', 'moitié', 'mardi', 'chèque', 'ok',
];

/** A sentence of about `length` characters drawn with `random`. */
export function sentence(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return text.slice(0, length);
}
