import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { getAdoption } from '../../analytics/queries/adoption';
import { getDataPeriod } from '../../analytics/queries/meta';
import { isSmallSelection } from '../privacy';
import type { AdoptionRow } from '../../analytics/types';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { formatParam, groupName, isoDay, queryOf } from '../validation';

const adoptionQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    grain: z.enum(['day', 'week', 'month']).default('month'),
    department: groupName.optional(),
    location: groupName.optional(),
    format: formatParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

const maxPeriods = { day: 1100, week: 600, month: 240 } as const;

/** GET /api/adoption: adoption per day, ISO week or month (DESIGN.md definitions). */
export function adoptionRoutes(deps: AppDeps) {
  return new Hono().get('/', queryOf(adoptionQuery), async (c) => {
    const q = c.req.valid('query');
    const answer = await withConnection(deps.db, async (conn) => {
      const period = await getDataPeriod(conn);
      const from = q.from ?? period.from;
      const to = q.to ?? period.to;
      if (await isSmallSelection(conn, q, deps.config.minGroupSize)) {
        return { items: [] as AdoptionRow[], from, to, suppressed: true };
      }
      if (!from || !to) return { items: [] as AdoptionRow[], from, to, suppressed: false };
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      const periods = q.grain === 'day' ? days : q.grain === 'week' ? days / 7 : days / 30;
      if (periods > maxPeriods[q.grain]) {
        throw new ApiError(400, 'bad_request', `The range ${from} to ${to} has too many ${q.grain}s for one answer (at most ${maxPeriods[q.grain]}); choose a coarser grain or a shorter range.`);
      }
      return { items: await getAdoption(conn, { from, to, grain: q.grain, department: q.department, location: q.location }), from, to, suppressed: false };
    });
    if (q.format === 'csv') return csvResponse(`adoption-${q.grain}`, answer.items as unknown as Record<string, unknown>[]);
    return c.json(answer);
  });
}
