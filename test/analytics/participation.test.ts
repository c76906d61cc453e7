import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getParticipation } from '../../analytics/queries/participation';
import { cleanExports, freshDb, smallFixture, writeExport } from '../helpers';

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
});
afterAll(() => {
  closeDatabase(db);
  cleanExports();
});

describe('participation funnel on the small fixture', () => {
  it('counts each step as “at least this level” in September', async () => {
    const { funnel } = await withConnection(db, (c) => getParticipation(c, { from: '2026-09-01', to: '2026-09-30' }));
    // visitors: all five; reactors: p1 (share), p2 (post), p3 (comment), p5 (reaction) — p4 only
    // viewed and logged in; commenters: p2 (post), p3 (comment); creators: p2.
    expect(funnel).toEqual({ headcount: 5, visitors: 5, reactors: 4, commenters: 2, creators: 1 });
  });

  it('counts the whole period and a department', async () => {
    const all = await withConnection(db, (c) => getParticipation(c, { from: '2026-08-01', to: '2026-10-31' }));
    expect(all.funnel).toEqual({ headcount: 5, visitors: 5, reactors: 5, commenters: 4, creators: 2 });
    const it = await withConnection(db, (c) => getParticipation(c, { from: '2026-08-01', to: '2026-10-31', department: 'IT' }));
    expect(it.funnel).toEqual({ headcount: 2, visitors: 2, reactors: 2, commenters: 2, creators: 0 });
  });
});

describe('participation inequality', () => {
  it('gives the Gini, top shares and Lorenz curve of contents 1, 1, 2, 4', async () => {
    // Gini = 2·Σ i·x_i / (n·Σx) − (n+1)/n with x = 1, 1, 2, 4: 2·25 / (4·8) − 5/4 = 0.3125.
    // The top 10 % and top 1 % of 4 contributors are ceil(0.4) = ceil(0.04) = 1 person: 4 of 8.
    const post = (id: string, author: string, parent = '') =>
      `${id},${author},2026-11-0${id.length}T10:00:00+01:00,${parent ? 'comment' : 'post'},${parent},text,,,Text,,`;
    const dir = writeExport({
      'people.csv': 'person_id\ng1\ng2\ng3\ng4\n',
      'content.csv': [
        'content_id,author_id,created_at,kind,parent_id,format,space_id,title,body,topics,external_url',
        post('a', 'g1'), post('b', 'g2'), post('c', 'g3'), post('cc', 'g3', 'c'),
        post('d', 'g4'), post('dd', 'g4', 'd'), post('ddd', 'g4', 'dd'), post('e', 'g4'),
      ].join('\n'),
    });
    const gini = await freshDb();
    await loadCanonical(gini, dir);
    const p = await withConnection(gini, (c) => getParticipation(c, { from: '2026-11-01', to: '2026-11-30' }));
    closeDatabase(gini);
    expect(p.inequality).toEqual({
      activePeople: 4,
      contributors: 4,
      content: 8,
      gini: 0.3125,
      top1PercentShare: 0.5,
      top10PercentShare: 0.5,
      top1PercentPeople: 1,
      top10PercentPeople: 1,
    });
    expect(p.lorenz).toEqual([
      { people: 0, content: 0 },
      { people: 0.25, content: 0.125 },
      { people: 0.5, content: 0.25 },
      { people: 0.75, content: 0.5 },
      { people: 1, content: 1 },
    ]);
    expect(p.funnel).toEqual({ headcount: 4, visitors: 4, reactors: 4, commenters: 4, creators: 4 });
  });

  it('counts active people without content as zeros', async () => {
    // September: content 0, 0, 0, 1, 1 (p2's post, p3's comment): 2·(4+5) / (5·2) − 6/5 = 0.6.
    const { inequality, lorenz } = await withConnection(db, (c) => getParticipation(c, { from: '2026-09-01', to: '2026-09-30' }));
    expect(inequality).toMatchObject({ activePeople: 5, contributors: 2, content: 2, top10PercentShare: 0.5 });
    expect(inequality.gini).toBeCloseTo(0.6, 12);
    expect(lorenz.map((pt) => pt.content)).toEqual([0, 0, 0, 0, 0.5, 1]);
  });

  it('has no Gini and no curve when nobody created anything', async () => {
    const { inequality, lorenz } = await withConnection(db, (c) => getParticipation(c, { from: '2026-10-01', to: '2026-10-31' }));
    expect(inequality).toEqual({ activePeople: 1, contributors: 0, content: 0, gini: null, top1PercentShare: null, top10PercentShare: null, top1PercentPeople: null, top10PercentPeople: null });
    expect(lorenz).toEqual([]);
  });
});
