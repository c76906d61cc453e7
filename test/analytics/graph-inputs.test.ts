// The edges the graph is built from come in one fixed order. Nodes are numbered in edge order,
// and sampled betweenness and Louvain depend on that numbering, so an order that changes with
// DuckDB's parallel aggregation changed the ranking between two runs on the same data (20,000
// people: the top 50 by score reached 4,225 to 4,271 colleagues from run to run).
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { createRng } from '../../analytics/graph/prng';
import { getGraphEdges, stageGraphEdges } from '../../analytics/queries/graph-inputs';
import { cleanExports, freshDb, writeExport } from '../helpers';

afterAll(() => cleanExports());

/** 60 people and 2,000 e-mails between random pairs, in random order, all in September 2026. */
function randomExport(): string {
  const random = createRng(5);
  const people = Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')},person`);
  const mails = Array.from({ length: 2000 }, () => {
    const a = Math.floor(random() * 60);
    const b = Math.floor(random() * 60);
    const day = 1 + Math.floor(random() * 30);
    return `p${String(a).padStart(2, '0')},p${String(b).padStart(2, '0')},2026-09-${String(day).padStart(2, '0')}T10:00:00+02:00,email,1`;
  });
  return writeExport({
    'people.csv': `person_id,account_type\n${people.join('\n')}\n`,
    'interactions.csv': `source_id,target_id,occurred_at,channel,weight\n${mails.join('\n')}\n`,
  });
}

const sorted = (source: string[], target: string[]) => source.every((s, i) => i === 0 || source[i - 1] < s || (source[i - 1] === s && target[i - 1] < target[i]));

describe('graph edges', () => {
  it('come ordered by source and target, whether read or staged', async () => {
    const db = await freshDb();
    await loadCanonical(db, randomExport());
    const [read, staged] = await withConnection(db, async (c) => [await getGraphEdges(c, '2026-09-01', '2026-09-30'), await stageGraphEdges(c, '2026-09-01', '2026-09-30')]);
    closeDatabase(db);
    // 60 × 59 ordered pairs; 2,000 random mails without self-mails hit most of them once or more.
    expect(read.source.length).toBeGreaterThan(1000);
    expect(staged).toEqual(read);
    expect(sorted(read.source, read.target)).toBe(true);
  });
});
