/**
 * Influence score, explanation, roles and give/receive balance from per-person metrics.
 *
 * What: every rankable person (a `person` account; official and bot accounts never are) gets
 * a percentile rank in each component among the rankable people of the period; a component
 * the person does not show at all (value 0) gives percentile 0. The score is the weighted
 * mean of those percentiles, in [0, 1]. The explanation lists the components that put the
 * person where they are (up to three with percentile >= 0.8, else the strongest one).
 * Why percentile ranks: the components live on very different scales (PageRank sums to 1,
 * reach counts people), and ranks are robust to one extreme value. Why these weights: what
 * is hard to game weighs most — many distinct responders and reach across departments —
 * while raw volume (weighted in-strength) weighs least (DESIGN.md, issue text).
 */
import { computeAverageRanks } from './rank-correlation.js';

export const influenceComponents = ['responders', 'crossDepartmentReach', 'reach', 'pagerank', 'betweenness', 'authority', 'inStrength'] as const;
export type InfluenceComponent = (typeof influenceComponents)[number];
export type InfluenceWeights = Record<InfluenceComponent, number>;

/** Default weights of the influence score (they sum to 1). */
export const defaultInfluenceWeights: InfluenceWeights = {
  responders: 0.25,
  crossDepartmentReach: 0.2,
  reach: 0.15,
  pagerank: 0.15,
  betweenness: 0.1,
  authority: 0.05,
  inStrength: 0.1,
};

export interface ExplanationItem {
  component: InfluenceComponent;
  value: number;
  percentile: number;
}

export interface InfluenceResult {
  /** Score in [0, 1] per person; NaN for people who are not rankable. */
  score: Float64Array;
  /** 1-based rank among rankable people (0 = not ranked). */
  rank: Int32Array;
  percentiles: Record<InfluenceComponent, Float64Array>;
  explanation: ExplanationItem[][];
}

/**
 * Percentile of each value among the values of `eligible` people: the share of eligible
 * people with a smaller value plus half of those with the same (mid-rank), in [0, 1];
 * 0 for a value <= 0 and for people who are not eligible.
 */
export function computePercentiles(values: ArrayLike<number>, eligible: ArrayLike<boolean>): Float64Array {
  const n = values.length;
  const index: number[] = [];
  for (let i = 0; i < n; i++) if (eligible[i]) index.push(i);
  const out = new Float64Array(n);
  if (index.length === 0) return out;
  const subset = index.map((i) => values[i]);
  const ranks = computeAverageRanks(subset); // 1-based, ties averaged, ascending
  const m = index.length;
  index.forEach((i, j) => {
    out[i] = values[i] > 0 ? (ranks[j] - 0.5) / m : 0;
  });
  return out;
}

