/**
 * `npm run server`                       serve on HOST:PORT (127.0.0.1:8787) against DATABASE_URL
 * `npm run server -- --dev`              start a throwaway PostgreSQL cluster (Debian's binaries), migrate it,
 *                                        create a demo admin, serve; everything is removed on Ctrl-C
 * `npm run server -- --create-admin --email E --team T [--name N]`   create a team admin, then exit
 * Migrations (server/migrations/*.sql) are applied at every start; they are versioned and run once each.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { askPassword, createAdmin } from './admin/create-admin';
import { buildServer, type TeamServer } from './app';
import { configFromEnv } from './config';
import { clearLeftover, type Cluster, startCluster } from './db/cluster';
import { migrate } from './db/database';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      'create-admin': { type: 'boolean', default: false },
      email: { type: 'string' },
      team: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('npm run server [-- --dev] | [-- --create-admin --email E --team T [--name N]]   (see README, "Team server")');
    return;
  }

  let cluster: Cluster | null = null;
  let server: TeamServer | null = null;
  // Installed first, so a Ctrl-C while the cluster starts or migrates still stops and removes it.
  const shutdown = (signal: string) => {
    server?.app.log.info({ signal }, 'shutting down');
    // A connection that will not close must not keep the throwaway cluster alive: give up on it after 5 s.
    const closed = (server?.close() ?? Promise.resolve()).catch(() => {});
    Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).finally(() => {
      try {
        cluster?.stop();
      } finally {
        process.exit(0);
      }
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  const env = { ...process.env };
  if (values.dev) {
    console.log('starting a throwaway PostgreSQL cluster…');
    const dir = join(ROOT, '.cadence-dev');
    clearLeftover(dir);
    cluster = await startCluster({ dir });
    env.DATABASE_URL = cluster.url('postgres');
    console.log(`PostgreSQL 15 on 127.0.0.1:${cluster.port} (data in .cadence-dev/, removed on exit)`);
  }
  const stopCluster = () => cluster?.stop();

  try {
    const config = configFromEnv(env);
    const applied = await migrate(config.ownerUrl, config.appPassword);
    if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);

    if (values['create-admin']) {
      if (!values.email || !values.team) throw new Error('--create-admin needs --email and --team');
      const password = process.env.CADENCE_ADMIN_PASSWORD ?? (await askPassword(`password for ${values.email}: `));
      const { userId, teamId } = await createAdmin(config.ownerUrl, {
        email: values.email,
        team: values.team,
        displayName: values.name ?? values.email,
        password,
      });
      console.log(`admin created: ${values.email} (user ${userId}, team ${teamId})`);
      if (!values.dev) process.exit(0);
    }

    if (values.dev && !values['create-admin']) {
      const password = randomBytes(12).toString('base64url');
      await createAdmin(config.ownerUrl, { email: 'admin@cadence.test', team: 'Demo team', displayName: 'Demo admin', password });
      console.log(`demo admin: admin@cadence.test / ${password}`);
    }

    server = await buildServer(config);
    const address = await server.app.listen({ host: config.host, port: config.port });
    console.log(`Cadence team server on ${address}`);
  } catch (err) {
    stopCluster();
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
