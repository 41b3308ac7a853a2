/**
 * A script published in the studio travels (issue 14, "a lead publishes a script → the agent's next call uses
 * it"; "a call in progress stays on its version"). A, the admin (a lead's rights), duplicates the French
 * built-in, rewrites step 1, publishes it and assigns it to French calls; B, an agent on another profile, gets
 * it at the next sync and calls with it. While B is in a call, A publishes version 2 with other words: B's
 * device receives it, the call in progress keeps version 1 (also after a reload), and B's next call follows
 * version 2.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CALL, callableDebtors, openCall, waitCommitted, waitStep } from './call-helpers';
import { joinedTeamWorld } from './team-setup';

const baseUrl = inject('baseUrl');
const world = joinedTeamWorld(baseUrl);

const V1_SAY = 'Bonjour, ici le service recouvrement, première version de l’équipe.';
const V2_SAY = 'Bonjour, ici le service recouvrement, deuxième version publiée par la responsable.';

async function saved(page: Page): Promise<void> {
  await page.waitForFunction(() => /enregistrées|saved/i.test(document.querySelector('[data-testid="studio-save-state"]')?.textContent ?? ''));
}

async function rewriteStep1(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: /^1\. Présentation/ }).click();
  await page.fill('#sf-steps-0-say', text);
  await saved(page);
}

async function publish(page: Page, note: string, version: number): Promise<void> {
  await page.click('[data-testid="studio-publish"]');
  await page.fill('[data-testid="studio-publish-note"]', note);
  await page.click('[data-testid="studio-publish-confirm"]');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
  await page.waitForFunction((v) => new RegExp(`version en service\u00a0: ${v}`).test(document.body.textContent ?? ''), version);
}

/** What B's device holds of the script: its version in service and whether the studio assignment names it. */
function onDevice(page: Page, scriptId: string): Promise<{ current: number | null; assigned: boolean }> {
  return page.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('cadence');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = (store: string, key: IDBValidKey) =>
      new Promise<unknown>((resolve) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => resolve(undefined);
      });
    const script = (await get('scripts', id)) as { currentVersion?: number } | undefined;
    const studio = await get('settings', 'studio');
    db.close();
    return { current: script?.currentVersion ?? null, assigned: JSON.stringify(studio ?? null).includes(id) };
  }, scriptId);
}

/** The text of the call screen's step 1 and the script line ("Script : … · version n"). */
async function callShows(page: Page): Promise<{ say: string; script: string }> {
  await page.waitForSelector(`${CALL}[data-step="presentation"]`, { timeout: 30_000 });
  return {
    say: ((await page.textContent(CALL)) ?? '').replace(/\s+/g, ' '),
    script: ((await page.textContent('[data-testid="call-script-version"]')) ?? '').replace(/\s+/g, ' ').trim(),
  };
}

describe("a lead's published script on the agent's device", () => {
  it("reaches the agent at the next sync; a call in progress keeps its version, the next call takes the new one", async () => {
    const { a, b } = world();
    // A writes and publishes version 1, then assigns the script to every French call.
    await a.goto(`${baseUrl}/scripts`);
    await a.click('[data-testid="studio-duplicate-fr"]');
    await a.waitForURL(/\/scripts\/team\./);
    const scriptId = decodeURIComponent(new URL(a.url()).pathname.split('/').pop()!);
    await a.waitForSelector('[data-testid="studio-checks"]');
    await rewriteStep1(a, V1_SAY);
    await publish(a, 'Version de l’équipe', 1);
    await a.goto(`${baseUrl}/scripts`);
    await a.waitForSelector('[data-testid="studio-scripts"]');
    await a.selectOption('#assign-fr-default', scriptId);
    await a.click('[data-testid="studio-assign-save"]');
    await a.waitForFunction(() => /par défaut|default/i.test(document.querySelector('[data-testid="studio-scripts"] tbody tr')?.textContent ?? ''));

    // B's device gets version 1 and the assignment through the live stream, without reloading.
    await b.goto(`${baseUrl}/`);
    await expect.poll(() => onDevice(b, scriptId), { timeout: 20_000, interval: 250 }).toEqual({ current: 1, assigned: true });

    // B starts a call: it follows A's version 1.
    const [first, second] = callableDebtors();
    await openCall(b, baseUrl, first!.debtor.id);
    const during = await callShows(b);
    expect(during.say).toContain(V1_SAY);
    expect(during.script).toMatch(/version 1$/);

    // A publishes version 2 while B is on that call; B's device receives it.
    await a.goto(`${baseUrl}/scripts/${encodeURIComponent(scriptId)}`);
    await a.waitForSelector('[data-testid="studio-checks"]');
    await rewriteStep1(a, V2_SAY);
    await publish(a, 'Présentation plus directe', 2);
    await expect.poll(() => onDevice(b, scriptId), { timeout: 20_000, interval: 250 }).toEqual({ current: 2, assigned: true });

    // The call in progress stays on version 1, on screen and after a reload (the call resumes pinned to it).
    expect((await callShows(b)).say).toContain(V1_SAY);
    await b.reload();
    const resumed = await callShows(b);
    expect(resumed.say).toContain(V1_SAY);
    expect(resumed.say).not.toContain(V2_SAY);
    expect(resumed.script).toMatch(/version 1$/);
    await b.click('[data-testid="call-end"]');
    await b.waitForSelector('[data-testid="endings-dialog"][open]');
    await b.check('input[name="ending"][value="no_answer"]');
    await b.click('[data-testid="ending-confirm"]');
    await waitCommitted(b);

    // B's next call follows version 2.
    await openCall(b, baseUrl, second!.debtor.id);
    await waitStep(b, 'presentation');
    const next = await callShows(b);
    expect(next.say).toContain(V2_SAY);
    expect(next.say).not.toContain(V1_SAY);
    expect(next.script).toMatch(/version 2$/);
  });
});
