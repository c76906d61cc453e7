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
 * Quotas: `max` caps a department or location, `min` asks for at least so many. Each round takes
 * the best candidate whose pick still leaves a way to complete the group within every quota;
 * whether it does is a feasible-flow question on the quota groups (source → department group →
 * location group → sink, with the quotas as lower and upper bounds and the unpicked candidates
 * of each department × location cell as capacities), answered by one small max-flow per cell and
 * round. So `min` is served exactly when it must be, quotas on both dimensions never lead into a
 * dead end, and a request fails (PilotInfeasibleError, naming the quota) only when no group at
 * all could meet it. Quotas change the guarantee: max caps on one dimension form a partition
 * matroid, where greedy still reaches at least 1/2 of the constrained optimum (Fisher, Nemhauser
 * and Wolsey 1978); minimums, and quotas on both dimensions at once, carry no such bound — the
 * result meets every quota and is greedy within them, not provably near-optimal.
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

/** Why a request cannot be met (the UI words each kind in its language from `figures`). */
export type InfeasibleKind = 'size' | 'sizeAboveCandidates' | 'duplicateQuota' | 'unknownGroup' | 'minAboveMax' | 'minAboveEligible' | 'minimumsAboveSize' | 'maximumsTooTight' | 'quotasTogether' | 'placesLeft';

