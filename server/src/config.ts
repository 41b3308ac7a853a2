/**
 * Server settings from the environment (README, "Team server"), validated once at start so a typo stops the
 * server with a sentence instead of surfacing as a strange failure later.
 */
import type { Writable } from 'node:stream';
import { z } from 'zod/mini';
import { appDatabaseUrl } from './db/database';

export interface ServerConfig {
  /** Owner connection: migrations at start, --create-admin. */
  ownerUrl: string;
  /** The app role's connection, subject to row-level security. */
  appUrl: string;
  appPassword?: string;
  host: string;
  port: number;
  /** Secure cookies need HTTPS: on behind a TLS proxy, off on loopback http. */
  cookieSecure: boolean;
  sessionHours: number;
  /** Origins whose pages may call the API with credentials (the app when served apart from the server). */
  allowedOrigins: string[];
  login: { maxPerEmail: number; maxPerIp: number; windowMinutes: number };
  logLevel: string;
  /** Tests capture the log here. */
  logStream?: Writable;
  /** Largest push body, in bytes. */
  pushBodyLimit: number;
}

const Env = z.object({
  DATABASE_URL: z.string().check(z.minLength(1, 'DATABASE_URL is required (postgres://user@host:port/db)')),
  APP_DATABASE_URL: z.optional(z.string()),
  APP_DB_PASSWORD: z.optional(z.string()),
  HOST: z._default(z.string(), '127.0.0.1'),
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 8787),
  COOKIE_SECURE: z._default(z.enum(['0', '1']), '0'),
  SESSION_HOURS: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 12),
  ALLOWED_ORIGINS: z._default(z.string(), ''),
  LOGIN_MAX_PER_EMAIL: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 5),
  LOGIN_MAX_PER_IP: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 50),
  LOGIN_WINDOW_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 15),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});

export function configFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid server settings:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    ownerUrl: e.DATABASE_URL,
    appUrl: appDatabaseUrl(e.DATABASE_URL, e.APP_DATABASE_URL, e.APP_DB_PASSWORD),
    ...(e.APP_DB_PASSWORD ? { appPassword: e.APP_DB_PASSWORD } : {}),
    host: e.HOST,
    port: e.PORT,
    cookieSecure: e.COOKIE_SECURE === '1',
    sessionHours: e.SESSION_HOURS,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    login: { maxPerEmail: e.LOGIN_MAX_PER_EMAIL, maxPerIp: e.LOGIN_MAX_PER_IP, windowMinutes: e.LOGIN_WINDOW_MINUTES },
    logLevel: e.LOG_LEVEL,
    pushBodyLimit: 2 * 1024 * 1024,
    ...overrides,
  };
}
