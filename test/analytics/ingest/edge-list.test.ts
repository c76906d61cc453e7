import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadEdgeList, looksLikeEdgeList } from '../../../analytics/ingest/edge-list';
import { getGraphEdges } from '../../../analytics/queries/graph-inputs';
import { cleanExports, freshDb, sharedData, writeExport } from '../../helpers';
import { countRows, query, storedRejects } from './tabular-test-kit';

// email-Eu-core (SNAP): the expected totals are computed here from the raw clean file.
const folder = join(sharedData, 'email-eu-core');
const rawEdges = readFileSync(join(folder, 'email-Eu-core.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const rawLabels = readFileSync(join(folder, 'email-Eu-core-department-labels.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const expected = {
  edges: rawEdges.length,
  selfLoops: rawEdges.filter(([s, t]) => s === t).length,
  people: new Set(rawLabels.map(([p]) => p)).size,
  departments: new Set(rawLabels.map(([, d]) => d)).size,
  graphPairs: new Set(rawEdges.filter(([s, t]) => s !== t).map(([s, t]) => `${s} ${t}`)).size,
};

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

async function totals() {
  const [row] = await query<{ edges: number; loops: number; people: number; departments: number; placeholders: number }>(
    db,
    `SELECT (SELECT count(*)::INTEGER FROM interactions) AS edges,
            (SELECT count(*)::INTEGER FROM interactions WHERE source_id = target_id) AS loops,
            (SELECT count(*)::INTEGER FROM people) AS people,
            (SELECT count(DISTINCT department)::INTEGER FROM people) AS departments,
            (SELECT count(*)::INTEGER FROM people WHERE is_placeholder) AS placeholders`,
  );
  return row;
}

describe('edge list import of email-Eu-core', () => {
  it('the raw file holds what the data README says', () => {
    expect(expected).toMatchObject({ edges: 25_571, selfLoops: 642, people: 1_005, departments: 42 });
  });

  it('loads the clean SNAP files (node file given as an option)', async () => {
    const s = await loadEdgeList(db, join(folder, 'email-Eu-core.txt'), { nodes: join(folder, 'email-Eu-core-department-labels.txt') });
    expect(s.source).toBe('edgelist');
    expect(s.loaded).toEqual({ people: expected.people, content: 0, events: 0, interactions: expected.edges });
    expect(s.rejected).toBe(0);
    expect(s.placeholders).toBe(0);
    expect(await totals()).toEqual({ edges: expected.edges, loops: expected.selfLoops, people: expected.people, departments: expected.departments, placeholders: 0 });
  });

  it('loads the tab-separated copy with "\\r\\r\\n" line ends to the same totals (node file found by name)', async () => {
    const s = await loadEdgeList(db, join(folder, 'as_found_in_repo'));
    expect(s.loaded).toEqual({ people: expected.people, content: 0, events: 0, interactions: expected.edges });
    expect(s.rejected).toBe(0);
    expect(await totals()).toEqual({ edges: expected.edges, loops: expected.selfLoops, people: expected.people, departments: expected.departments, placeholders: 0 });
    const departments = await query<{ d: string }>(db, "SELECT department AS d FROM people WHERE person_id = 'edgelist:2'");
    expect(departments).toEqual([{ d: '21' }]); // no carriage return left in the label
  });

  it('keeps self-loops as rows while the graph drops them', async () => {
    await loadEdgeList(db, join(folder, 'as_found_in_repo'));
    const edges = await withConnection(db, (c) => getGraphEdges(c, '1900-01-01', '2100-12-31'));
    expect(edges.source.length).toBe(expected.graphPairs);
    expect(edges.source.some((s, i) => s === edges.target[i])).toBe(false);
  });

  it('reads the folder with both copies once: the sub-folder copy is not read twice', async () => {
    const s = await loadEdgeList(db, folder);
    expect(s.loaded.interactions).toBe(expected.edges);
    expect(s.warnings.some((w) => /2 files not read/.test(w))).toBe(true);
  });

  it('is idempotent: a second import loads nothing and counts every row as duplicate', async () => {
    await loadEdgeList(db, join(folder, 'as_found_in_repo'));
    const again = await loadEdgeList(db, join(folder, 'email-Eu-core.txt'), { nodes: join(folder, 'email-Eu-core-department-labels.txt') });
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(expected.edges + expected.people);
  });
});

describe('edge lists with headers, timestamps and weights', () => {
  const nodes = 'id,name,department,location\nanna,Anna Schmidt,Vertrieb,Hamburg\nbernd,Bernd Müller,IT,Köln\n';
  const edges = 'source;target;timestamp;weight\r\nanna;bernd;2026-09-01T09:00:00+02:00;2,5\r\nbernd;anna;2026-09-01 10:00;\r\nanna;clara;;1\r\nanna;bernd;2026-09-01T09:00:00+02:00;2,5\r\n';

  it('reads a semicolon file with header, decimal commas and repeated edges; unknown people become placeholders', async () => {
    const s = await loadEdgeList(db, writeExport({ 'ona-edges.csv': edges, 'people.csv': nodes }), { channel: 'ona' });
    expect(s.loaded).toEqual({ people: 2, content: 0, events: 0, interactions: 4 });
    expect(s.placeholders).toBe(1); // clara
    const rows = await query<{ s: string; t: string; w: number; day: string | null; channel: string }>(
      db,
      "SELECT source_id AS s, target_id AS t, weight AS w, strftime(day, '%Y-%m-%d') AS day, channel FROM interactions ORDER BY s, t, w",
    );
    expect(rows).toEqual([
      { s: 'edgelist:anna', t: 'edgelist:bernd', w: 2.5, day: '2026-09-01', channel: 'ona' },
      { s: 'edgelist:anna', t: 'edgelist:bernd', w: 2.5, day: '2026-09-01', channel: 'ona' },
      { s: 'edgelist:anna', t: 'edgelist:clara', w: 1, day: null, channel: 'ona' },
      { s: 'edgelist:bernd', t: 'edgelist:anna', w: 1, day: '2026-09-01', channel: 'ona' },
    ]);
    expect(await query(db, "SELECT department, location FROM people WHERE person_id = 'edgelist:bernd'")).toEqual([{ department: 'IT', location: 'Köln' }]);
  });

  it('reads a headerless third column of Unix seconds as time', async () => {
    const s = await loadEdgeList(db, writeExport({ 'mail.txt': '1 2 1788336000\n2 1 1788339600\n' }), { idPrefix: 'mail:' });
    expect(s.loaded.interactions).toBe(2);
    expect(await query(db, "SELECT strftime(timezone('UTC', occurred_at), '%Y-%m-%d %H:%M') AS t FROM interactions ORDER BY 1")).toEqual([{ t: '2026-09-02 08:00' }, { t: '2026-09-02 09:00' }]);
    expect(s.warnings).toContain('No node file: every person is a placeholder without department or location');
  });

  it('rejects bad lines with their line numbers and keeps the rest', async () => {
    const s = await loadEdgeList(db, writeExport({ 'edges.txt': '# comment\n1 2 3\n1\n1 2 -4\n2 3 x\n3 1 1 9 9\n' }));
    expect(s.loaded.interactions).toBe(1);
    expect((await storedRejects(db, s.runId)).map((r) => [r.line, r.column, r.value])).toEqual([
      [3, 'target', null],
      [4, 'weight', '-4'],
      [5, 'weight', 'x'],
      [6, null, null],
    ]);
  });
});

describe('edge list unusable input', () => {
  it('refuses an empty edge file', async () => {
    await expect(loadEdgeList(db, writeExport({ 'edges.txt': '' }))).rejects.toThrow(/edges\.txt: the file is empty/);
  });

  it('refuses a header without source and target, naming the file', async () => {
    const error = await loadEdgeList(db, writeExport({ 'edges.csv': 'sender_mail;receiver_mail;date\na;b;2026-01-01\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/edges\.csv: the header .* names no source and target/);
    expect(await countRows(db, 'interactions')).toBe(0);
  });

  it('refuses a node file that does not exist', async () => {
    await expect(loadEdgeList(db, writeExport({ 'edges.txt': '1 2\n' }), { nodes: '/no/such/nodes.txt' })).rejects.toThrow(/node file not found/);
  });
});

describe('looksLikeEdgeList', () => {
  it('recognises SNAP files and headed edge lists, not other CSVs', () => {
    expect(looksLikeEdgeList([join(folder, 'email-Eu-core.txt')])).toBe(true);
    expect(looksLikeEdgeList([join(folder, 'as_found_in_repo', 'email-Eu-core.txt')])).toBe(true);
    expect(looksLikeEdgeList([join(writeExport({ 'x.csv': 'from,to\na,b\n' }), 'x.csv')])).toBe(true);
    expect(looksLikeEdgeList([join(writeExport({ 'people.csv': 'person_id,display_name,department\np1,A,B\n' }), 'people.csv')])).toBe(false);
  });
});
