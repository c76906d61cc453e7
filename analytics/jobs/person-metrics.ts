/**
 * The metrics job: for each standard period (every calendar month and quarter of the data,
 * the last 30 and the last 90 days) it builds the interaction graph from SQL-aggregated edges,
 * computes the graph metrics, reach, topic authority, influence score, roles and balance, and
 * stores one row per person in person_metrics. It runs after every import; a custom period
 * is computed on request (the graph part in a worker thread) and stored the same way.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql, withConnection, type Database } from '../db';
import { computeGraphMetrics, type GraphInput, type GraphOutput } from '../graph/metrics';
import { computeBalance, computeExpertTopics, computeInfluence, computeRoles, defaultInfluenceWeights, type InfluenceWeights } from '../graph/influence';
import { defaultEdgeWeights, getGraphEdges, getPeopleAttributes, getPersonActivity, getPersonReach, getTopicAuthority, stageGraphEdges, type EdgeWeights } from '../queries/graph-inputs';
import { getDataPeriod } from '../queries/meta';

export interface MetricsSettings {
  edgeWeights: EdgeWeights;
  influenceWeights: InfluenceWeights;
  /** Betweenness is exact up to this many nodes and sampled above. */
  exactBetweennessMax: number;
  /** Sampled betweenness pivots. */
  pivots: number;
  seed: number;
}

export const defaultMetricsSettings: MetricsSettings = {
  edgeWeights: defaultEdgeWeights,
  influenceWeights: defaultInfluenceWeights,
  exactBetweennessMax: 1000,
  pivots: 256,
  seed: 42,
};

export interface PeriodSpec {
  periodId: string;
  kind: 'all' | 'month' | 'quarter' | 'last30' | 'last90' | 'custom';
  from: string;
  to: string;
}

export interface PeriodRunSummary {
  periodId: string;
  nodes: number;
  edges: number;
  ranked: number;
  communities: number;
  seconds: number;
  timings: Record<string, number>;
}

export type GraphRunner = (input: GraphInput) => Promise<GraphOutput>;

const inProcess: GraphRunner = async (input) => computeGraphMetrics(input);

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Months, quarters, last 30 and last 90 days, and all of the data period [from, to] (clipped to it). */
export function getStandardPeriods(from: string, to: string): PeriodSpec[] {
  const periods: PeriodSpec[] = [];
  const clip = (a: string, b: string) => ({ from: a < from ? from : a, to: b > to ? to : b });
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastKey = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const start = `${key}-01`;
    const end = addDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
    periods.push({ periodId: `month:${key}`, kind: 'month', ...clip(start, end) });
    if (month % 3 === 0 || key === lastKey) {
      const q = Math.ceil(month / 3);
      const qStart = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      const qEndMonth = q * 3;
      const qEnd = addDays(`${qEndMonth === 12 ? year + 1 : year}-${String(qEndMonth === 12 ? 1 : qEndMonth + 1).padStart(2, '0')}-01`, -1);
      periods.push({ periodId: `quarter:${year}-Q${q}`, kind: 'quarter', ...clip(qStart, qEnd) });
    }
    if (key === lastKey) break;
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  periods.push({ periodId: 'last30', kind: 'last30', ...clip(addDays(to, -29), to) });
  periods.push({ periodId: 'last90', kind: 'last90', ...clip(addDays(to, -89), to) });
  periods.push({ periodId: 'all', kind: 'all', from, to });
  return periods;
}

/** The id under which a custom period is stored. */
export function customPeriodId(from: string, to: string): string {
  return `custom:${from}..${to}`;
}

/**
 * Computes and stores the metrics of one period (replacing earlier results for it).
 * Returns counts and timings. An empty period stores a period row with no people.
 */
