// The API as one chained Hono app, so the web client (hc<AppType>) infers every request and
// response type from here. No server, no port: tests call app.request().
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from './deps';
import { accessControl } from './access';
import { auditRoutes } from './routes/audit';
import { mountStatic } from './static';
import { notFound, onError } from './errors';
import { adoptionRoutes } from './routes/adoption';
import { healthRoutes } from './routes/health';
import { influencerRoutes } from './routes/influencers';
import { networkRoutes } from './routes/network';
import { peopleRoutes } from './routes/people';
import { metaRoutes } from './routes/meta';

/** Builds the API for an open database and a configuration. */
export function createApp(deps: AppDeps, options: { staticRoot?: string } = {}) {
  const api = new Hono()
    .route('/health', healthRoutes(deps))
    .route('/meta', metaRoutes(deps))
    .route('/adoption', adoptionRoutes(deps))
    .route('/influencers', influencerRoutes(deps))
    .route('/people', peopleRoutes(deps))
    .route('/network', networkRoutes(deps))
    .route('/audit', auditRoutes(deps));
  const app = new Hono()
    .use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] } }))
    .use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }))
    .use('/api/*', accessControl(deps))
    .route('/api', api);
  if (options.staticRoot) mountStatic(app, options.staticRoot);
  app.notFound((c) => (c.req.path.startsWith('/api') ? notFound(c) : c.text('Not found', 404)));
  app.onError(onError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
