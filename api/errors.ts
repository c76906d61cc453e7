// One error shape for the whole API: { error: { code, message, details? } }.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 400 for a zod failure, naming each parameter and what is wrong with it. */
export function badRequest(error: z.ZodError, where: string): ApiError {
  const details = error.issues.map((i) => ({ parameter: i.path.join('.') || where, message: i.message }));
  const message = details.map((d) => `${d.parameter}: ${d.message}`).join('; ');
  return new ApiError(400, 'bad_request', `Invalid ${where}: ${message}`, details);
}

/** Hono error handler: known errors keep their status; anything else is logged and becomes a bare 500. */
export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json({ error: { code: status === 413 ? 'payload_too_large' : 'http_error', message: error.message || 'Request failed' } }, status);
  }
  console.error(`[chorus] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: { code: 'internal', message: 'Internal error; the server log has the details.' } }, 500);
}

/** JSON 404 for unknown API paths. */
export function notFound(c: Context): Response {
  return c.json({ error: { code: 'not_found', message: `No such endpoint: ${c.req.method} ${c.req.path}` } }, 404);
}