export async function computePeriodMetrics(
  db: Database,
  period: PeriodSpec,
  settings: MetricsSettings = defaultMetricsSettings,
  runGraph: GraphRunner = inProcess,
): Promise<PeriodRunSummary> {
  const began = performance.now();
  return withConnection(db, async (c) => {
    const timings: Record<string, number> = {};
    const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const result = await work();
      timings[name] = Math.round(performance.now() - t);
      return result;
    };
    const dataPeriod = await getDataPeriod(c);
    const people = await getPeopleAttributes(c);
    const optedOut = new Set((await queryRows<{ id: string }>(c, 'SELECT person_id AS id FROM opt_outs')).map((r) => r.id));
    const edges = await time('sqlEdges', () => stageGraphEdges(c, period.from, period.to, settings.edgeWeights));
    const reach = await time('sqlReach', () => getPersonReach(c, period.from, period.to));
    const activity = await time('sqlActivity', () => getPersonActivity(c, period.from, period.to));
    const topics = await time('sqlTopics', () => getTopicAuthority(c, period.from, period.to));
    const length = dayCount(period.from, period.to);
    const previousFrom = addDays(period.from, -length);
    const hasPrevious = dataPeriod.from !== null && previousFrom >= dataPeriod.from;
    const previous = hasPrevious ? await time('sqlPrevious', () => getGraphEdges(c, previousFrom, addDays(period.from, -1), settings.edgeWeights)) : null;

    // Nodes: everyone with an edge, reach or authored items in the period.
    const attributes = new Map(people.map((p) => [p.personId, p]));
    const index = new Map<string, number>();
    const ids: string[] = [];
    const add = (id: string) => {
      if (!index.has(id) && attributes.has(id)) {
        index.set(id, ids.length);
        ids.push(id);
      }
    };
    for (let i = 0; i < edges.source.length; i++) {
      add(edges.source[i]);
      add(edges.target[i]);
    }
    for (const r of reach) add(r.personId);
    for (const a of activity) add(a.personId);
    const n = ids.length;
    const departmentCodes = new Map<string, number>();
    const departments = new Int32Array(n);
    const rankable = new Array<boolean>(n);
    ids.forEach((id, i) => {
      const p = attributes.get(id)!;
      // Official and bot accounts, and people who opted out, are never ranked.
      rankable[i] = p.accountType === 'person' && !optedOut.has(id);
      if (p.department === null) departments[i] = -1;
      else {
        if (!departmentCodes.has(p.department)) departmentCodes.set(p.department, departmentCodes.size);
        departments[i] = departmentCodes.get(p.department)!;
      }
    });
    const m = edges.source.length;
    const sources = new Int32Array(m);
    const targets = new Int32Array(m);
    const weights = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      sources[i] = index.get(edges.source[i])!;
      targets[i] = index.get(edges.target[i])!;
      weights[i] = edges.weight[i];
    }
    const graph = await time('graph', () =>
      runGraph({ n, sources, targets, weights, departments, exactBetweennessMax: settings.exactBetweennessMax, pivots: settings.pivots, seed: settings.seed }),
    );
    Object.assign(timings, Object.fromEntries(Object.entries(graph.timings).map(([k, v]) => [`graph.${k}`, v])));

    const tInfluence = performance.now();
    const reachOf = new Float64Array(n);
    const crossOf = new Float64Array(n);
    const entropyOf = new Float64Array(n);
    for (const r of reach) {
      const i = index.get(r.personId);
      if (i === undefined) continue;
      reachOf[i] = r.reach;
      crossOf[i] = r.crossDepartmentReach;
      entropyOf[i] = r.departmentEntropy;
    }
    const posts = new Float64Array(n);
    const comments = new Float64Array(n);
    const answered = new Float64Array(n);
    for (const a of activity) {
      const i = index.get(a.personId);
      if (i === undefined) continue;
      posts[i] = a.posts;
      comments[i] = a.comments;
      answered[i] = a.answered;
    }
    const previousResponders = new Float64Array(n);
    const growth = new Float64Array(n).fill(Number.NaN);
    if (previous) {
      const seen = new Set<string>();
      for (let e = 0; e < previous.source.length; e++) {
        const i = index.get(previous.target[e]);
        if (i === undefined || previous.source[e] === previous.target[e]) continue;
        const key = `${previous.source[e]}\u0000${previous.target[e]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        previousResponders[i]++;
      }
      for (let i = 0; i < n; i++) growth[i] = (graph.responders[i] - previousResponders[i]) / Math.max(previousResponders[i], 1);
    }
    const influence = computeInfluence(ids, rankable, {
      responders: graph.responders,
      crossDepartmentReach: crossOf,
      reach: reachOf,
      pagerank: graph.pagerank,
      betweenness: graph.betweenness,
      authority: graph.authorities,
      inStrength: graph.inStrength,
    }, settings.influenceWeights);
    const expertTopics = computeExpertTopics(
      topics.filter((t) => rankable[index.get(t.personId) ?? -1] === true),
      (id) => Math.max(graph.responders[index.get(id)!], reachOf[index.get(id)!] / 4),
    );
    const topicsOf = ids.map((id) => expertTopics.get(id) ?? []);
    const roles = computeRoles({
      rankable,
      percentiles: influence.percentiles,
      otherCommunities: graph.otherCommunities,
      otherDepartments: graph.otherDepartments,
      answered,
      responders: graph.responders,
      growth,
      previousResponders,
      expertTopics: topicsOf,
    });
    const balance = computeBalance(graph.outStrength, graph.inStrength, posts);
    timings.influence = Math.round(performance.now() - tInfluence);

    const tWrite = performance.now();
    const latestRun = (await queryRows<{ run: number | null }>(c, 'SELECT max(run_id)::INTEGER AS run FROM import_runs'))[0].run ?? 0;
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run('DELETE FROM person_metrics WHERE period_id = $period', { period: period.periodId });
      await c.run('DELETE FROM metric_periods WHERE period_id = $period', { period: period.periodId });
      await c.run('DELETE FROM period_edges WHERE period_id = $period', { period: period.periodId });
      await c.run('DELETE FROM person_department_reach WHERE period_id = $period', { period: period.periodId });
      await c.run(readSql('person-department-reach-insert'), { period: period.periodId });
      await c.run(
        `INSERT INTO period_edges SELECT $period, source, target, weight, comments, reactions, shares, mentions, interactions FROM period_edges_stage`,
        { period: period.periodId },
      );
      const appender = await c.createAppender('person_metrics');
      for (let i = 0; i < n; i++) {
        appender.appendVarchar(period.periodId);
        appender.appendVarchar(ids[i]);
        appender.appendDouble(graph.inStrength[i]);
        appender.appendDouble(graph.outStrength[i]);
        appender.appendInteger(graph.responders[i]);
        appender.appendInteger(answered[i]);
        appender.appendInteger(reachOf[i]);
        appender.appendInteger(crossOf[i]);
        appender.appendDouble(entropyOf[i]);
        appender.appendDouble(graph.pagerank[i]);
        appender.appendDouble(graph.betweenness[i]);
        appender.appendDouble(graph.hubs[i]);
        appender.appendDouble(graph.authorities[i]);
        appender.appendInteger(graph.community[i]);
        if (Number.isFinite(growth[i])) appender.appendDouble(growth[i]);
        else appender.appendNull();
        appender.appendInteger(posts[i]);
        appender.appendInteger(comments[i]);
        appender.appendInteger(graph.networkSize[i]);
        appender.appendInteger(graph.strongTies[i]);
        appender.appendInteger(graph.diverseTies[i]);
        appender.appendVarchar(balance[i]);
        if (rankable[i]) {
          appender.appendDouble(influence.score[i]);
          appender.appendInteger(influence.rank[i]);
        } else {
          appender.appendNull();
          appender.appendNull();
        }
        appender.appendVarchar(roles[i].join(';'));
        if (topicsOf[i].length > 0) appender.appendVarchar(topicsOf[i].join(';'));
        else appender.appendNull();
        appender.appendVarchar(JSON.stringify(influence.explanation[i].map((e) => ({ ...e, percentile: Math.round(e.percentile * 1000) / 1000 }))));
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
      await c.run(
        `INSERT INTO metric_periods VALUES ($period, $kind, $from::DATE, $to::DATE, now(), $nodes, $edges, $communities, $pivots, $seconds, $run)`,
        {
          period: period.periodId,
          kind: period.kind,
          from: period.from,
          to: period.to,
          nodes: n,
          edges: graph.edges,
          communities: graph.communityCount,
          pivots: graph.betweennessPivots,
          seconds: (performance.now() - began) / 1000,
          run: latestRun,
        },
      );
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
    timings.write = Math.round(performance.now() - tWrite);
    return {
      periodId: period.periodId,
      nodes: n,
      edges: graph.edges,
      ranked: rankable.filter(Boolean).length,
      communities: graph.communityCount,
      seconds: (performance.now() - began) / 1000,
      timings,
    };
  });
}

export const undatedRange = { from: '1970-01-01', to: '2099-12-31' } as const;

/**
 * The days the graph job covers: the data period of platform activity, else the days of the
 * direct interactions, else — for an edge list without any dates — one undated period.
 * Null when there is nothing to build a graph from.
 */
export async function getGraphPeriod(c: DuckDBConnection): Promise<{ from: string; to: string; undated: boolean } | null> {
  const data = await getDataPeriod(c);
  if (data.from && data.to) return { from: data.from, to: data.to, undated: false };
  const rows = await queryRows<{ from: string | null; to: string | null; n: number }>(
    c,
    `SELECT strftime(min(day), '%Y-%m-%d') AS "from", strftime(max(day), '%Y-%m-%d') AS "to", count(*)::INTEGER AS n FROM interactions`,
  );
  const r = rows[0];
  if (r.n === 0) return null;
  if (r.from && r.to) return { from: r.from, to: r.to, undated: false };
  return { ...undatedRange, undated: true };
}

/** Computes every standard period of the data; returns one summary per period. */
export async function runMetricsJob(
  db: Database,
  options: { settings?: MetricsSettings; onPeriod?: (summary: PeriodRunSummary) => void; runGraph?: GraphRunner } = {},
): Promise<PeriodRunSummary[]> {
  const period = await withConnection(db, getGraphPeriod);
  if (!period) return [];
  const out: PeriodRunSummary[] = [];
  await withConnection(db, async (c: DuckDBConnection) => {
    await c.run("DELETE FROM person_metrics WHERE NOT starts_with(period_id, 'custom:')");
    await c.run("DELETE FROM period_edges WHERE NOT starts_with(period_id, 'custom:')");
    await c.run("DELETE FROM person_department_reach WHERE NOT starts_with(period_id, 'custom:')");
    await c.run("DELETE FROM metric_periods WHERE kind <> 'custom'");
  });
  const specs = period.undated ? [{ periodId: 'all', kind: 'all' as const, from: period.from, to: period.to }] : getStandardPeriods(period.from, period.to);
  for (const spec of specs) {
    const summary = await computePeriodMetrics(db, spec, options.settings, options.runGraph);
    options.onPeriod?.(summary);
    out.push(summary);
  }
  return out;
}
