import { Hono } from 'hono';
import { withConnection } from '../../analytics/db';
import { getSchemaVersionNumber, getTableCounts } from '../../analytics/queries/meta';
import type { AppDeps } from '../deps';

/** GET /api/health: status, schema version and table counts. */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const result = await withConnection(deps.db, async (conn) => ({
      schemaVersion: await getSchemaVersionNumber(conn),
      tables: await getTableCounts(conn),
    }));
    return c.json({ status: 'ok' as const, ...result });
  });
}