/** A request that no group can satisfy; `quota` is the quota at fault, if one is. */
export class PilotInfeasibleError extends Error {
  constructor(
    message: string,
    readonly quota: Quota | null = null,
    readonly kind: InfeasibleKind = 'size',
    readonly figures: Record<string, number> = {},
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
  if (!Number.isInteger(size) || size < 0) throw new PilotInfeasibleError(`The group size must be a whole number of at least 0, not ${size}.`, null, 'size', { size });
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
  if (size > n) throw new PilotInfeasibleError(`A group of ${size} is larger than the ${n} eligible candidates; choose at most ${n}.`, null, 'sizeAboveCandidates', { size, candidates: n });

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
    if (qIndex.has(key)) throw new PilotInfeasibleError(`The ${q.by} "${q.group}" has two quotas; give one with both min and max.`, q, 'duplicateQuota');
    if (!known[q.by].has(q.group)) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: no one in the period belongs to the ${q.by} "${q.group}".`, q, 'unknownGroup');
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: the minimum is larger than the maximum.`, q, 'minAboveMax');
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
    if (qMin[i] > eligible[i]) throw new PilotInfeasibleError(`Quota ${describeQuota(q)}: the ${q.by} has only ${eligible[i]} eligible candidate${eligible[i] === 1 ? '' : 's'}.`, q, 'minAboveEligible', { eligible: eligible[i] });
    need[qDim[i]] += qMin[i];
  }
  for (const dim of [0, 1] as const) {
    if (need[dim] > size) {
      const first = quotas.find((q) => (q.by === 'department' ? 0 : 1) === dim && (q.min ?? 0) > 0)!;
      throw new PilotInfeasibleError(`The ${first.by} minimums add up to ${need[dim]}, more than the group size ${size}; lower a minimum (for example ${describeQuota(first)}) or enlarge the group.`, first, 'minimumsAboveSize', { minimums: need[dim], size });
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
      throw new PilotInfeasibleError(`The ${capped[0]?.by ?? 'group'} maximums leave room for only ${room} people, fewer than the group size ${size}; raise a maximum (for example ${capped[0] ? describeQuota(capped[0]) : ''}) or shrink the group.`, capped[0] ?? null, 'maximumsTooTight', { room, size });
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
  // Cells: department quota (or none) × location quota (or none); unpicked candidates per cell.
  const depQuotas = quotas.flatMap((q, i) => (q.by === 'department' ? [i] : []));
  const locQuotas = quotas.flatMap((q, i) => (q.by === 'location' ? [i] : []));
  const dNodes = depQuotas.length + 1;
  const lNodes = locQuotas.length + 1;
  const dNodeOf = new Int32Array(quotas.length);
  depQuotas.forEach((q, i) => (dNodeOf[q] = i));
  locQuotas.forEach((q, i) => (dNodeOf[q] = i));
  const cellOf = new Int32Array(n);
  const available = new Int32Array(dNodes * lNodes);
  for (let c = 0; c < n; c++) {
    cellOf[c] = (depQ[c] >= 0 ? dNodeOf[depQ[c]] : dNodes - 1) * lNodes + (locQ[c] >= 0 ? dNodeOf[locQ[c]] : lNodes - 1);
    available[cellOf[c]]++;
  }
  const completable = (remaining: number) => canComplete(remaining, depQuotas, locQuotas, qMin, qMax, taken, available, lNodes);
  if (quotas.length > 0 && !completable(size)) {
    const q = quotas.find((x) => (x.min ?? 0) > 0) ?? quotas[0];
    throw new PilotInfeasibleError(`The department and location quotas cannot be met together by any group of ${size}; relax one of them (for example ${describeQuota(q)}).`, q, 'quotasTogether', { size });
  }
  // Per round: whether picking from a cell still leaves the group completable (0) or not (1).
  const verdict = new Int8Array(dNodes * lNodes);
  const verdictRound = new Int32Array(dNodes * lNodes).fill(-1);
  // 0: may be picked now; 1: not now (the quotas could no longer all be met); 2: never (its group is full).
  const status = (c: number, round: number): 0 | 1 | 2 => {
    const dq = depQ[c];
    const lq = locQ[c];
    if ((dq >= 0 && taken[dq] >= qMax[dq]) || (lq >= 0 && taken[lq] >= qMax[lq])) return 2;
    if (quotas.length === 0) return 0;
    const cell = cellOf[c];
    if (verdictRound[cell] !== round) {
      available[cell]--;
      if (dq >= 0) taken[dq]++;
      if (lq >= 0) taken[lq]++;
      verdict[cell] = completable(size - round - 1) ? 0 : 1;
      available[cell]++;
      if (dq >= 0) taken[dq]--;
      if (lq >= 0) taken[lq]--;
      verdictRound[cell] = round;
    }
    return verdict[cell] as 0 | 1;
  };

  const picks: PilotPick[] = [];
  let reached = 0;
  let evaluations = 0;
  const deferred: number[] = [];
  for (let round = 0; round < size; round++) {
    let chosen = -1;
    while (heapSize > 0) {
      const top = heap[0];
      const s = status(top, round);
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
    // Unreachable after the check above (every pick keeps the group completable); kept as a guard.
    if (chosen < 0) throw new PilotInfeasibleError(`Only ${round} of ${size} places can be filled under the quotas; raise a maximum or shrink the group.`, null, 'placesLeft', { filled: round, size });
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
    available[cellOf[chosen]]--;
    for (const q of [depQ[chosen], locQ[chosen]]) if (q >= 0) taken[q]++;
    // Deferred bounds stay valid upper bounds (gains only shrink): put them back.
    for (const c of deferred) push(c);
    deferred.length = 0;
  }
  return { picks, covered, reached, evaluations };
}

/**
 * Whether `remaining` more people can be chosen from the available candidates so that every
 * quota ends within its bounds: a feasible circulation with lower bounds on the graph
 * source → department node [min − taken, max − taken] → location node (capacity: available
 * candidates of the cell) → sink [min − taken, max − taken], sink → source [remaining,
 * remaining]; the last department and location node collect candidates without a quota (0, ∞).
 * Decided by one max-flow from a super source (Edmonds–Karp; the graph has the quota groups as
 * nodes, so it is tiny).
 */
function canComplete(remaining: number, depQuotas: number[], locQuotas: number[], qMin: Int32Array, qMax: Int32Array, taken: Int32Array, available: Int32Array, lNodes: number): boolean {
  const dNodes = depQuotas.length + 1;
  const S = 0;
  const T = 1;
  const d0 = 2;
  const l0 = d0 + dNodes;
  const SS = l0 + lNodes;
  const TT = SS + 1;
  const nodes = TT + 1;
  const excess = new Float64Array(nodes);
  const from: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const add = (u: number, v: number, c: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
  };
  const bounded = (u: number, v: number, lo: number, hi: number): boolean => {
    if (hi < lo) return false;
    if (hi > lo) add(u, v, hi - lo);
    excess[v] += lo;
    excess[u] -= lo;
    return true;
  };
  const range = (q: number) => [Math.max(0, qMin[q] - taken[q]), Math.min(remaining, qMax[q] - taken[q])];
  for (let i = 0; i < dNodes; i++) {
    const [lo, hi] = i < depQuotas.length ? range(depQuotas[i]) : [0, remaining];
    if (!bounded(S, d0 + i, lo, hi)) return false;
  }
  for (let j = 0; j < lNodes; j++) {
    const [lo, hi] = j < locQuotas.length ? range(locQuotas[j]) : [0, remaining];
    if (!bounded(l0 + j, T, lo, hi)) return false;
  }
  for (let i = 0; i < dNodes; i++) for (let j = 0; j < lNodes; j++) if (available[i * lNodes + j] > 0) add(d0 + i, l0 + j, available[i * lNodes + j]);
  bounded(T, S, remaining, remaining);
  let required = 0;
  for (let v = 0; v < SS; v++) {
    if (excess[v] > 0) {
      add(SS, v, excess[v]);
      required += excess[v];
    } else if (excess[v] < 0) add(v, TT, -excess[v]);
  }
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  from.forEach((u, e) => adjacency[u].push(e));
  let flow = 0;
  const via = new Int32Array(nodes);
  for (;;) {
    via.fill(-1);
    const queue = [SS];
    via[SS] = -2;
    for (let k = 0; k < queue.length && via[TT] === -1; k++) {
      for (const e of adjacency[queue[k]]) {
        if (cap[e] > 0 && via[to[e]] === -1) {
          via[to[e]] = e;
          queue.push(to[e]);
        }
      }
    }
    if (via[TT] === -1) break;
    let push = Infinity;
    for (let v = TT; v !== SS; v = from[via[v]]) push = Math.min(push, cap[via[v]]);
    for (let v = TT; v !== SS; v = from[via[v]]) {
      cap[via[v]] -= push;
      cap[via[v] ^ 1] += push;
    }
    flow += push;
  }
  return flow === required;
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
