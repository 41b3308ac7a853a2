/**
 * What the server tests share: a fresh database per file in the run's cluster, teams seeded through the owner
 * connection, the server started in-process (its log captured) or as a child process, and a small HTTP client
 * that keeps cookies and sends the CSRF header like the app will.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { inject } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { buildServer, type TeamServer } from '../src/app';
import { configFromEnv, type ServerConfig } from '../src/config';
import { appDatabaseUrl, migrate } from '../src/db/database';
import { PASSWORD } from './device';

export * from './device';
export * from './spawn';

export interface TestDb {
  name: string;
  ownerUrl: string;
  appUrl: string;
  owner: pg.Pool;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDb> {
  const port = inject('pgPort');
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const ownerUrl = `postgres://postgres@127.0.0.1:${port}/${name}`;
  await migrate(ownerUrl);
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 3 });
  // The drop below ends the database's connections (WITH FORCE): a client still closing then gets
  // "terminating connection due to administrator command", which the pool re-emits as its own 'error'; with no
  // listener, Node throws it and the whole run fails (seen once in CI, every test passed). As createAppPool.
  owner.on('error', () => {});
  return {
    name,
    ownerUrl,
    appUrl: appDatabaseUrl(ownerUrl),
    owner,
    async drop() {
      await owner.end();
      const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Member {
  id: string;
  email: string;
  role: 'agent' | 'lead' | 'admin';
  displayName: string;
}
export interface Team {
  id: string;
  members: Record<string, Member>;
}

let sharedHash: Promise<string> | null = null;

/** A team and its people (one argon2id hash of PASSWORD shared by all, to keep the tests quick). */
export async function seedTeam(db: TestDb, name: string, people: Record<string, Member['role']>): Promise<Team> {
  sharedHash ??= hashPassword(PASSWORD);
  const hash = await sharedHash;
  const teamId: string = (await db.owner.query('INSERT INTO teams (name) VALUES ($1) RETURNING id', [name])).rows[0].id;
  const members: Record<string, Member> = {};
  for (const [key, role] of Object.entries(people)) {
    const email = `${key}@${name.toLowerCase().replace(/\W+/g, '')}.test`;
    const displayName = `${key} of ${name}`;
    const { rows } = await db.owner.query(
      'INSERT INTO users (team_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [teamId, email, displayName, role, hash],
    );
    members[key] = { id: rows[0].id, email, role, displayName };
  }
  return { id: teamId, members };
}

export interface RunningServer {
  url: string;
  server: TeamServer;
  /** Every log line written so far. */
  logs: string[];
  close(): Promise<void>;
}

export async function startServer(db: TestDb, overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = configFromEnv({ DATABASE_URL: db.ownerUrl, PORT: '0', LOG_LEVEL: 'info' }, { appUrl: db.appUrl, logStream, ...overrides });
  const server = await buildServer(config);
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { url, server, logs, close: () => server.close() };
}

