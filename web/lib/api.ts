// The typed API client. Request and response types come from the server's route definitions
// (AppType), so a change of the API shows up here as a type error, not as a broken page.
import { hc } from 'hono/client';
import type { AppType } from '../../api/app';

/** The hono RPC client for the API served on the same origin as the dashboard. */
export const client = hc<AppType>('/');

/**
 * A failed API call: the API's own `{ error: { code, message } }` when the server answered, or
 * code `network` when it could not be reached (the message is then the browser's).
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The API's `error.details`, when it sent any. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

interface JsonResponse<T> {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<T>;
}

/**
 * Awaits an RPC call and returns its JSON body. Throws ApiRequestError with the API's message
 * for a non-2xx answer, and with code `network` when the request did not reach the server.
 */
export async function readJson<T>(call: () => Promise<JsonResponse<T>>): Promise<T> {
  let response: JsonResponse<T>;
  try {
    response = await call();
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response.json();
  let code = 'http_error';
  let message = `${response.status} ${response.statusText}`.trim();
  let details: unknown;
  try {
    const body = (await response.json()) as unknown as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (typeof body?.error?.code === 'string') code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message;
    details = body?.error?.details;
  } catch {
    // Not JSON (a proxy's error page, for example): keep the status line.
  }
  throw new ApiRequestError(response.status, code, message, details);
}
