// Sign-in state of the dashboard. With a users file (tokens mode) the API answers 401 to a
// request without a valid token; the query cache reports that here, and the shell then shows
// the sign-in page instead of the current page. Signing in stores the token in an HttpOnly
// cookie (POST /api/session), so script never keeps it; signing out deletes the cookie.
import { useSyncExternalStore } from 'react';
import { ApiRequestError, client, readJson } from './api';

let signInNeeded = false;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether an error is the API's "sign in first" answer. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401;
}

/** Shows the sign-in page (called when any request answers 401). */
export function requireSignIn(): void {
  if (signInNeeded) return;
  signInNeeded = true;
  emit();
}

/** True while the sign-in page should replace the dashboard. */
export function useSignInNeeded(): boolean {
  return useSyncExternalStore(subscribe, () => signInNeeded, () => false);
}

export interface SessionUser {
  mode: 'local' | 'tokens';
  user: string;
  role: string;
}

/**
 * POST /api/session with the token. On success the server has set the cookie; a wrong token
 * throws ApiRequestError with status 401. Call signedIn() once the cached answers are dropped.
 */
export function signIn(token: string): Promise<SessionUser> {
  return readJson<SessionUser>(() => client.api.session.$post({ json: { token } }));
}

/** Hides the sign-in page again. */
export function signedIn(): void {
  signInNeeded = false;
  emit();
}

/** DELETE /api/session, then a reload, so nothing of the previous user stays in memory. */
export async function signOut(): Promise<void> {
  try {
    await client.api.session.$delete();
  } finally {
    window.location.reload();
  }
}
