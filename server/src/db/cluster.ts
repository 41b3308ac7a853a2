/**
 * A throwaway PostgreSQL cluster from Debian's binaries, for `--dev`, the server tests and the sync bench.
 * PostgreSQL refuses to run as root, so when we are root the data folder is handed to the `postgres` user and
 * every binary runs through `runuser -u postgres --`. Local connections use trust auth: the cluster listens on
 * 127.0.0.1 only and lives as long as the process that started it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  port: number;
  dir: string;
  /** A connection URL as the superuser `postgres` to `database`. */
  url(database: string): string;
  stop(): void;
}

export interface ClusterOptions {
  /** Where to put the cluster; a fresh temp folder when absent. Removed by stop() unless `keep`. */
  dir?: string;
  keep?: boolean;
  /** Tests trade durability of the database itself for speed (the server's own crash safety is what they test). */
  fast?: boolean;
  port?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root; throws with its output when it fails. */
function pg(binary: string, args: string[]): void {
  const exe = join(PG_BIN, binary);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${binary} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN}: apt-get install -y postgresql (or set PG_BIN)`);
  }
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'cadence-pg-'));
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets, { recursive: true });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
    chownSync(sockets, uid, gid);
  }
  if (!existsSync(join(data, 'PG_VERSION'))) {
    pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', ...(options.fast ? ['--no-sync'] : [])]);
  }
  const port = options.port ?? (await freePort());
  const settings = [
    `-p ${port}`,
    `-k ${sockets}`,
    `-c listen_addresses=127.0.0.1`,
    `-c max_connections=200`,
    ...(options.fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  pg('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      }
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Clears what a previous `--dev` run left when it was killed before it could clean up: its postmaster (started
 * as a daemon, so it outlives a killed Node) is stopped, then the folder removed.
 */
export function clearLeftover(dir: string): void {
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    try {
      pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running any more: only the pid file was left
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
