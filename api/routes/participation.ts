import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { computeChange } from '../../analytics/queries/compare';
import { getParticipation, type Participation } from '../../analytics/queries/participation';
import type { Change, LorenzPoint, ParticipationInequalityRow } from '../../analytics/types';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { isSmallSelection } from '../privacy';
import { formatParam, groupName, queryOf } from '../validation';
import { checkPeriod, compareFigures, compareParam, periodFields, requestRange, type Compared } from './analytics-params';

const participationQuery = z
  .object({ ...periodFields, department: groupName.optional(), location: groupName.optional(), compare: compareParam, format: formatParam })
  .superRefine(checkPeriod);

export const funnelSteps = ['headcount', 'visitors', 'reactors', 'commenters', 'creators'] as const;
export type FunnelStepName = (typeof funnelSteps)[number];

/** One step of the participation funnel. */
export interface FunnelStep {
  step: FunnelStepName;
  /** People who reached at least this step. */
  people: number;
  /** people / headcount (null without headcount). */
  shareOfHeadcount: number | null;
  /** people / the previous step's people (null for headcount and after an empty step). */
  shareOfPreviousStep: number | null;
  /** People whose highest step this is (headcount: employed but not active); never below 0. */
  onlyThisStep: number;
}

export interface ParticipationFigures {
  funnel: FunnelStep[];
  inequality: ParticipationInequalityRow;
  lorenz: LorenzPoint[];
}

function shape(p: Participation): ParticipationFigures {
  const counts = funnelSteps.map((step) => p.funnel[step]);
  const funnel = funnelSteps.map((step, i) => ({
    step,
    people: counts[i],
    shareOfHeadcount: counts[0] > 0 ? counts[i] / counts[0] : null,
    shareOfPreviousStep: i > 0 && counts[i - 1] > 0 ? counts[i] / counts[i - 1] : null,
    onlyThisStep: Math.max(0, counts[i] - (counts[i + 1] ?? 0)),
  }));
  return { funnel, inequality: p.inequality, lorenz: p.lorenz };
}

/** The change of the funnel steps and the inequality figures. */
function changeOf(current: ParticipationFigures, previous: ParticipationFigures | null): Record<string, Change> | null {
  const flat = (f: ParticipationFigures) => ({ ...Object.fromEntries(f.funnel.map((s) => [s.step, s.people])), ...f.inequality });
  return computeChange(flat(current), previous ? flat(previous) : null);
}

/**
 * GET /api/participation: the funnel (headcount ▸ visitors ▸ reactors ▸ commenters ▸ creators)
 * and participation inequality (Gini, top 1 %/10 % share, Lorenz curve) of a month (default: the
 * month of the last day with data) or a from/to range; compare=previous adds the previous period.
 * CSV: the funnel steps.
 */
export function participationRoutes(deps: AppDeps) {
  return new Hono().get('/', queryOf(participationQuery), async (c) => {
    const q = c.req.valid('query');
    const answer: Compared<ParticipationFigures> = await withConnection(deps.db, async (conn) => {
      const { data, range } = await requestRange(conn, q, 'lastMonth');
      const empty = { period: range, previousPeriod: null, current: null, previous: null, change: null };
      if (await isSmallSelection(conn, q, deps.config.minGroupSize)) return { ...empty, suppressed: true };
      if (!range) return { ...empty, suppressed: false };
      const filter = { department: q.department, location: q.location };
      const compared = await compareFigures(range, data, q.compare === 'previous', async (r) => shape(await getParticipation(conn, { ...r, ...filter })), changeOf);
      return { ...compared, suppressed: false };
    });
    if (q.format === 'csv') {
      const rows = (answer.current?.funnel ?? []).map((s) => {
        const before = answer.previous?.funnel.find((p) => p.step === s.step);
        return { ...s, previousPeople: before?.people ?? null };
      });
      return csvResponse(`participation${answer.period ? `-${answer.period.from}-${answer.period.to}` : ''}`, rows, ['step', 'people', 'shareOfHeadcount', 'shareOfPreviousStep', 'onlyThisStep', 'previousPeople']);
    }
    return c.json(answer);
  });
}
