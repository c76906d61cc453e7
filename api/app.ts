// The API as one chained Hono app, so the web client (hc<AppType>) infers every request and
// response type from here. No server, no port: tests call app.request().
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from './deps';
import { accessControl } from './access';
import { DataVersion, responseCache } from './cache';
import { auditRoutes } from './routes/audit';
import { importRoutes } from './routes/imports';
import { sessionRoutes } from './routes/session';
import { mountStatic } from './static';
import { notFound, onError } from './errors';
import { adoptionRoutes } from './routes/adoption';
import { contentRoutes } from './routes/content';
import { participationRoutes } from './routes/participation';
import { definitionRoutes } from './routes/definitions';
import { healthRoutes } from './routes/health';
import { influencerRoutes } from './routes/influencers';
import { networkRoutes } from './routes/network';
import { peopleRoutes } from './routes/people';
import { metaRoutes } from './routes/meta';
import { pilotGroupRoutes, pilotRoutes } from './routes/pilot';
import { tandemRoutes } from './routes/tandems';
import { programmeRoutes } from './routes/programmes';
import { reportRoutes } from './routes/reports';

/** Builds the API for an open database and a configuration. */
export function createApp(given: AppDeps, options: { staticRoot?: string } = {}) {
  const deps: AppDeps = { ...given, dataVersion: given.dataVersion ?? new DataVersion() };
  const api = new Hono()
    .route('/health', healthRoutes(deps))
    .route('/meta', metaRoutes(deps))
    .route('/adoption', adoptionRoutes(deps))
    .route('/participation', participationRoutes(deps))
    .route('/content', contentRoutes(deps))
    .route('/definitions', definitionRoutes())
    .route('/influencers', influencerRoutes(deps))
    .route('/people', peopleRoutes(deps))
    .route('/network', networkRoutes(deps))
    .route('/pilot-group', pilotRoutes(deps))
    .route('/pilot-groups', pilotGroupRoutes(deps))
    .route('/tandems', tandemRoutes(deps))
    .route('/programmes', programmeRoutes(deps))
    .route('/reports', reportRoutes(deps))
    .route('/audit', auditRoutes(deps))
    .route('/imports', importRoutes(deps))
    .route('/session', sessionRoutes(deps));
  const app = new Hono()
    .use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] } }))
    .use('/api/*', async (c, next) => {
      // Uploads may be large (and are checked again when unpacked); everything else is small.
      const maxSize = c.req.path === '/api/imports' ? deps.config.uploadLimitMb * 1024 * 1024 : 1024 * 1024;
      return bodyLimit({ maxSize, onError: (ctx) => ctx.json({ error: { code: 'payload_too_large', message: `The request body is larger than ${Math.round(maxSize / 1024 / 1024)} MB.` } }, 413) })(c, next);
    })
    .use('/api/*', accessControl(deps))
    .use('/api/*', deps.cache === false ? (_c, next) => next() : responseCache(deps.dataVersion!))
    .route('/api', api);
  if (options.staticRoot) mountStatic(app, options.staticRoot);
  app.notFound((c) => (c.req.path.startsWith('/api') ? notFound(c) : c.text('Not found', 404)));
  app.onError(onError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
