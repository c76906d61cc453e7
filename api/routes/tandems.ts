// GET /api/tandems: hesitant colleagues paired with a poster they already interact with.
// Person-level: the `person` area (lead, admin), audited, off in works-council mode.
import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { explainTandem, getTandems, tandemDefaults } from '../../analytics/queries/tandems';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { getGroupGuard, isSmallSelection } from '../privacy';
import { formatParam, groupName, isoDay, queryOf } from '../validation';
import { checkPersonRange, resolvePeriod } from './period';

const tandemsQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    department: groupName.optional(),
    minPosts: z.coerce.number().int().min(1).max(10_000).optional(),
    maxItems: z.coerce.number().int().min(0).max(10_000).optional(),
    minReads: z.coerce.number().int().min(1).max(1_000_000).optional(),
    maxPerPoster: z.coerce.number().int().min(1).max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
    lang: z.enum(['de', 'en']).optional(),
    format: formatParam.optional(),
  })
  .superRefine(checkPersonRange)
  .refine((q) => q.maxItems === undefined || q.minPosts === undefined || q.maxItems < q.minPosts, { message: 'maxItems must be below minPosts (a hesitant colleague writes less than a poster posts)', path: ['maxItems'] });

/** GET /api/tandems (+ format=csv). */
export function tandemRoutes(deps: AppDeps) {
  return new Hono().get('/', queryOf(tandemsQuery), async (c) => {
    const q = c.req.valid('query');
    const lang = q.lang ?? 'de';
    const period = await resolvePeriod(deps, q.from, q.to);
    const settings = { minPosts: q.minPosts ?? tandemDefaults.minPosts, maxItems: q.maxItems ?? tandemDefaults.maxItems, minReads: q.minReads ?? tandemDefaults.minReads, maxPerPoster: q.maxPerPoster ?? tandemDefaults.maxPerPoster };
    if (!period) return c.json({ items: [], period: null, suppressed: false, settings });
    const { items, suppressed } = await withConnection(deps.db, async (conn) => {
      if (await isSmallSelection(conn, q, deps.config.minGroupSize)) return { items: [], suppressed: true };
      const guard = await getGroupGuard(conn, deps.config.minGroupSize);
      const rows = await getTandems(conn, { ...period, department: q.department, ...settings, limit: q.limit ?? (q.format === 'csv' ? 5000 : tandemDefaults.limit) });
      const folded = rows.map((r) => ({
        ...r,
        reason: explainTandem(r, lang),
        hesitantDepartment: guard.label('department', r.hesitantDepartment),
        posterDepartment: guard.label('department', r.posterDepartment),
      }));
      return { items: folded, suppressed: false };
    });
    if (q.format === 'csv') {
      return csvResponse(
        `tandems-${period.from}-${period.to}`,
        items as unknown as Record<string, unknown>[],
        ['posterId', 'posterName', 'posterDepartment', 'posterPosts', 'hesitantId', 'hesitantName', 'hesitantDepartment', 'hesitantPosts', 'hesitantViews', 'hesitantReactions', 'views', 'reactions', 'comments', 'shares', 'direct', 'sameDepartment', 'score', 'reason'],
      );
    }
    return c.json({ items, period, suppressed, settings });
  });
}
