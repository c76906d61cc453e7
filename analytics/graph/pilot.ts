/**
 * Pilot group selection: greedy maximum coverage over reach sets, with lazy evaluation.
 *
 * What: choose `size` people among the candidates so that, together, they reach the most
 * distinct colleagues. The reach set of a person is the set of other people they reached in
 * the period (DESIGN.md "reach of a person", built in SQL by analytics/sql/reach-stage.sql);
 * a member is not counted as reaching themselves, so a member counts as reached only when
 * someone else (another member) reaches them. Each round picks the candidate with the largest
 * marginal gain (colleagues not yet covered); ties go to the candidate listed first (the caller
 * lists candidates by influence rank).
 *
 * Why greedy: maximum coverage is NP-hard, and coverage is monotone submodular, so the greedy
 * choice reaches at least (1 − 1/e) ≈ 63 % of the optimum under a plain size limit (Nemhauser,
 * Wolsey and Fisher 1978), and no polynomial algorithm does better unless P = NP (Feige 1998).
 * Why lazy: by submodularity a candidate's gain can only shrink as the group grows, so a gain
 * computed in an earlier round is an upper bound. A max-heap holds those (possibly stale)
 * bounds; the top is re-evaluated only when it is stale, and a fresh top is the true best
 * (Minoux's accelerated greedy). The picks are those of the plain greedy with the same tie
 * rule, at a fraction of the gain evaluations.
 *
 * Quotas: `max` caps a department or location; `min` is met by restricting the choice, once
 * the remaining places equal the unmet minimums of a dimension, to candidates of groups whose
 * minimum is still unmet. Quotas change the guarantee: max caps on one dimension form a
 * partition matroid, where greedy still reaches at least 1/2 of the constrained optimum
 * (Fisher, Nemhauser and Wolsey 1978); minimums and quotas on both dimensions at once carry no
 * such bound — the result is feasible and greedy within the rules, not provably near-optimal.
 * Requests that cannot be met raise PilotInfeasibleError naming the quota. With quotas on one
 * dimension the checks up front are exact (a request fails only when no group could meet it);
 * with minimums on both dimensions the greedy rule can run into a dead end that another group
 * would have avoided, and then says so, naming the minimum it could not serve.
 *
 * Data layout: people are integers 0..population−1; reach sets are a CSR (offsets, targets);
 * coverage is a Uint8Array; the heap is three typed arrays. 50 picks from 20,000 people with a
 * million reach pairs take milliseconds (test/bench/pilot-bench.ts).
 */

export type QuotaDimension = 'department' | 'location';

export interface Quota {
  by: QuotaDimension;
  group: string;
  min?: number;
  max?: number;
}

/** Reach sets of people 0..population−1: person p reached targets[offsets[p] .. offsets[p+1]). */
export interface ReachSets {
  population: number;
  offsets: Int32Array;
  targets: Int32Array;
}

export interface PilotProblem {
  sets: ReachSets;
  /** People who may be chosen, in tie-break order (earlier wins a tie). */
  candidates: ArrayLike<number>;
  /** Department and location of every person (index = person), null when unknown. */
  department: ReadonlyArray<string | null>;
  location: ReadonlyArray<string | null>;
}

export interface PilotRequest {
  size: number;
  quotas?: readonly Quota[];
  /** People never to choose (they may still be reached). */
  exclude?: Iterable<number>;
}

export interface PilotPick {
  person: number;
  /** Colleagues this pick reached that no earlier pick had. */
  gain: number;
  /** Distinct colleagues reached by the group up to and including this pick. */
  cumulative: number;
}

export interface PilotSelection {
  picks: PilotPick[];
  /** 1 for every person reached by the group. */
  covered: Uint8Array;
  reached: number;
  /** Gain evaluations made (the plain greedy would make about size × candidates). */
  evaluations: number;
}

/** A request that no group can satisfy; `quota` is the quota at fault, if one is. */
export class PilotInfeasibleError extends Error {
  constructor(
    message: string,
    readonly quota: Quota | null = null,
  ) {
    super(message);
    this.name = 'PilotInfeasibleError';
  }
}

/** How a quota reads in a message: department "Sales" (min 2, max 4). */
export function describeQuota(q: Quota): string {
  const bounds = [q.min !== undefined ? `min ${q.min}` : null, q.max !== undefined ? `max ${q.max}` : null].filter(Boolean).join(', ');
  return `${q.by} "${q.group}"${bounds ? ` (${bounds})` : ''}`;
}

/**
 * Chooses a pilot group greedily (see the header). Returns the picks in order with their
 * marginal gains and cumulative coverage. Size 0 gives an empty group. Throws
 * PilotInfeasibleError when the size exceeds the candidates, a quota names a group no one
 * belongs to, a minimum exceeds its maximum or its group's candidates, the minimums of a
 * dimension exceed the size, the maximums leave too few places, or the quotas of the two
 * dimensions cannot be met together.
 */
