import { describe, expect, it } from 'vitest';
import { TransportError } from './client/ports';
import { createHttpTransport, csrfFromCookie, parseEventBlock } from './transport';

const pull = { protocol: 1 as const, clientId: '5f0c3c1e-8a1d-4a53-9a55-3c0e9d7b2a10', cookie: null };

const answering = (status: number, body: unknown): typeof fetch => async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('HTTP transport', () => {
  it('turns each failure into a reason the UI can word', async () => {
    const reasonOf = async (f: typeof fetch) => {
      try {
        await createHttpTransport({ serverUrl: 'http://s', fetch: f, csrfToken: () => 't' }).pull(pull);
        return 'ok';
      } catch (e) {
        return e instanceof TransportError ? e.reason : 'other';
      }
    };
    expect(await reasonOf(answering(401, {}))).toBe('unauthenticated');
    expect(await reasonOf(answering(403, {}))).toBe('forbidden');
    expect(await reasonOf(answering(503, {}))).toBe('server');
    expect(await reasonOf(answering(200, 'not json'))).toBe('invalid_response');
    expect(await reasonOf(answering(200, { cookie: { version: -1 } }))).toBe('invalid_response');
    expect(await reasonOf(async () => Promise.reject(new TypeError('fetch failed')))).toBe('offline');
    expect(await reasonOf(answering(200, { cookie: { version: 3 }, more: false, lastMutationId: null, records: [], conflicts: [] }))).toBe('ok');
  });

  it('reads the event stream across chunk boundaries: poke pulls, other events pass through', async () => {
    const chunks = ['event: po', 'ke\ndata: {"version":4}\n\n: heartbeat\n\nevent: locks\r\n', 'data: {}\r\n\r\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    const others: string[] = [];
    const transport = createHttpTransport({ serverUrl: 'http://s', fetch: async () => new Response(body, { status: 200 }), onEvent: (e) => others.push(e) });
    const seen: string[] = [];
    const closed = new Promise<TransportError | undefined>((resolve) =>
      transport.events({ onOpen: () => seen.push('open'), onPoke: () => seen.push('poke'), onClose: (error) => resolve(error) }),
    );
    const error = await closed;
    expect(seen).toEqual(['open', 'poke']);
    // `open` tells the stream's other listeners (call locks) to read again after a gap.
    expect(others).toEqual(['open', 'locks']);
    // The server ending the stream is a reason to reconnect.
    expect(error?.reason).toBe('offline');
  });

  it('a 401 on the stream is told as such, not retried silently', async () => {
    const transport = createHttpTransport({ serverUrl: 'http://s', fetch: answering(401, {}) });
    const error = await new Promise<TransportError | undefined>((resolve) => transport.events({ onOpen: () => undefined, onPoke: () => undefined, onClose: resolve }));
    expect(error?.reason).toBe('unauthenticated');
  });

  it('parses SSE blocks and finds the CSRF cookie', () => {
    expect(parseEventBlock('event: poke\ndata: {"version":2}')).toEqual({ event: 'poke', data: { version: 2 } });
    expect(parseEventBlock(': only a comment')).toBeUndefined();
    expect(csrfFromCookie('a=1; cadence_csrf=abc%3D; b=2')).toBe('abc=');
    expect(csrfFromCookie('a=1')).toBeNull();
  });
});
