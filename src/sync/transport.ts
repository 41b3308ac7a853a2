/**
 * HTTP to the team server for the sync engine (./client/engine.ts): POST /sync/push and /sync/pull with the
 * session cookie (credentials 'include') and the CSRF token in the `x-csrf-token` header the server checks
 * (server/src/auth/session.ts, double submit), and GET /sync/events read as a server-sent-event stream.
 *
 * The event stream is read with fetch rather than EventSource: the same code runs in the browser and in the
 * node tests, and a 401 is seen as such instead of EventSource's silent retry loop. Every answer passes the
 * protocol's zod schema; every failure comes out as a TransportError with a reason the UI can put in words.
 */
import type { ZodMiniType } from 'zod/mini';
import { PROTOCOL_VERSION, PullResponse, PushResponse, type PullRequest, type PushRequest } from './protocol';
import { TransportError, type LiveEvents, type SyncTransport } from './client/ports';

export const CSRF_HEADER = 'x-csrf-token';
/** The readable cookie holding the CSRF token (server/src/auth/session.ts CSRF_COOKIE). */
export const CSRF_COOKIE = 'cadence_csrf';

export interface HttpTransportOptions {
  serverUrl: string;
  /** Defaults to the global fetch; tests pass one that keeps cookies like a browser. */
  fetch?: typeof fetch;
  /** The session's CSRF token (the login answer gives it); defaults to the readable cookie when the page can see it. */
  csrfToken?: () => string | null | undefined;
  /** Other events of the stream (e.g. `locks`), and `open` when it (re)opens, passed through for whoever shows them. */
  onEvent?: (event: string, data: unknown) => void;
}

/** The CSRF cookie, when the server shares the page's host (cookies do not depend on the port). */
export function csrfFromCookie(cookies: string = (globalThis as { document?: { cookie?: string } }).document?.cookie ?? ''): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

function failureFor(status: number, path: string): TransportError {
  if (status === 401) return new TransportError('unauthenticated', `${path}: sign in again`, status);
  if (status === 403) return new TransportError('forbidden', `${path}: refused`, status);
  return new TransportError('server', `${path}: the server answered ${status}`, status);
}

/** One SSE block (`event:` and `data:` lines) as its event name and parsed data. */
export function parseEventBlock(block: string): { event: string; data: unknown } | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && event === 'message') return undefined;
  const text = data.join('\n');
  try {
    return { event, data: text === '' ? null : JSON.parse(text) };
  } catch {
    return { event, data: text };
  }
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.serverUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const csrf = options.csrfToken ?? (() => csrfFromCookie());

  async function post<T>(path: string, body: unknown, schema: ZodMiniType<T>): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = csrf();
    if (token) headers[CSRF_HEADER] = token;
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { method: 'POST', credentials: 'include', headers, body: JSON.stringify(body) });
    } catch (e) {
      throw new TransportError('offline', `${path}: ${e instanceof Error ? e.message : 'network error'}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw failureFor(res.status, path);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new TransportError('invalid_response', `${path}: not JSON`, res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TransportError('invalid_response', `${path}: ${parsed.error.issues[0]?.message ?? 'unexpected answer'}`, res.status);
    return parsed.data;
  }

  function events(handlers: { onOpen(): void; onPoke(): void; onClose(error?: TransportError): void }): LiveEvents {
    const controller = new AbortController();
    let closed = false;
    const finish = (error?: TransportError) => {
      if (closed) return;
      closed = true;
      handlers.onClose(error);
    };
    void (async () => {
      let res: Response;
      try {
        res = await doFetch(`${base}/sync/events`, { method: 'GET', credentials: 'include', headers: { accept: 'text/event-stream' }, signal: controller.signal });
      } catch (e) {
        finish(controller.signal.aborted ? undefined : new TransportError('offline', `/sync/events: ${e instanceof Error ? e.message : 'network error'}`));
        return;
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        finish(failureFor(res.status, '/sync/events'));
        return;
      }
      handlers.onOpen();
      // Others on this stream (call locks) read again what they show after a gap.
      options.onEvent?.('open', null);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n');
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const parsed = parseEventBlock(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
            if (!parsed) continue;
            if (parsed.event === 'poke') handlers.onPoke();
            else options.onEvent?.(parsed.event, parsed.data);
          }
        }
        finish(controller.signal.aborted ? undefined : new TransportError('offline', '/sync/events: the stream ended'));
      } catch (e) {
        finish(controller.signal.aborted ? undefined : new TransportError('offline', `/sync/events: ${e instanceof Error ? e.message : 'stream failed'}`));
      }
    })();
    return {
      close() {
        closed = true;
        controller.abort();
      },
    };
  }

  return {
    push: (request: PushRequest) => post('/sync/push', { ...request, protocol: PROTOCOL_VERSION }, PushResponse),
    pull: (request: PullRequest) => post('/sync/pull', { ...request, protocol: PROTOCOL_VERSION }, PullResponse),
    events,
  };
}
