import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { findUserByToken, loadAccess } from '../access';
import type { AppDeps } from '../deps';
import { ApiError, badRequest } from '../errors';

const signIn = z.object({ token: z.string().min(1).max(500) });

/**
 * POST /api/session {token}: checks the token and keeps it in an HttpOnly, SameSite=Strict
 * cookie, so the dashboard (and its CSV links) work without handling the token in script.
 * DELETE /api/session signs out. In local mode there is nothing to sign in to.
 */
export function sessionRoutes(deps: AppDeps) {
  const access = loadAccess(deps.config.usersFile);
  return new Hono()
    .post(
      '/',
      validator('json', (value) => {
        const parsed = signIn.safeParse(value);
        if (!parsed.success) throw badRequest(parsed.error, 'body');
        return parsed.data;
      }),
      async (c) => {
        if (access.mode === 'local') return c.json({ mode: 'local' as const, user: 'local', role: 'admin' });
        const { token } = c.req.valid('json');
        const user = findUserByToken(access, token);
        if (!user) throw new ApiError(401, 'unauthorized', 'The token is not valid.');
        setCookie(c, 'chorus_token', token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: c.req.url.startsWith('https:'), maxAge: 60 * 60 * 12 });
        return c.json({ mode: 'tokens' as const, user: user.name, role: user.role });
      },
    )
    .delete('/', (c) => {
      deleteCookie(c, 'chorus_token', { path: '/' });
      return c.json({ signedOut: true });
    });
}
