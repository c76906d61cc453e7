import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { ensurePeriodMetrics } from '../../analytics/jobs/period-cache';
import { getDepartmentMatrix, getNetwork } from '../../analytics/queries/influencer-ranking';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { formatParam, groupName, isoDay, queryOf } from '../validation';
import { getGroupGuard, isSmallSelection } from '../privacy';
import { checkPersonRange, resolvePeriod } from './period';

const range = {
  from: isoDay.optional(),
  to: isoDay.optional(),
};

const networkQuery = z
  .object({
    ...range,
    limit: z.coerce.number().int().min(2).max(1000).optional(),
    minWeight: z.coerce.number().min(0).max(1e9).optional(),
    department: groupName.optional(),
    community: z.coerce.number().int().min(0).max(1_000_000).optional(),
  })
  .superRefine(checkPersonRange);

const matrixQuery = z
  .object({ ...range, format: formatParam.optional() })
  .superRefine(checkPersonRange);

/** GET /api/network (top people and the edges among them) and GET /api/network/matrix. */
export function networkRoutes(deps: AppDeps) {
  return new Hono()
    .get('/', queryOf(networkQuery), async (c) => {
      const q = c.req.valid('query');
      const period = await resolvePeriod(deps, q.from, q.to);
      if (!period) return c.json({ nodes: [], edges: [], period: null });
      const stored = await ensurePeriodMetrics(deps.db, period.from, period.to);
      const answer = await withConnection(deps.db, async (conn) => {
        if (await isSmallSelection(conn, q, deps.config.minGroupSize)) return { nodes: [], edges: [], suppressed: true };
        const guard = await getGroupGuard(conn, deps.config.minGroupSize);
        const network = await getNetwork(conn, { periodId: stored.periodId, limit: q.limit ?? 150, minWeight: q.minWeight ?? 1, department: q.department, community: q.community });
        return { nodes: guard.foldPeople(network.nodes), edges: network.edges, suppressed: false };
      });
      return c.json({ ...answer, period: stored });
    })
    .get('/matrix', queryOf(matrixQuery), async (c) => {
      const q = c.req.valid('query');
      const period = await resolvePeriod(deps, q.from, q.to);
      if (!period) return c.json({ departments: [], cells: [], period: null });
      const stored = await ensurePeriodMetrics(deps.db, period.from, period.to);
      const { rows, guard } = await withConnection(deps.db, async (conn) => ({
        rows: await getDepartmentMatrix(conn, stored.periodId),
        guard: await getGroupGuard(conn, deps.config.minGroupSize),
      }));
      const label = (d: string | null) => guard.label('department', d);
      const cells = new Map<string, { from: string; to: string; weight: number; ties: number }>();
      for (const r of rows) {
        const key = `${label(r.fromDepartment)}\u0000${label(r.toDepartment)}`;
        const cell = cells.get(key) ?? { from: label(r.fromDepartment), to: label(r.toDepartment), weight: 0, ties: 0 };
        cell.weight += r.weight;
        cell.ties += r.ties;
        cells.set(key, cell);
      }
      const list = [...cells.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
      if (q.format === 'csv') return csvResponse(`department-matrix-${period.from}-${period.to}`, list);
      const departments = [...new Set(list.flatMap((cell) => [cell.from, cell.to]))].sort();
      return c.json({ departments, cells: list, period: stored });
    });
}
