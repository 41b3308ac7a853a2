/**
 * A device talking to the team server the way the app will: cookies kept like a browser's, the CSRF header on
 * every POST, push and pull with the shared protocol, and a reader of the server-sent events. No test runner
 * inside: the server tests and the sync bench both use it.
 */
import { randomUUID } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Contact, Debtor } from '../../src/domain/entities';
import type { Mutation, PullCookie, PullResponse, PushResponse } from '../../src/sync/protocol';

export const PASSWORD = 'correct horse battery staple';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A device talking to the server: cookies kept like a browser's, the CSRF header sent on every POST. */
export class Device {
  readonly clientId = randomUUID();
  cookies = new Map<string, string>();
  csrf = '';

  constructor(
    public base: string,
    readonly deviceName = 'test device',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, opts: { csrf?: boolean; raw?: string } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, { method, headers, body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    this.keepCookies(res.headers);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, opts: { csrf?: boolean; raw?: string } = {}) {
    return this.request<T>('POST', path, body, opts);
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  async login(email: string, password = PASSWORD): Promise<Reply<Record<string, unknown>>> {
    const reply = await this.post('/auth/login', { email, password });
    if (reply.status === 200) this.csrf = String(reply.body.csrfToken);
    return reply;
  }

  push(mutations: Mutation[]): Promise<Reply<PushResponse>> {
    return this.post<PushResponse>('/sync/push', { protocol: 1, clientId: this.clientId, deviceName: this.deviceName, mutations });
  }

  pull(cookie: PullCookie | null = null, limit?: number): Promise<Reply<PullResponse>> {
    return this.post<PullResponse>('/sync/pull', { protocol: 1, clientId: this.clientId, cookie, ...(limit ? { limit } : {}) });
  }

  /** Pulls every page from `cookie`; returns the rows and the final cookie. */
  async pullAll(cookie: PullCookie | null = null, limit?: number): Promise<{ records: PullResponse['records']; conflicts: PullResponse['conflicts']; cookie: PullCookie; pages: number }> {
    const records: PullResponse['records'] = [];
    const conflicts: PullResponse['conflicts'] = [];
    let pages = 0;
    for (;;) {
      const reply = await this.pull(cookie, limit);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      pages += 1;
      records.push(...reply.body.records);
      conflicts.push(...reply.body.conflicts);
      cookie = reply.body.cookie;
      if (!reply.body.more) return { records, conflicts, cookie, pages };
    }
  }
}

export const now = () => new Date().toISOString();

export function mutation<N extends Mutation['name']>(name: N, args: Extract<Mutation, { name: N }>['args']): Mutation {
  return { id: uuidv7(), clientTime: now(), name, args } as Mutation;
}

export function debtor(id: string, overrides: Partial<Debtor> = {}): Debtor {
  return {
    schemaVersion: 1,
    id,
    name: `Debtor ${id}`,
    siren: '123456789',
    address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
    language: 'fr',
    segment: 'small_business',
    kind: 'business',
    creditLimitCents: 100_000,
    blockingThresholdCents: 50_000,
    notes: '',
    createdAt: now(),
    updatedAt: now(),
    ...overrides,
  };
}

export function contact(id: string, debtorId: string, overrides: Partial<Contact> = {}): Contact {
  return { schemaVersion: 1, id, debtorId, name: `Contact ${id}`, role: 'accountant', phone: '01 23 45 67 89', email: `${id}@example.test`, preferred: true, ...overrides };
}

/** Reads the next SSE events from a stream until `match` says stop (or the time runs out). */
export async function openEvents(base: string, device: Device): Promise<{ next(match: (event: string, data: unknown) => boolean, ms?: number): Promise<{ event: string; data: unknown }>; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`${base}/sync/events`, { headers: { cookie: [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: { event: string; data: unknown }[] = [];
  const readMore = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event) queue.push({ event, data: data ? JSON.parse(data) : null });
    }
  };
  return {
    async next(match, ms = 5000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const i = queue.findIndex((e) => match(e.event, e.data));
        if (i >= 0) return queue.splice(i, 1)[0]!;
        queue.length = 0;
        if (Date.now() > deadline) throw new Error('no matching event in time');
        await Promise.race([readMore(), new Promise((_, reject) => setTimeout(() => reject(new Error('no matching event in time')), Math.max(1, deadline - Date.now())))]);
      }
    },
    close: () => controller.abort(),
  };
}
