// Serves the built dashboard (web/dist) next to the API; unknown non-API paths get index.html
// so that deep links such as /report/2026-10 load the app.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Env, Hono, Schema } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** Adds static file serving and the single-page fallback to `app`. */
export function mountStatic<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, root: string): void {
  const index = join(root, 'index.html');
  const rel = relative(process.cwd(), root) || '.';
  app.use('/assets/*', serveStatic({ root: rel }));
  app.use('/favicon.svg', serveStatic({ root: rel }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    if (!existsSync(index)) return c.text('The dashboard is not built yet: run "npm run build".', 503);
    return c.html(readFileSync(index, 'utf8'));
  });
}
