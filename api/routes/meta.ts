import { Hono } from 'hono';
import { withConnection } from '../../analytics/db';
import { getDataPeriod, getGroupSizes, getImportRuns } from '../../analytics/queries/meta';
import { describeAccess, type AccessVariables } from '../access';
import type { AppDeps } from '../deps';

/**
 * GET /api/meta: data period, time zone, minimum group size, and the departments, locations
 * and spaces to filter by. A group below the minimum size is listed (its name is not personal)
 * but flagged `suppressed`, and its size is not shown.
 */
export function metaRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AccessVariables }>().get('/', async (c) => {
    const min = deps.config.minGroupSize;
    const result = await withConnection(deps.db, async (conn) => {
      const [period, groups, runs] = await Promise.all([getDataPeriod(conn), getGroupSizes(conn), getImportRuns(conn, 1)]);
      const pick = (dimension: string) =>
        groups
          .filter((g) => g.dimension === dimension)
          .map((g) => ({ name: g.group, people: g.people >= min ? g.people : null, suppressed: g.people < min }));
      return {
        dataPeriod: period,
        timeZone: deps.db.timeZone,
        minGroupSize: min,
        departments: pick('department'),
        locations: pick('location'),
        spaces: pick('space'),
        lastImport: runs[0] ?? null,
        access: describeAccess(deps, c.get('user')),
      };
    });
    return c.json(result);
  });
}
