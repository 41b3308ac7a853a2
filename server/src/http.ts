/**
 * Request parsing and error replies shared by the routes. Every body or query passes a zod schema; a refusal
 * says which field and why, and never echoes the submitted values (a password could be among them).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod/mini';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'invalid_request', 'the request does not match the expected shape', { issues });
  }
  return result.data;
}

/**
 * Replies for every thrown error. Client errors are logged by status and code only: Fastify's own messages
 * for a malformed JSON body quote the body, and that body may hold a password.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply: FastifyReply) => {
    if (err instanceof HttpError) {
      request.log.info({ statusCode: err.statusCode, code: err.code }, 'request refused');
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...err.extra });
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) {
      request.log.info({ statusCode: status, code: err.code }, 'request refused');
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return reply.code(status).send({ error: code, message: code.replaceAll('_', ' ') });
    }
    // Server faults: the stack helps, and no request body is part of it.
    request.log.error({ err: { type: err.name, message: err.message, stack: err.stack, code: err.code } }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'the server could not complete the request' });
  });
}
