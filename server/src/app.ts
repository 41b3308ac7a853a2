/**
 * Builds the HTTP server: cookies, CORS for the app's origins, the routes, the error handler, and the LISTEN
 * connection that feeds the event streams. Nothing is kept in memory between requests except those streams:
 * any number of processes can serve one database behind a load balancer.
 */
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminRoutes } from './admin/routes';
import { authRoutes } from './auth/routes';
import { CSRF_HEADER } from './auth/session';
import type { ServerConfig } from './config';
import { createAppPool } from './db/database';
import { installErrorHandler } from './http';
import { EventHub, eventsRoute } from './sync/events';
import { lockRoutes } from './sync/locks';
import { trainingScoreRoutes } from './sync/training-scores';
import { pullRoute } from './sync/pull';
import { pushRoute } from './sync/push';

export interface TeamServer {
  app: FastifyInstance;
  hub: EventHub;
  close(): Promise<void>;
}

export async function buildServer(config: ServerConfig): Promise<TeamServer> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Belt and braces: the request serializer logs no headers or bodies, and these paths are masked anyway.
      redact: { paths: ['req.headers.cookie', `req.headers["${CSRF_HEADER}"]`, 'res.headers["set-cookie"]', '*.password', 'password'], censor: '[redacted]' },
      ...(config.logStream ? { stream: config.logStream } : {}),
    },
    bodyLimit: 64 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    // Event streams never end on their own: closing the server must not wait for them.
    forceCloseConnections: true,
  });
  const pool = createAppPool(config.appUrl);
  const hub = new EventHub(config.appUrl);
  await hub.start();

  await app.register(cookie);
  await app.register(cors, {
    origin: config.allowedOrigins,
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', CSRF_HEADER],
  });
  installErrorHandler(app);

  app.get('/health', async () => {
    await pool.query('SELECT 1');
    return { ok: true };
  });
  authRoutes(app, pool, config);
  adminRoutes(app, pool);
  pushRoute(app, pool, config.pushBodyLimit);
  pullRoute(app, pool);
  eventsRoute(app, pool, hub);
  lockRoutes(app, pool);
  trainingScoreRoutes(app, pool);

  return {
    app,
    hub,
    async close() {
      await hub.close();
      await app.close();
      await pool.end();
    },
  };
}
