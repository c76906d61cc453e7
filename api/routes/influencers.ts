import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { explainInfluence } from '../../analytics/explain';
import { roleNames } from '../../analytics/graph/influence';
import { ensurePeriodMetrics } from '../../analytics/jobs/period-cache';
import { getInfluencers, getMetricPeriods, influencerSortKeys, type InfluencerSort } from '../../analytics/queries/influencer-ranking';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { formatParam, groupName, isoDay, queryOf } from '../validation';
import { getGroupGuard, isSmallSelection } from '../privacy';
import { resolvePeriod } from './period';

const influencersQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    department: groupName.optional(),
    location: groupName.optional(),
    role: z.enum(roleNames).optional(),
    sort: z.enum(Object.keys(influencerSortKeys) as [InfluencerSort, ...InfluencerSort[]]).optional(),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    lang: z.enum(['de', 'en']).optional(),
    format: formatParam.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to, or neither (the last 90 days)', path: ['to'] });

/** GET /api/influencers (ranked, explained) and GET /api/influencers/periods (what is stored). */
export function influencerRoutes(deps: AppDeps) {
  return new Hono()
    .get('/periods', async (c) => {
      const periods = await withConnection(deps.db, getMetricPeriods);
      return c.json({ items: periods });
    })
    .get('/', queryOf(influencersQuery), async (c) => {
      const q = c.req.valid('query');
      const lang = q.lang ?? 'de';
      const period = await resolvePeriod(deps, q.from, q.to);
      if (!period) return c.json({ items: [], total: 0, period: null });
      const stored = await ensurePeriodMetrics(deps.db, period.from, period.to);
      const limit = q.limit ?? (q.format === 'csv' ? 5000 : 50);
      const { items, total, suppressed } = await withConnection(deps.db, async (conn) => {
        if (await isSmallSelection(conn, q, deps.config.minGroupSize)) return { items: [], total: 0, suppressed: true };
        const guard = await getGroupGuard(conn, deps.config.minGroupSize);
        const page = await getInfluencers(conn, { periodId: stored.periodId, department: q.department, location: q.location, role: q.role, sort: q.sort, limit, offset: q.offset ?? 0 });
        return { items: guard.foldPeople(page.items), total: page.total, suppressed: false };
      });
      const explained = items.map((item) => ({ ...item, explanation: explainInfluence(item.explanation, lang), explanationParts: item.explanation }));
      if (q.format === 'csv') {
        return csvResponse(
          `influencers-${period.from}-${period.to}`,
          explained.map(({ explanationParts: _parts, ...row }) => row),
          ['rank', 'personId', 'displayName', 'department', 'location', 'score', 'roles', 'expertTopics', 'responders', 'reach', 'crossDepartmentReach', 'pagerank', 'betweenness', 'inStrength', 'authority', 'community', 'growth', 'balance', 'networkSize', 'strongTies', 'diverseTies', 'explanation'],
        );
      }
      return c.json({ items: explained, total, period: stored, suppressed });
    });
}

