import { describe, expect, it } from 'vitest';
import { buildReachSets, computeCoverage, computePilotGroup, PilotInfeasibleError, type PilotProblem, type Quota, type ReachSets } from '../../analytics/graph/pilot';
import { createRng, randomInt, type Rng } from '../../analytics/graph/prng';

// Instances: people 0..population−1; the first `candidates` people may be chosen, each with a
// reach set over everyone. Checked against brute force over every subset (C(12, k) ≤ 924).

interface Instance {
  problem: PilotProblem;
  sets: number[][];
}

function instance(sets: number[][], population: number, department?: Array<string | null>, location?: Array<string | null>): Instance {
  const person: number[] = [];
  const other: number[] = [];
  sets.forEach((s, p) => s.forEach((o) => (person.push(p), other.push(o))));
  const reach: ReachSets = buildReachSets(population, person, other);
  return {
    sets,
    problem: {
      sets: reach,
      candidates: Array.from(sets, (_, i) => i),
      department: Array.from({ length: population }, (_, i) => department?.[i] ?? null),
      location: Array.from({ length: population }, (_, i) => location?.[i] ?? null),
    },
  };
}

function randomSets(rng: Rng, candidates: number, population: number, maxSize: number): number[][] {
  return Array.from({ length: candidates }, (_, p) => {
    const s = new Set<number>();
    const size = randomInt(rng, maxSize + 1);
    while (s.size < size) {
      const o = randomInt(rng, population);
      if (o !== p) s.add(o);
    }
    return [...s];
  });
}

const coverageOf = (sets: number[][], group: number[]) => new Set(group.flatMap((p) => sets[p])).size;

function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= n - (k - prefix.length); i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}

function respects(group: number[], quotas: readonly Quota[], p: PilotProblem): boolean {
  return quotas.every((q) => {
    const count = group.filter((m) => (q.by === 'department' ? p.department[m] : p.location[m]) === q.group).length;
    return count >= (q.min ?? 0) && count <= (q.max ?? Infinity);
  });
}

/** The best coverage of any allowed group of k, or null when no group satisfies the quotas. */
function bruteForce(inst: Instance, k: number, quotas: readonly Quota[] = [], exclude: number[] = []): number | null {
  let best: number | null = null;
  for (const group of subsets(inst.sets.length, k)) {
    if (group.some((m) => exclude.includes(m)) || !respects(group, quotas, inst.problem)) continue;
    best = Math.max(best ?? 0, coverageOf(inst.sets, group));
  }
  return best;
}

