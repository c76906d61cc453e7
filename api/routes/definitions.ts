import { Hono } from 'hono';
import { metricDefinitions } from '../../analytics/metric-definitions';

/**
 * GET /api/definitions: the short German and English definition of every adoption,
 * participation, engagement and content figure (analytics/metric-definitions.ts), so the
 * dashboard's info tooltips, the report and docs/metrics.md say the same thing. The web app may
 * not import analytics/ at runtime, so it reads them here, once. They change only with a new
 * version of Chorus: the browser may keep them for a day.
 */
export function definitionRoutes() {
  return new Hono().get('/', (c) => {
    c.header('cache-control', 'private, max-age=86400');
    return c.json({ items: metricDefinitions.map((d) => ({ key: d.key as string, de: d.de as string, en: d.en as string })) });
  });
}