/** Computes score, rank and explanation; `ids` break ties deterministically. Empty input gives empty arrays. */
export function computeInfluence(
  ids: readonly string[],
  rankable: ArrayLike<boolean>,
  components: Record<InfluenceComponent, ArrayLike<number>>,
  weights: InfluenceWeights = defaultInfluenceWeights,
): InfluenceResult {
  const n = ids.length;
  const totalWeight = influenceComponents.reduce((s, c) => s + Math.max(0, weights[c]), 0);
  if (!(totalWeight > 0)) throw new RangeError('influence weights must contain a positive weight');
  const percentiles = {} as Record<InfluenceComponent, Float64Array>;
  for (const c of influenceComponents) percentiles[c] = computePercentiles(components[c], rankable);
  const score = new Float64Array(n).fill(Number.NaN);
  const explanation: ExplanationItem[][] = [];
  for (let i = 0; i < n; i++) {
    if (!rankable[i]) {
      explanation.push([]);
      continue;
    }
    let s = 0;
    for (const c of influenceComponents) s += Math.max(0, weights[c]) * percentiles[c][i];
    score[i] = s / totalWeight;
    const parts = influenceComponents
      .filter((c) => weights[c] > 0 && percentiles[c][i] > 0)
      .map((c) => ({ component: c, value: Number(components[c][i]), percentile: percentiles[c][i], pull: weights[c] * percentiles[c][i] }))
      .sort((a, b) => b.pull - a.pull || a.component.localeCompare(b.component));
    const strong = parts.filter((p) => p.percentile >= 0.8).slice(0, 3);
    explanation.push((strong.length > 0 ? strong : parts.slice(0, 1)).map(({ component, value, percentile }) => ({ component, value, percentile })));
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (rankable[i]) order.push(i);
  const responders = components.responders;
  order.sort((a, b) => score[b] - score[a] || responders[b] - responders[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const rank = new Int32Array(n);
  order.forEach((i, position) => {
    rank[i] = position + 1;
  });
  return { score, rank, percentiles, explanation };
}

export const balanceKinds = ['engager', 'catalyst', 'responder', 'broadcaster', 'observer'] as const;
export type Balance = (typeof balanceKinds)[number];

/**
 * Give/receive balance as enterprise-social analysts use it. give = weighted out-strength,
 * receive = weighted in-strength; "high" means at or above the median of the people with a
 * non-zero value. engager: gives and receives much; catalyst: receives much, gives little;
 * responder: gives much, receives little; broadcaster: posts but little exchange either way;
 * observer: none of these (reads, reacts rarely).
 */
export function computeBalance(give: ArrayLike<number>, receive: ArrayLike<number>, posts: ArrayLike<number>): Balance[] {
  const medianOfPositive = (values: ArrayLike<number>) => {
    const positive = Array.from(values).filter((v) => v > 0).sort((a, b) => a - b);
    return positive.length === 0 ? Number.POSITIVE_INFINITY : positive[Math.floor((positive.length - 1) / 2)];
  };
  const giveMedian = medianOfPositive(give);
  const receiveMedian = medianOfPositive(receive);
  return Array.from({ length: give.length }, (_, i) => {
    const highGive = give[i] > 0 && give[i] >= giveMedian;
    const highReceive = receive[i] > 0 && receive[i] >= receiveMedian;
    if (highGive && highReceive) return 'engager';
    if (highReceive) return 'catalyst';
    if (highGive) return 'responder';
    if (posts[i] > 0) return 'broadcaster';
    return 'observer';
  });
}

export const roleNames = ['amplifier', 'broker', 'expert', 'communityBuilder', 'risingVoice'] as const;
export type Role = (typeof roleNames)[number];

export interface RoleInputs {
  rankable: ArrayLike<boolean>;
  percentiles: Record<InfluenceComponent, Float64Array>;
  /** Distinct communities other than the own one among the person's neighbours. */
  otherCommunities: ArrayLike<number>;
  /** Distinct departments other than the own one among the person's neighbours. */
  otherDepartments: ArrayLike<number>;
  answered: ArrayLike<number>;
  responders: ArrayLike<number>;
  growth: ArrayLike<number>; // NaN = no previous period
  previousResponders: ArrayLike<number>;
  expertTopics: ReadonlyArray<readonly string[]>;
}

/** Role thresholds, documented in docs/influence.md. */
export const roleThresholds = {
  amplifierReach: 0.99,
  amplifierCrossDepartment: 0.9,
  brokerBetweenness: 0.99,
  brokerGroups: 2,
  builderAnswered: 0.99,
  builderMinimum: 10,
  risingGrowth: 2,
  risingResponders: 0.95,
  expertMinimum: 5,
  expertShare: 0.25,
} as const;

/** Assigns roles to rankable people; others get none. */
export function computeRoles(input: RoleInputs): Role[][] {
  const n = input.rankable.length;
  const answeredPct = computePercentiles(input.answered, input.rankable);
  const t = roleThresholds;
  const roles: Role[][] = [];
  for (let i = 0; i < n; i++) {
    const r: Role[] = [];
    if (input.rankable[i]) {
      const p = input.percentiles;
      if (p.reach[i] >= t.amplifierReach && p.crossDepartmentReach[i] >= t.amplifierCrossDepartment) r.push('amplifier');
      if (p.betweenness[i] >= t.brokerBetweenness && (input.otherCommunities[i] >= t.brokerGroups || input.otherDepartments[i] >= t.brokerGroups)) r.push('broker');
      if (input.expertTopics[i].length > 0) r.push('expert');
      if (answeredPct[i] >= t.builderAnswered && input.answered[i] >= t.builderMinimum) r.push('communityBuilder');
      const growth = input.growth[i];
      if (Number.isFinite(growth) && growth >= t.risingGrowth && p.responders[i] >= t.risingResponders && input.previousResponders[i] < input.responders[i] / 2) {
        r.push('risingVoice');
      }
    }
    roles.push(r);
  }
  return roles;
}

/**
 * Experts per topic: the people ranked 1 to 3 by topic strength whose strength is at least
 * 5, at least twice the topic's median, and at least a quarter of all the people who respond
 * to them (`overall`) — so a person recognised for one subject is an expert in it, while a
 * broadly popular voice is not an expert in every topic they touch. Input rows are
 * (topic, person, strength). Returns topic lists per person id.
 */
export function computeExpertTopics(
  rows: ReadonlyArray<{ topic: string; personId: string; strength: number }>,
  overall: (personId: string) => number,
): Map<string, string[]> {
  const byTopic = new Map<string, Array<{ personId: string; strength: number }>>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push(row);
    byTopic.set(row.topic, list);
  }
  const out = new Map<string, string[]>();
  for (const [topic, list] of [...byTopic.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...list].sort((a, b) => b.strength - a.strength || a.personId.localeCompare(b.personId));
    const median = sorted[Math.floor((sorted.length - 1) / 2)].strength;
    for (const entry of sorted.slice(0, 3)) {
      const t = roleThresholds;
      if (entry.strength >= t.expertMinimum && entry.strength >= 2 * median && entry.strength >= t.expertShare * overall(entry.personId)) {
        out.set(entry.personId, [...(out.get(entry.personId) ?? []), topic]);
      }
    }
  }
  return out;
}
