/**
 * The team server under load (`npm run bench -- --only=sync` runs this with tsx and reads the JSON it prints
 * last). A throwaway PostgreSQL 15 cluster with default durability; server processes as `npm run server` runs
 * them; simulated agents as plain HTTP clients in this process. See BENCHMARKS.md, "Team server".
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { hashPassword } from '../../server/src/auth/passwords';
import { freePort, startCluster } from '../../server/src/db/cluster';
import { appDatabaseUrl, migrate } from '../../server/src/db/database';
import { debtor, Device, mutation, now, openEvents, PASSWORD } from '../../server/test/device';
import { type ServerProcess, spawnServer } from '../../server/test/spawn';
import type { Mutation, PullCookie } from '../../src/sync/protocol';
import { openCadenceDb } from '../../src/storage/db';
import { createCadenceStore } from '../../src/storage/store';
import type { TeamSyncStore } from '../../src/storage/sync-local';
import { createSyncEngine } from '../../src/sync/client/engine';
import { createHttpTransport } from '../../src/sync/transport';

const AGENTS = Number(process.env.SYNC_AGENTS ?? 50);
const MUTATIONS = Number(process.env.SYNC_MUTATIONS ?? 200);
const BATCH = 10;
const BIG_TEAM = Number(process.env.SYNC_BIG_TEAM ?? 50_000);
const log = (msg: string) => process.stderr.write(`  ${msg}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
const stats = (values: number[]) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });

/** Resident memory of a process, from /proc (MiB). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function seedTeam(ownerUrl: string, name: string, agents: number): Promise<{ teamId: string; emails: string[] }> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const hash = await hashPassword(PASSWORD);
  const teamId: string = (await owner.query('INSERT INTO teams (name) VALUES ($1) RETURNING id', [name])).rows[0].id;
  const emails = Array.from({ length: agents + 1 }, (_, i) => `agent${i}@${name}.bench`);
  for (const [i, email] of emails.entries()) {
    await owner.query("INSERT INTO users (team_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'agent', $4)", [teamId, email, `Agent ${i}`, hash]);
  }
  await owner.end();
  return { teamId, emails };
}

/** 50 agents × 200 mutations through `writers`, one observer on `observerUrl` pulling on every poke. */
async function loadRun(label: string, servers: ServerProcess[], emails: string[], observerUrl: string) {
  log(`${label}: ${AGENTS} agents × ${MUTATIONS} mutations, ${servers.length} server process(es)`);
  const agents = emails.slice(0, AGENTS).map((email, i) => ({ email, device: new Device(servers[i % servers.length]!.url, `bench ${i}`) }));
  await Promise.all(agents.map((a) => a.device.login(a.email)));
  const observer = new Device(observerUrl, 'observer');
  await observer.login(emails[AGENTS]!);
  let cookie: PullCookie | null = (await observer.pullAll()).cookie;

  // When each record's push was sent; the observer stamps when it first holds the record.
  const sentAt = new Map<string, number>();
  const propagation: number[] = [];
  const visible: number[] = [];
  const events = await openEvents(observerUrl, observer);
  let pulling: Promise<void> | null = null;
  let again = false;
  const pullNow = () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = (async () => {
      do {
        again = false;
        const got = await observer.pullAll(cookie, 5000);
        cookie = got.cookie;
        const at = performance.now();
        const wall = Date.now();
        for (const r of got.records) {
          const sent = sentAt.get(r.id);
          if (sent !== undefined) {
            propagation.push(at - sent);
            // The row's write time (its transaction's start, same machine clock) → this device holds it.
            visible.push(wall - Date.parse(r.updatedAt));
            sentAt.delete(r.id);
          }
        }
      } while (again);
      pulling = null;
    })();
  };
  let listening = true;
  const listen = (async () => {
    while (listening) {
      try {
        await events.next((e) => e === 'poke', 500);
        pullNow();
      } catch {
        // no poke in this half second: listen again
      }
    }
  })();

  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(servers.reduce((sum, s) => sum + rssMiB(s.child.pid!), 0)), 200);
  const pushMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    agents.map(async ({ device }, i) => {
      const own = `bench-${label}-${i}`;
      const all: Mutation[] = [mutation('debtor.create', { debtor: debtor(own) })];
      for (let n = 1; n < MUTATIONS; n += 1) {
        all.push(
          n % 4 === 0
            ? mutation('debtor.update', { id: own, base: { notes: n === 4 ? '' : `note ${n - 4}` }, set: { notes: `note ${n}` } })
            : mutation('activity.add', { activity: { schemaVersion: 1, id: `${own}-a${n}`, debtorId: own, type: 'note', at: now(), summary: `note ${n}`, agent: `Agent ${i}` } }),
        );
      }
      for (let k = 0; k < all.length; k += BATCH) {
        const batch = all.slice(k, k + BATCH);
        const t0 = performance.now();
        for (const m of batch) if (m.name === 'activity.add') sentAt.set(m.args.activity.id, t0);
        const reply = await device.push(batch);
        pushMs.push(performance.now() - t0);
        if (reply.status !== 200 || reply.body.results.some((r) => r.status !== 'applied')) throw new Error(`push failed: ${reply.status}`);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Let the observer catch up with the last pokes.
  const deadline = Date.now() + 15_000;
  while (sentAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sampler);
  listening = false;
  events.close();
  await listen;
  const total = AGENTS * MUTATIONS;
  const result = {
    label,
    servers: servers.length,
    mutations: total,
    seconds: elapsed,
    mutationsPerSecond: total / elapsed,
    pushMs: stats(pushMs),
    batch: BATCH,
    propagationMs: stats(propagation),
    writeToOtherDeviceMs: stats(visible),
    notPropagated: sentAt.size,
    serverRssMiB: { peak: Math.max(...memory), end: memory.at(-1) ?? NaN },
  };
  log(`${label}: ${result.mutationsPerSecond.toFixed(0)} mutations/s, push p50 ${result.pushMs.p50.toFixed(0)} ms, propagation p50 ${result.propagationMs.p50.toFixed(0)} ms`);
  return result;
}

/** A new device pulls a team of BIG_TEAM debtors (seeded straight into the database) from scratch. */
async function bigPull(ownerUrl: string, url: string) {
  const { teamId, emails } = await seedTeam(ownerUrl, 'bigteam', 1);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const user = (await owner.query('SELECT id FROM users WHERE email = $1', [emails[0]])).rows[0].id;
  const sample = debtor('x');
  log(`seeding ${BIG_TEAM} debtors…`);
  await owner.query(
    `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
     SELECT $1, 'debtor', 'd-' || lpad(g::text, 6, '0'),
            $2::jsonb || jsonb_build_object('id', 'd-' || lpad(g::text, 6, '0'), 'name', 'Debtor ' || g, 'siren', lpad((100000000 + g)::text, 9, '0')),
            g, $3, gen_random_uuid(), $3, gen_random_uuid()
     FROM generate_series(1, $4) AS g`,
    [teamId, JSON.stringify(sample), user, BIG_TEAM],
  );
  await owner.query('UPDATE team_versions SET version = $2 WHERE team_id = $1', [teamId, BIG_TEAM]);
  await owner.query('ANALYZE records');
  await owner.end();
  const device = new Device(url, 'new device');
  await device.login(emails[0]!);
  const runs = [];
  for (const limit of [5000, 1000]) {
    const t0 = performance.now();
    const got = await device.pullAll(null, limit);
    const ms = performance.now() - t0;
    if (got.records.length !== BIG_TEAM) throw new Error(`pulled ${got.records.length} of ${BIG_TEAM}`);
    runs.push({ limit, ms, pages: got.pages, bytes: Buffer.byteLength(JSON.stringify(got.records)) });
    log(`new device, ${BIG_TEAM} debtors in pages of ${limit}: ${(ms / 1000).toFixed(1)} s, ${got.pages} pages`);
  }
  const app = await appPull(url, device);
  return { debtors: BIG_TEAM, runs, app };
}

/**
 * The same pull through the app's own sync engine into the app's store (src/sync/client, src/storage), here over
 * fake-indexeddb in node: each page applied in one transaction, summaries rebuilt, until the device holds the
 * whole team. fake-indexeddb is a JavaScript model of IndexedDB, so this is the engine's and the applier's cost
 * with a slow store, not Chromium's.
 */
async function appPull(url: string, device: Device) {
  const store = createCadenceStore(await openCadenceDb(`bench-new-device-${Date.now()}`));
  const sync = store.sync as TeamSyncStore;
  await sync.join({ serverUrl: url, deviceName: 'bench new device' }, now());
  const cookieFetch: typeof fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    return fetch(input, { ...init, headers });
  };
  const transport = createHttpTransport({ serverUrl: url, fetch: cookieFetch, csrfToken: () => device.csrf });
  const limit = 5000;
  const engine = createSyncEngine({ local: sync, transport, today: () => now().slice(0, 10), pullLimit: limit });
  const t0 = performance.now();
  const status = await engine.syncNow();
  const ms = performance.now() - t0;
  const { debtors } = await store.counts();
  const summaries = (await store.listSummaries()).length;
  if (status.state !== 'idle' || debtors !== BIG_TEAM || summaries !== BIG_TEAM) {
    throw new Error(`app pull ended ${status.state} (${status.message ?? ''}) with ${debtors} debtors, ${summaries} summaries`);
  }
  store.close();
  log(`new device through the app's engine into its store (fake-indexeddb): ${(ms / 1000).toFixed(1)} s`);
  return { limit, ms, pages: Math.ceil(BIG_TEAM / limit) };
}

async function main() {
  const cluster = await startCluster();
  const running: ServerProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const ownerUrl = cluster.url('bench');
    await migrate(ownerUrl);
    const db = { ownerUrl, appUrl: appDatabaseUrl(ownerUrl) };
    const start = async () => {
      const p = await spawnServer(db, await freePort());
      running.push(p);
      return p;
    };

    const one = await start();
    if (process.env.SYNC_ONLY === 'pull') {
      // Only the new-device figure (quicker to re-measure): the load runs are skipped.
      process.stdout.write(`${JSON.stringify({ pull: await bigPull(ownerUrl, one.url) })}\n`);
      return;
    }
    const single = await seedTeam(ownerUrl, 'one', AGENTS);
    const oneServer = await loadRun('one server', [one], single.emails, one.url);
    const two = await start();
    const pair = await seedTeam(ownerUrl, 'two', AGENTS);
    // The observer listens on the second process; half the agents write through the first.
    const twoServers = await loadRun('two servers', [one, two], pair.emails, two.url);
    const pull = await bigPull(ownerUrl, one.url);
    const settings = new pg.Client({ connectionString: ownerUrl });
    await settings.connect();
    const pgSettings = Object.fromEntries((await settings.query("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'server_version')")).rows.map((r) => [r.name, r.setting]));
    await settings.end();
    process.stdout.write(`${JSON.stringify({ agents: AGENTS, mutationsPerAgent: MUTATIONS, oneServer, twoServers, pull, postgres: pgSettings })}\n`);
  } finally {
    for (const p of running) p.child.kill('SIGTERM');
    await Promise.all(running.map((p) => p.exited));
    cluster.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
