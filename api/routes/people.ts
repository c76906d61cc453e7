import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { explainInfluence } from '../../analytics/explain';
import { ensurePeriodMetrics } from '../../analytics/jobs/period-cache';
import {
  getDepartmentsReached,
  getInfluencers,
  getPersonHistory,
  getPersonProfile,
  getPersonTies,
  getRecentContent,
} from '../../analytics/queries/influencer-ranking';
import { getGroupGuard } from '../privacy';
import { queryRows } from '../../analytics/db';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { isoDay, queryOf } from '../validation';
import { checkPersonRange, resolvePeriod } from './period';

const profileQuery = z
  .object({ from: isoDay.optional(), to: isoDay.optional(), lang: z.enum(['de', 'en']).optional() })
  .superRefine(checkPersonRange);

const personId = z.string().min(1).max(200);

/** GET /api/people/:id — a profile: metrics over time, ties, departments reached, recent content. */
export function peopleRoutes(deps: AppDeps) {
  return new Hono().get('/:id', queryOf(profileQuery), async (c) => {
    const id = personId.safeParse(c.req.param('id'));
    if (!id.success) throw new ApiError(400, 'bad_request', 'Invalid person id: at most 200 characters');
    const q = c.req.valid('query');
    const lang = q.lang ?? 'de';
    const profile = await withConnection(deps.db, async (conn) => {
      const optedOut = (await queryRows<{ n: number }>(conn, 'SELECT count(*)::INTEGER AS n FROM opt_outs WHERE person_id = $id', { id: id.data }))[0].n > 0;
      // An opted-out person is never shown: the answer is the same as for an unknown id.
      return optedOut ? null : getPersonProfile(conn, id.data);
    });
    if (!profile) throw new ApiError(404, 'not_found', `No person with id "${id.data}"`);
    const period = await resolvePeriod(deps, q.from, q.to);
    if (!period) return c.json({ person: profile, period: null, current: null, history: [], ties: [], departmentsReached: [], recentContent: [] });
    const stored = await ensurePeriodMetrics(deps.db, period.from, period.to);
    const result = await withConnection(deps.db, async (conn) => {
      const guard = await getGroupGuard(conn, deps.config.minGroupSize);
      const ranked = (await getInfluencers(conn, { periodId: stored.periodId, personId: id.data, limit: 1, offset: 0 })).items[0] ?? null;
      const reached = await getDepartmentsReached(conn, id.data, stored.periodId);
      const folded = new Map<string, number>();
      for (const r of reached) {
        const key = guard.label('department', r.department);
        folded.set(key, (folded.get(key) ?? 0) + r.people);
      }
      const person = guard.foldPeople([profile])[0];
      return {
        person,
        current: ranked ? { ...guard.foldPeople([ranked])[0], explanation: explainInfluence(ranked.explanation, lang), explanationParts: ranked.explanation } : null,
        history: await getPersonHistory(conn, id.data),
        ties: guard.foldPeople(await getPersonTies(conn, id.data, stored.periodId, 10)),
        departmentsReached: [...folded.entries()].map(([department, people]) => ({ department, people })).sort((a, b) => b.people - a.people),
        recentContent: await getRecentContent(conn, id.data, period.from, period.to, 10),
      };
    });
    return c.json({ period: stored, ...result });
  });
}