export function computePilotGroup(problem: PilotProblem, request: PilotRequest): PilotSelection {
  const { sets } = problem;
  const size = request.size;
  const quotas = request.quotas ?? [];
  if (!Number.isInteger(size) || size < 0) throw new PilotInfeasibleError(`The group size must be a whole number of at least 0, not ${size}.`);
  const excluded = new Uint8Array(sets.population);
  for (const p of request.exclude ?? []) if (p >= 0 && p < sets.population) excluded[p] = 1;
  const seen = new Uint8Array(sets.population);
  const candidates: number[] = [];
  for (let i = 0; i < problem.candidates.length; i++) {
    const p = problem.candidates[i];
    if (excluded[p] || seen[p]) continue;
    seen[p] = 1;
    candidates.push(p);
  }
  const n = candidates.length;
  if (size > n) throw new PilotInfeasibleError(`A group of ${size} is larger than the ${n} eligible candidates; choose at most ${n}.`);

  // Quotas: index per (dimension, group); each candidate belongs to at most one quota per dimension.
  const qIndex = new Map<string, number>();
  const known = { department: new Set<string>(), location: new Set<string>() };
  for (let p = 0; p < sets.population; p++) {
    const d = problem.department[p];
    const l = problem.location[p];
    if (d !== null) known.department.add(d);
    if (l !== null) known.location.add(l);
  }
  quotas.forEach((q, i) => {
    const key = `${q.by}\u0000${q.group}`;
    if (qIndex.has(key)) throw new PilotInfeasibleError(`The ${q.by} "${q.group}" has two quotas; give one with both min and max.`, q);
    if (!known[q.by].has(q.group)) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: no one in the period belongs to the ${q.by} "${q.group}".`, q);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: the minimum is larger than the maximum.`, q);
    qIndex.set(key, i);
  });
  const qMin = Int32Array.from(quotas, (q) => q.min ?? 0);
  const qMax = Int32Array.from(quotas, (q) => q.max ?? 2 ** 31 - 1);
  const qDim = Uint8Array.from(quotas, (q) => (q.by === 'department' ? 0 : 1));
  const depQ = new Int32Array(n).fill(-1);
  const locQ = new Int32Array(n).fill(-1);
  const eligible = new Int32Array(quotas.length);
  for (let c = 0; c < n; c++) {
    const p = candidates[c];
    const d = problem.department[p];
    const l = problem.location[p];
    if (d !== null) depQ[c] = qIndex.get(`department\u0000${d}`) ?? -1;
    if (l !== null) locQ[c] = qIndex.get(`location\u0000${l}`) ?? -1;
    if (depQ[c] >= 0) eligible[depQ[c]]++;
    if (locQ[c] >= 0) eligible[locQ[c]]++;
  }
  const need = [0, 0];
  for (let i = 0; i < quotas.length; i++) {
    const q = quotas[i];
    if (qMin[i] > eligible[i]) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: the ${q.by} has only ${eligible[i]} eligible candidate${eligible[i] === 1 ? '' : 's'}.`, q);
    need[qDim[i]] += qMin[i];
  }
  for (const dim of [0, 1] as const) {
    if (need[dim] > size) {
      const first = quotas.find((q) => (q.by === 'department' ? 0 : 1) === dim && (q.min ?? 0) > 0)!;
      throw new PilotInfeasibleError(`The ${first.by} minimums add up to ${need[dim]}, more than the group size ${size}; lower a minimum (for example ${describeQuota(first)}) or enlarge the group.`, first);
    }
    // Room under the max caps: uncapped candidates count fully, a capped group at most its max.
    let room = 0;
    const inGroup = new Int32Array(quotas.length);
    for (let c = 0; c < n; c++) {
      const q = dim === 0 ? depQ[c] : locQ[c];
      if (q < 0) room++;
      else if (inGroup[q]++ < qMax[q]) room++;
    }
    if (room < size) {
      const capped = quotas.filter((q) => (q.by === 'department' ? 0 : 1) === dim && q.max !== undefined);
      throw new PilotInfeasibleError(`The ${capped[0]?.by ?? 'group'} maximums leave room for only ${room} people, fewer than the group size ${size}; raise a maximum (for example ${capped[0] ? describeQuota(capped[0]) : ''}) or shrink the group.`, capped[0] ?? null);
    }
  }

  const covered = new Uint8Array(sets.population);
  const { offsets, targets } = sets;
  const gainOf = (p: number): number => {
    let g = 0;
    for (let k = offsets[p], end = offsets[p + 1]; k < end; k++) if (covered[targets[k]] === 0) g++;
    return g;
  };

  // Max-heap of candidate positions by (bound desc, position asc).
  const bound = new Int32Array(n);
  const freshAt = new Int32Array(n);
  const heap = new Int32Array(n);
  let heapSize = 0;
  const above = (a: number, b: number) => bound[a] > bound[b] || (bound[a] === bound[b] && a < b);
  const siftDown = (i: number) => {
    const item = heap[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heapSize) break;
      const r = l + 1;
      const child = r < heapSize && above(heap[r], heap[l]) ? r : l;
      if (!above(heap[child], item)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  };
  const siftUp = (i: number) => {
    const item = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!above(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  };
  const push = (c: number) => {
    heap[heapSize] = c;
    siftUp(heapSize++);
  };
  const popTop = () => {
    heap[0] = heap[--heapSize];
    if (heapSize > 0) siftDown(0);
  };
  for (let c = 0; c < n; c++) {
    bound[c] = offsets[candidates[c] + 1] - offsets[candidates[c]]; // nothing is covered yet: exact
    heap[c] = c;
  }
  heapSize = n;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(i);

  const taken = new Int32Array(quotas.length);
  const unmet = (q: number) => q >= 0 && taken[q] < qMin[q];
  // 0: may be picked now; 1: not now (another group's minimum must be served first); 2: never (its group is full).
  const status = (c: number, remaining: number): 0 | 1 | 2 => {
    const dq = depQ[c];
    const lq = locQ[c];
    if ((dq >= 0 && taken[dq] >= qMax[dq]) || (lq >= 0 && taken[lq] >= qMax[lq])) return 2;
    if (need[0] > 0 && need[0] >= remaining && !unmet(dq)) return 1;
    if (need[1] > 0 && need[1] >= remaining && !unmet(lq)) return 1;
    return 0;
  };

  const picks: PilotPick[] = [];
  let reached = 0;
  let evaluations = 0;
  const deferred: number[] = [];
  for (let round = 0; round < size; round++) {
    const remaining = size - round;
    let chosen = -1;
    while (heapSize > 0) {
      const top = heap[0];
      const s = status(top, remaining);
      if (s !== 0) {
        popTop();
        if (s === 1) deferred.push(top);
        continue;
      }
      if (freshAt[top] === round) {
        chosen = top;
        popTop();
        break;
      }
      bound[top] = gainOf(candidates[top]);
      freshAt[top] = round;
      evaluations++;
      siftDown(0);
    }
    if (chosen < 0) {
      const open = quotas.filter((_, i) => taken[i] < qMin[i]);
      const q = open[0] ?? null;
      throw new PilotInfeasibleError(
        q
          ? `Quota ${describeQuota(q)} cannot be met together with the other quotas: after ${round} picks no eligible candidate is left that serves it; relax a quota of the other dimension.`
          : `Only ${round} of ${size} places can be filled under the quotas; raise a maximum or shrink the group.`,
        q,
      );
    }
    const p = candidates[chosen];
    let gain = 0;
    for (let k = offsets[p], end = offsets[p + 1]; k < end; k++) {
      if (covered[targets[k]] === 0) {
        covered[targets[k]] = 1;
        gain++;
      }
    }
    reached += gain;
    picks.push({ person: p, gain, cumulative: reached });
    for (const q of [depQ[chosen], locQ[chosen]]) {
      if (q < 0) continue;
      if (taken[q] < qMin[q]) need[qDim[q]]--;
      taken[q]++;
    }
    // Deferred bounds stay valid upper bounds (gains only shrink): put them back.
    for (const c of deferred) push(c);
    deferred.length = 0;
  }
  return { picks, covered, reached, evaluations };
}

/**
 * Coverage of a given group in the given order: the cumulative number of distinct people
 * reached after each member (the coverage curve), and the covered set. An empty group reaches 0.
 */
export function computeCoverage(sets: ReachSets, members: ArrayLike<number>): { covered: Uint8Array; reached: number; curve: number[] } {
  const covered = new Uint8Array(sets.population);
  const curve: number[] = [];
  let reached = 0;
  for (let i = 0; i < members.length; i++) {
    const p = members[i];
    for (let k = sets.offsets[p], end = sets.offsets[p + 1]; k < end; k++) {
      if (covered[sets.targets[k]] === 0) {
        covered[sets.targets[k]] = 1;
        reached++;
      }
    }
    curve.push(reached);
  }
  return { covered, reached, curve };
}

/**
 * Builds reach sets from (person, other) pairs given as parallel arrays of person indices
 * (duplicates allowed, self-pairs dropped). Throws RangeError for an index outside the population.
 */
export function buildReachSets(population: number, person: ArrayLike<number>, other: ArrayLike<number>): ReachSets {
  const offsets = new Int32Array(population + 1);
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    const o = other[i];
    if (!(p >= 0 && p < population && o >= 0 && o < population)) throw new RangeError(`reach pair ${p} → ${o} lies outside 0..${population - 1}`);
    if (p !== o) offsets[p + 1]++;
  }
  for (let p = 0; p < population; p++) offsets[p + 1] += offsets[p];
  const fill = offsets.slice(0, population);
  const targets = new Int32Array(offsets[population]);
  for (let i = 0; i < person.length; i++) if (person[i] !== other[i]) targets[fill[person[i]]++] = other[i];
  // Duplicates would count twice in a bound, never in coverage; drop them so bounds are exact.
  let write = 0;
  const mark = new Int32Array(population).fill(-1);
  const compact = new Int32Array(population + 1);
  for (let p = 0; p < population; p++) {
    for (let k = offsets[p]; k < offsets[p + 1]; k++) {
      const o = targets[k];
      if (mark[o] === p) continue;
      mark[o] = p;
      targets[write++] = o;
    }
    compact[p + 1] = write;
  }
  return { population, offsets: compact, targets: write === targets.length ? targets : targets.slice(0, write) };
}
