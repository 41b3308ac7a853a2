/**
 * R3: the agent closes the tab 0, 50, 150 or 299 ms after the last keystroke — with the page's unload
 * handlers run (`runBeforeUnload: true`, like the close button) and with a plain close — then reopens the
 * call: characters lost. The call flushes its newest notes on `pagehide`; this measures whether that lands.
 * Each delay and mode runs with the page's CPU at 1× and at 4× (CDP throttling, a mid-range phone: saves lag
 * further behind the keys). R3_REPEATS (default 3; 1 in `npm test`) closes per combination.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../e2e/browser';
import { callableDebtors } from '../e2e/call-helpers';
import { focusNotesEnd, notesValue, openCallAsWriter, sentence, watchNotes, type NotesLog } from './call-probe';
import { appContext, commonPrefix, countFromEnv, figure, seededRandom } from './harness';

const baseUrl = inject('baseUrl');
const DELAYS_MS = [0, 50, 150, 299];
const CPU_RATES = [1, 4];
const MODES = [
  { id: 'runBeforeUnload', close: { runBeforeUnload: true } },
  { id: 'plain', close: {} },
] as const;

let browser: Browser;
let context: BrowserContext;
let log: NotesLog;
beforeAll(async () => {
  browser = await launch();
  context = await appContext(browser);
  log = await watchNotes(context);
});
afterAll(async () => {
  await browser?.close();
});

/** Types `text` at the end of the notes, waits `delay` ms, closes the tab, reopens the call: what came back. */
async function closeOnce(debtorId: string, cpu: number, close: { runBeforeUnload?: boolean }, delay: number, text: string) {
  const page = await context.newPage();
  await openCallAsWriter(page, baseUrl, debtorId);
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const before = await notesValue(page);
  await focusNotesEnd(page);
  await page.keyboard.type(text, { delay: 8 });
  await new Promise((resolve) => setTimeout(resolve, delay));
  // What the page had reported saved when the close began (as far as the test has heard): the rest rides on
  // the pagehide flush.
  const savedAtClose = log.acknowledged.get(debtorId) ?? before;
  await page.close(close);

  const reopened = await context.newPage();
  await openCallAsWriter(reopened, baseUrl, debtorId);
  const notes = await notesValue(reopened);
  await reopened.close();
  const expected = before + text;
  expect(expected.startsWith(notes), `${cpu}× ${delay} ms: reopened notes are typed text`).toBe(true);
  return { lost: expected.length - commonPrefix(notes, expected), unsaved: expected.length - commonPrefix(savedAtClose, expected) };
}

describe('R3 close the tab right after typing', () => {
  it('reopened notes hold every character typed before the close', { timeout: 20 * 60_000 }, async () => {
    const repeats = countFromEnv('R3_REPEATS', 3);
    const random = seededRandom(3);
    const debtors = callableDebtors();
    const rows: string[] = [];
    let totalTyped = 0;
    let totalLost = 0;
    let totalUnsaved = 0;
    let trial = 0;
    for (const cpu of CPU_RATES) {
      for (const mode of MODES) {
        for (const delay of DELAYS_MS) {
          let typed = 0;
          let lost = 0;
          let unsaved = 0;
          for (let r = 0; r < repeats; r++) {
            const text = sentence(random, 40);
            const outcome = await closeOnce(debtors[trial++ % debtors.length]!.debtor.id, cpu, mode.close, delay, text);
            typed += text.length;
            lost += outcome.lost;
            unsaved += outcome.unsaved;
          }
          rows.push(`${cpu}× ${mode.id} +${delay} ms: ${lost}/${typed} lost (${unsaved} not yet saved at close)`);
          totalTyped += typed;
          totalLost += lost;
          totalUnsaved += unsaved;
        }
      }
    }
    for (const row of rows) console.log(`  ${row}`);
    figure(
      `R3 close-after-typing: ${trial} closes (delays ${DELAYS_MS.join('/')} ms × ${MODES.map((m) => m.id).join('/')} × ${CPU_RATES.join('×/')}× CPU × ${repeats}), ` +
        `${totalTyped} chars typed, ${totalLost} lost (${totalUnsaved} were not yet acknowledged when the close began)`,
    );
    expect(totalLost).toBe(0);
  });
});
