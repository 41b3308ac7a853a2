/**
 * Trainees' scores reach their lead (issue 14, "Scripts and training travel"). B, an agent on a phone joined
 * to the team, finishes a simulation: the debrief says the score goes to the lead, and A (the admin, a lead's
 * rights) reads it on the training team view with B's name as the server knows it. B's second simulation,
 * finished with no network, waits in B's outbox: A does not have it until B is back online.
 * The new table passes axe and does not scroll sideways at 390 and 320 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectAccessibleAndFitting } from './browser';
import { AGENT, joinedTeamWorld } from './team-setup';

const baseUrl = inject('baseUrl');
const world = joinedTeamWorld(baseUrl);

/** Picks the phrasing with this fault label and says it; waits for the debtor's answer (or the debrief). */
async function say(page: Page, fault: string): Promise<void> {
  await page.check(`[data-testid="sim-phrasing"][data-fault="${fault}"]`);
  await page.click('[data-testid="sim-say"]');
}

async function finishWell(page: Page): Promise<number> {
  await page.goto(`${baseUrl}/training/cheque-in-the-post`);
  await page.waitForSelector('[data-testid="sim-composer"]');
  for (let step = 0; step < 10; step++) {
    await say(page, 'good');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sim-log"] [data-speaker="debtor"]').length === n, step + 1);
  }
  await page.waitForSelector('[data-testid="debrief"]');
  return Number(await page.getAttribute('[data-testid="debrief-score"]', 'data-score'));
}

/** The rows of the lead's "scores sent by the team's trainees" table, read again from the server. */
async function leadSees(page: Page): Promise<{ trainee: string; score: number }[]> {
  await page.click('[data-testid="team-scores-refresh"]');
  await page.waitForSelector('[data-testid="team-scores-table"], [data-testid="team-scores-empty"]');
  return page.$$eval('[data-testid="team-score-row"]', (rows) =>
    rows.map((r) => ({ trainee: r.querySelector('th')?.textContent?.trim() ?? '', score: Number(r.querySelector('td.num')?.textContent) })),
  );
}

describe("a trainee's score on the lead's screen", () => {
  it('reaches the lead at the next sync; finished offline, it waits for the network', async () => {
    const { a, b, contextB } = world();
    await a.goto(`${baseUrl}/training/team`);
    await a.waitForSelector('[data-testid="team-scores-empty"]', { timeout: 20_000 });

    const score = await finishWell(b);
    await b.waitForFunction(() => /responsable/.test(document.querySelector('[data-testid="debrief-saved"]')?.textContent ?? ''));
    await expect.poll(() => leadSees(a), { timeout: 20_000, interval: 500 }).toEqual([{ trainee: AGENT.name, score }]);

    // Offline, the next score waits on B's device.
    await contextB.setOffline(true);
    await b.click('[data-testid="debrief-retry"]');
    await b.waitForSelector('[data-testid="sim-composer"]');
    await b.waitForFunction(() => document.querySelectorAll('[data-testid="sim-log"] li').length === 0);
    const second = await (async () => {
      for (let step = 0; step < 10; step++) {
        await say(b, 'good');
        await b.waitForFunction((n) => document.querySelectorAll('[data-testid="sim-log"] [data-speaker="debtor"]').length === n, step + 1);
      }
      await b.waitForSelector('[data-testid="debrief"]');
      return Number(await b.getAttribute('[data-testid="debrief-score"]', 'data-score'));
    })();
    await b.waitForFunction(() => /responsable/.test(document.querySelector('[data-testid="debrief-saved"]')?.textContent ?? ''));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await leadSees(a)).toHaveLength(1);
    await contextB.setOffline(false);
    await expect.poll(async () => (await leadSees(a)).length, { timeout: 20_000, interval: 500 }).toBe(2);
    expect((await leadSees(a)).map((r) => r.score).sort()).toEqual([score, second].sort());

    // The lead's table on a phone and at 320 px: axe-clean, no sideways scroll.
    for (const width of [390, 320]) {
      await a.setViewportSize({ width, height: 844 });
      await a.waitForSelector('[data-testid="team-scores-table"]');
      await expectAccessibleAndFitting(a, `training team view with the team's scores at ${width} px`, 'phone');
      if (width === 390 && process.env.CADENCE_SCREENSHOTS) await a.screenshot({ path: `${process.env.CADENCE_SCREENSHOTS}/training-team-scores-390.png` });
    }
  });
});
