/**
 * Live updates: GET /sync/events is a server-sent-event stream per signed-in device. Every server process
 * LISTENs on PostgreSQL's `cadence_sync` and `cadence_locks` channels (the push transaction NOTIFYs at commit)
 * and fans each notification out to its own streams of that team, so a change made through one process reaches
 * the devices connected to any other. An event only says "pull now"; the data always comes through pull.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { requireUser } from '../auth/session';
import { withScope } from '../db/database';

export const SYNC_CHANNEL = 'cadence_sync';
export const LOCKS_CHANNEL = 'cadence_locks';
const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 1_000;

type Send = (event: string, data: unknown) => void;

export class EventHub {
  private readonly teams = new Map<string, Set<Send>>();
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'cadence-listen' });
    client.on('notification', (n) => this.dispatch(n.channel, n.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${SYNC_CHANNEL}`);
    await client.query(`LISTEN ${LOCKS_CHANNEL}`);
    this.listener = client;
  }

  /** After a lost connection, notifications may have been missed: every stream is told to pull. */
  private reconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = null;
    setTimeout(() => {
      if (this.closed) return;
      this.start()
        .then(() => {
          for (const subs of this.teams.values()) for (const send of subs) send('poke', { version: -1 });
        })
        .catch(() => this.reconnect(client));
    }, RECONNECT_MS).unref();
  }

  private dispatch(channel: string, payload: string | undefined): void {
    let message: { team?: string; version?: number };
    try {
      message = JSON.parse(payload ?? '{}');
    } catch {
      return;
    }
    const subs = message.team ? this.teams.get(message.team) : undefined;
    if (!subs) return;
    const event = channel === LOCKS_CHANNEL ? 'locks' : 'poke';
    for (const send of subs) send(event, channel === LOCKS_CHANNEL ? {} : { version: message.version });
  }

  subscribe(teamId: string, send: Send): () => void {
    let subs = this.teams.get(teamId);
    if (!subs) this.teams.set(teamId, (subs = new Set()));
    subs.add(send);
    return () => {
      subs.delete(send);
      if (subs.size === 0) this.teams.delete(teamId);
    };
  }

  get streams(): number {
    let n = 0;
    for (const subs of this.teams.values()) n += subs.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => {});
  }
}

export function eventsRoute(app: FastifyInstance, pool: pg.Pool, hub: EventHub): void {
  app.get('/sync/events', async (request, reply) => {
    const user = await requireUser(pool, request);
    const version = await withScope(pool, user, async (tx) => Number((await tx.query('SELECT version FROM team_versions')).rows[0]?.version ?? 0));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send: Send = (event, data) => {
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    send('hello', { version });
    const unsubscribe = hub.subscribe(user.teamId, send);
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on('close', stop);
    raw.on('error', stop);
  });
}
