/**
 * The team, in two browser profiles against the real team server and a throwaway PostgreSQL (Debian's
 * binaries, started here: .ci/run installs the `postgresql` package). A is the admin, on a laptop; B an agent,
 * on a phone, invited by A through the app. Both sign in with the keyboard. B's role comes from the server:
 * the local switch is gone and the lead controls stay hidden even though B's device had been switched to
 * "lead" before. When A starts a call with a debtor, B's worklist shows "on a call with A" on that row;
 * when A hangs up, it goes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdmin } from '../../server/src/admin/create-admin';
import { buildServer, type TeamServer } from '../../server/src/app';
import { configFromEnv } from '../../server/src/config';
import { startCluster, type Cluster } from '../../server/src/db/cluster';
import { migrate } from '../../server/src/db/database';
import { becomeLead, openWorklist, search } from './app';
import { contextOptions, expectAccessibleAndFitting, launch } from './browser';
import { callableDebtors, finishFromCommitments, inDays, openCall, overdueInvoices, waitCommitted, walkToCommitments } from './call-helpers';

const baseUrl = inject('baseUrl');
const ADMIN = { email: 'camille@equipe.test', name: 'Camille Admin', password: 'admin password 2026' };
const AGENT = { email: 'sam@equipe.test', name: 'Sam Agent', password: 'agent password 2026' };

let cluster: Cluster;
let server: TeamServer;
let serverUrl: string;
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let a: Page;
let b: Page;

beforeAll(async () => {
  cluster = await startCluster({ fast: true });
  const ownerUrl = cluster.url('postgres');
  await migrate(ownerUrl);
  await createAdmin(ownerUrl, { email: ADMIN.email, team: 'Recouvrement Nord', displayName: ADMIN.name, password: ADMIN.password });
  const config = configFromEnv({ DATABASE_URL: ownerUrl, PORT: '0', LOG_LEVEL: 'silent', ALLOWED_ORIGINS: new URL(baseUrl).origin });
  server = await buildServer(config);
  serverUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launch();
  contextA = await browser.newContext(contextOptions('laptop'));
  contextB = await browser.newContext(contextOptions('phone'));
  a = await contextA.newPage();
  b = await contextB.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cluster?.stop();
});

/** Types into the focused field, then Tab: the sign-in form is filled from the keyboard alone. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function openTeamSettings(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/settings/team`);
  await page.waitForSelector('[data-testid="team-section"] [data-testid="team-status"]', { timeout: 30_000 });
}

describe('a team of two devices', () => {
  it('the admin signs in with the keyboard and invites an agent', async () => {
    await openWorklist(a, baseUrl);
    await openTeamSettings(a);
    await expectAccessibleAndFitting(a, 'Settings → Team, signed out', 'laptop');
    await a.focus('#team-serverUrl');
    await typeAndTab(a, serverUrl);
    expect(await a.evaluate(() => document.activeElement?.id)).toBe('team-email');
    await typeAndTab(a, ADMIN.email);
    await a.keyboard.type('not the password');
    await a.keyboard.press('Enter');
    await a.waitForFunction(() => (document.querySelector('[data-testid="team-signin-error"]')?.textContent ?? '').length > 5);
    expect(await a.textContent('[data-testid="team-signin-error"]')).toContain('incorrect');

    await a.fill('#team-password', '');
    await a.focus('#team-password');
    await a.keyboard.type(ADMIN.password);
    await a.keyboard.press('Enter');
    await a.waitForSelector('[data-testid="team-role"][data-role="admin"]');
    // A's device holds the demo portfolio: the first connection asks what to do with it. The admin sends it
    // to the team (the focused first choice), so the agent's device can start from the team's data.
    await a.waitForSelector('[data-testid="first-connection"][open]');
    expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('first-upload');
    await a.keyboard.press('Enter');
    await a.waitForSelector('[data-testid="first-connection"]:not([open])', { state: 'attached', timeout: 60_000 });
    await a.waitForFunction(() => (document.querySelector('[data-testid="team-status"]')?.textContent ?? '').includes('En ligne'), undefined, { timeout: 60_000 });

    await a.focus('#invite-email');
    await a.keyboard.type(AGENT.email);
    await a.selectOption('#invite-role', 'agent');
    await a.keyboard.press('Enter');
    await a.waitForSelector('[data-testid="invite-link"]');
    await expectAccessibleAndFitting(a, 'Settings → Team, signed in as admin', 'laptop');
  });

  it('the agent, whose device had been switched to lead, joins: the role comes from the server', async () => {
    const link = await a.inputValue('[data-testid="invite-link"]');
    expect(new URL(link).pathname).toBe('/join');
    await openWorklist(b, baseUrl);
    await becomeLead(b, baseUrl);

    await b.goto(link);
    await b.waitForSelector('#join-name');
    await b.focus('#join-name');
    await typeAndTab(b, AGENT.name);
    await b.keyboard.type('too short');
    await b.keyboard.press('Enter');
    await b.waitForSelector('#join-password[aria-invalid="true"]');
    await b.fill('#join-password', '');
    await b.focus('#join-password');
    await b.keyboard.type(AGENT.password);
    await b.keyboard.press('Enter');
    await b.waitForSelector('[data-testid="join-done"]');

    await openTeamSettings(b);
    await b.waitForSelector('[data-testid="team-role"][data-role="agent"]');
    // B's own demo data is replaced by the team's (which A uploaded).
    await b.waitForSelector('[data-testid="first-connection"][open]', { timeout: 60_000 });
    await b.click('[data-testid="first-use-team"]');
    await b.waitForSelector('[data-testid="first-connection"]:not([open])', { state: 'attached', timeout: 60_000 });
    await expectAccessibleAndFitting(b, 'Settings → Team, signed in as agent', 'phone');
    await b.goto(`${baseUrl}/settings`);
    await b.waitForSelector('[data-testid="role-from-team"]');
    expect(await b.$('#profile-role')).toBeNull();
    // The studio offers no lead action to an agent, whatever the device's former switch said.
    await b.goto(`${baseUrl}/scripts`);
    await b.waitForSelector('[data-testid="studio-library"]');
    expect(await b.$('[data-testid="studio-duplicate-fr"]')).toBeNull();
    // And the admin keeps them.
    await a.goto(`${baseUrl}/scripts`);
    await a.waitForSelector('[data-testid="studio-duplicate-fr"]');
  });

  it("shows on the agent's worklist who is on a call with a debtor, until the call ends", async () => {
    const debtor = callableDebtors()[0]!.debtor;
    const row = `a[data-testid="worklist-row"][href="/debtors/${encodeURIComponent(debtor.id)}"]`;
    const badge = `${row} [data-testid="call-lock-badge"]`;
    await openWorklist(b, baseUrl);
    await search(b, debtor.name);
    await b.waitForSelector(row);
    expect(await b.$(badge)).toBeNull();

    await openCall(a, baseUrl, debtor.id);
    await b.waitForSelector(badge, { timeout: 15_000 });
    expect(await b.textContent(badge)).toContain(ADMIN.name);
    await expectAccessibleAndFitting(b, 'worklist with a call lock', 'phone');
    // The dossier says it too.
    await b.click(row);
    const dossierBadge = '[data-testid="dossier"] [data-testid="call-lock-badge"]';
    await b.waitForSelector(dossierBadge, { timeout: 15_000 });
    expect(await b.textContent(dossierBadge)).toContain(ADMIN.name);

    // A hangs up: the lock goes with the call, and B's screens follow.
    await a.click('[data-testid="call-end"]');
    await a.waitForSelector('[data-testid="endings-dialog"][open]');
    await a.check('input[name="ending"][value="no_answer"]');
    await a.click('[data-testid="ending-confirm"]');
    await waitCommitted(a);
    await b.waitForSelector(dossierBadge, { state: 'detached', timeout: 15_000 });
    await openWorklist(b, baseUrl);
    await search(b, debtor.name);
    await b.waitForSelector(row);
    expect(await b.$(badge)).toBeNull();
  });

  it('a promise A records offline reaches B within 2 s of A coming back online', async () => {
    const debtor = callableDebtors().filter((x) => overdueInvoices(x).length > 0)[1]!.debtor;
    const promises = '[data-testid="dossier"] [data-testid="promises"]';
    await b.goto(`${baseUrl}/debtors/${encodeURIComponent(debtor.id)}`);
    await b.waitForSelector(promises, { timeout: 30_000 });
    expect(await b.textContent(promises)).not.toContain('321,00');

    await openCall(a, baseUrl, debtor.id);
    await contextA.setOffline(true);
    await walkToCommitments(a, 'forgotten');
    await a.check('#commitment-kind-promise');
    await a.waitForSelector('[data-testid="promise-form"]');
    await a.fill('#promise-amount', '321,00');
    await a.fill('#promise-date', inDays(10));
    await a.waitForSelector('#promise-restated:not([disabled])');
    await a.check('#promise-restated');
    await finishFromCommitments(a);
    // Offline, the promise waits in A's outbox; B cannot have it.
    await a.waitForFunction(() => navigator.onLine === false);
    expect(await b.textContent(promises)).not.toContain('321,00');

    const back = Date.now();
    await contextA.setOffline(false);
    await b.waitForFunction(
      (sel) => (document.querySelector(sel)?.textContent ?? '').replace(/\s/g, '').includes('321,00'),
      promises,
      { timeout: 2_000 },
    );
    const propagationMs = Date.now() - back;
    console.log(`[team] offline promise reached the other device ${propagationMs} ms after A came back online`);
    expect(propagationMs).toBeLessThan(2_000);
  });
});