/** The plain (non-lazy) greedy with the same tie rule: an independent reference. */
function plainGreedy(sets: number[][], k: number): number[] {
  const covered = new Set<number>();
  const group: number[] = [];
  for (let round = 0; round < k; round++) {
    let best = -1;
    let bestGain = -1;
    for (let c = 0; c < sets.length; c++) {
      if (group.includes(c)) continue;
      const gain = sets[c].filter((o) => !covered.has(o)).length;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    group.push(best);
    for (const o of sets[best]) covered.add(o);
  }
  return group;
}

describe('computePilotGroup', () => {
  it('reports each pick with its marginal gain and the cumulative coverage (hand-made)', () => {
    // 0 reaches {5,6,7,8}, 1 reaches {5,6,9}, 2 reaches {9,10}, 3 reaches {7}
    const inst = instance([[5, 6, 7, 8], [5, 6, 9], [9, 10], [7]], 11);
    const result = computePilotGroup(inst.problem, { size: 3 });
    expect(result.picks).toEqual([
      { person: 0, gain: 4, cumulative: 4 },
      { person: 2, gain: 2, cumulative: 6 },
      { person: 1, gain: 0, cumulative: 6 },
    ]);
    expect(result.reached).toBe(6);
  });

  it('does not count a member as reaching themselves, only as reached by another member', () => {
    // 0 reaches {1, 2}, 1 reaches {0}: the pair reaches 3 people (0 is reached by 1, 1 by 0)
    const inst = instance([[1, 2, 0], [0, 1]], 3);
    expect(inst.problem.sets.offsets[1] - inst.problem.sets.offsets[0]).toBe(2);
    expect(computePilotGroup(inst.problem, { size: 1 }).reached).toBe(2);
    expect(computePilotGroup(inst.problem, { size: 2 }).reached).toBe(3);
  });

  it('equals the brute-force optimum where greedy is optimal (disjoint and nested reach sets)', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 50; trial++) {
      // Disjoint: every colleague is reached by at most one candidate.
      const population = 60;
      const owner = Array.from({ length: population }, () => randomInt(rng, 16) - 4); // < 0: reached by no one
      const disjoint = Array.from({ length: 12 }, (_, c) => owner.flatMap((o, person) => (o === c && person >= 12 ? [person] : [])));
      // Nested: a chain of growing sets plus candidates with subsets of the largest.
      const order = Array.from({ length: 12 }, (_, i) => i).sort(() => rng() - 0.5);
      const nested = order.map((rankInChain) => Array.from({ length: 3 + 4 * rankInChain }, (_, j) => 12 + j));
      for (const sets of [disjoint, nested]) {
        const inst = instance(sets, population);
        const k = 1 + randomInt(rng, 6);
        expect(computePilotGroup(inst.problem, { size: k }).reached).toBe(bruteForce(inst, k));
      }
    }
  });

  it('picks the same people as the plain greedy on random instances (lazy evaluation changes nothing)', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 200; trial++) {
      const sets = randomSets(rng, 12, 40, 12);
      const k = 1 + randomInt(rng, 8);
      const lazy = computePilotGroup(instance(sets, 40).problem, { size: k });
      expect(lazy.picks.map((p) => p.person)).toEqual(plainGreedy(sets, k));
    }
  });

  it('stays within the (1 − 1/e) bound of the optimum on 200 random instances of 12 candidates', () => {
    const rng = createRng(2026);
    let worst = 1;
    for (let trial = 0; trial < 200; trial++) {
      const population = 20 + randomInt(rng, 30);
      const sets = randomSets(rng, 12, population, 15);
      const inst = instance(sets, population);
      const k = 1 + randomInt(rng, 6);
      const greedy = computePilotGroup(inst.problem, { size: k });
      const optimum = bruteForce(inst, k)!;
      expect(greedy.reached).toBe(coverageOf(sets, greedy.picks.map((p) => p.person)));
      expect(greedy.reached).toBeGreaterThanOrEqual((1 - 1 / Math.E) * optimum);
      if (optimum > 0) worst = Math.min(worst, greedy.reached / optimum);
    }
    expect(worst).toBeGreaterThanOrEqual(1 - 1 / Math.E);
  });

  it('meets every department minimum and maximum, and fails only when no group could', () => {
    const rng = createRng(99);
    const departments = ['A', 'B', 'C'];
    let feasibleSeen = 0;
    let infeasibleSeen = 0;
    for (let trial = 0; trial < 200; trial++) {
      const population = 40;
      const sets = randomSets(rng, 12, population, 12);
      const department = Array.from({ length: population }, () => departments[randomInt(rng, 3)]);
      const inst = instance(sets, population, department);
      const k = 2 + randomInt(rng, 5);
      const quotas: Quota[] = departments.flatMap((group) => {
        const roll = randomInt(rng, 4);
        if (roll === 0) return [];
        const min = roll !== 2 ? randomInt(rng, 3) : undefined;
        const max = roll !== 1 ? (min ?? 0) + randomInt(rng, 3) : undefined;
        return [{ by: 'department' as const, group, min, max }];
      });
      const optimum = bruteForce(inst, k, quotas);
      if (optimum === null) {
        expect(() => computePilotGroup(inst.problem, { size: k, quotas })).toThrow(PilotInfeasibleError);
        infeasibleSeen++;
      } else {
        const group = computePilotGroup(inst.problem, { size: k, quotas }).picks.map((p) => p.person);
        expect(group).toHaveLength(k);
        expect(respects(group, quotas, inst.problem), JSON.stringify({ quotas, group })).toBe(true);
        feasibleSeen++;
      }
    }
    expect(feasibleSeen).toBeGreaterThan(50);
    expect(infeasibleSeen).toBeGreaterThan(10);
  });

  it('meets department and location quotas together, and fails only when no group could', () => {
    const rng = createRng(5);
    let answered = 0;
    let refused = 0;
    for (let trial = 0; trial < 300; trial++) {
      const population = 30;
      const sets = randomSets(rng, 12, population, 10);
      const department = Array.from({ length: population }, () => ['A', 'B'][randomInt(rng, 2)]);
      const location = Array.from({ length: population }, () => ['Nord', 'Süd'][randomInt(rng, 2)]);
      const inst = instance(sets, population, department, location);
      const quotas: Quota[] = [
        { by: 'department', group: 'A', min: randomInt(rng, 4) },
        { by: 'location', group: 'Süd', min: randomInt(rng, 3), max: 2 + randomInt(rng, 2) },
        { by: 'location', group: 'Nord', max: 1 + randomInt(rng, 3) },
      ];
      const possible = bruteForce(inst, 4, quotas) !== null;
      if (possible) {
        const group = computePilotGroup(inst.problem, { size: 4, quotas }).picks.map((p) => p.person);
        expect(respects(group, quotas, inst.problem), JSON.stringify({ quotas, group })).toBe(true);
        answered++;
      } else {
        expect(() => computePilotGroup(inst.problem, { size: 4, quotas })).toThrow(PilotInfeasibleError);
        refused++;
      }
    }
    expect(answered).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(10);
  });

  it('passes over a best candidate whose pick would make the quotas impossible', () => {
    // Candidates 0 (B, Nord) reach 10, 1 (A, Nord) 8, 2 (B, Süd) 5, 3 (A, Süd) 1; size 3 with at
    // least 2 from A and 2 from Süd: only {1, 2, 3} qualifies, so taking 0 first is a dead end.
    const reach = [10, 8, 5, 1];
    let next = 4;
    const sets = reach.map((k) => Array.from({ length: k }, () => next++));
    const people = next;
    const department = ['B', 'A', 'B', 'A', ...Array.from({ length: people - 4 }, () => 'C')];
    const location = ['Nord', 'Nord', 'Süd', 'Süd', ...Array.from({ length: people - 4 }, () => 'West')];
    const inst = instance(sets, people, department, location);
    const quotas: Quota[] = [
      { by: 'department', group: 'A', min: 2 },
      { by: 'location', group: 'Süd', min: 2 },
    ];
    const result = computePilotGroup(inst.problem, { size: 3, quotas });
    expect(result.picks.map((p) => [p.person, p.gain])).toEqual([
      [1, 8],
      [2, 5],
      [3, 1],
    ]);
  });

  it('never picks an excluded person, and takes the best of the rest', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 100; trial++) {
      const sets = randomSets(rng, 12, 30, 10);
      const inst = instance(sets, 30);
      const exclude = [randomInt(rng, 12), randomInt(rng, 12), randomInt(rng, 12)];
      const k = 1 + randomInt(rng, 4);
      const group = computePilotGroup(inst.problem, { size: k, exclude }).picks.map((p) => p.person);
      expect(group.filter((m) => exclude.includes(m))).toEqual([]);
      const rest = sets.map((s, i) => (exclude.includes(i) ? [] : s));
      // Same picks as the plain greedy over the others (excluded ones carry nothing there).
      expect(coverageOf(sets, group)).toBe(coverageOf(rest, plainGreedy(rest, k)));
    }
  });

  it('names the quota that cannot be met', () => {
    const inst = instance([[3], [4], [5]], 6, ['A', 'A', 'B', 'A', 'B', 'B']);
    const fail = (request: Parameters<typeof computePilotGroup>[1]) => {
      try {
        computePilotGroup(inst.problem, request);
      } catch (error) {
        expect(error).toBeInstanceOf(PilotInfeasibleError);
        return (error as PilotInfeasibleError).message;
      }
      throw new Error('expected an infeasible request');
    };
    expect(fail({ size: 4 })).toMatch(/larger than the 3 eligible candidates/);
    expect(fail({ size: 2, quotas: [{ by: 'department', group: 'A', min: 2, max: 1 }] })).toMatch(/department "A" \(min 2, max 1\): the minimum is larger than the maximum/);
    expect(fail({ size: 2, quotas: [{ by: 'department', group: 'B', min: 2 }] })).toMatch(/department "B" \(min 2\): the department has only 1 eligible candidate\./);
    expect(fail({ size: 2, quotas: [{ by: 'department', group: 'X', min: 1 }] })).toMatch(/no one in the period belongs to the department "X"/);
    expect(fail({ size: 1, quotas: [{ by: 'department', group: 'A', min: 1 }, { by: 'department', group: 'B', min: 1 }] })).toMatch(/minimums add up to 2, more than the group size 1/);
    expect(fail({ size: 3, quotas: [{ by: 'department', group: 'A', max: 1 }] })).toMatch(/maximums leave room for only 2 people/);
    expect(fail({ size: 2, exclude: [2], quotas: [{ by: 'department', group: 'B', min: 1 }] })).toMatch(/department "B" \(min 1\): the department has only 0 eligible candidates/);
  });
});

describe('buildReachSets and computeCoverage', () => {
  it('drops self-pairs and duplicate pairs, and counts the curve of a given order', () => {
    const sets = buildReachSets(5, [0, 0, 0, 0, 2, 2], [1, 1, 0, 2, 1, 3]);
    expect([...sets.offsets]).toEqual([0, 2, 2, 4, 4, 4]);
    expect([...sets.targets]).toEqual([1, 2, 1, 3]);
    expect(computeCoverage(sets, [2, 0, 1])).toMatchObject({ reached: 3, curve: [2, 3, 3] });
  });
});
