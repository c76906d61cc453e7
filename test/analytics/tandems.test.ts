import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computeTandems, explainTandem, getTandems, type TandemRow } from '../../analytics/queries/tandems';
import { cleanExports, freshDb, writeExport } from '../helpers';

// Hand-made organisation (all in September 2026). Posters need 3 posts here, hesitant
// colleagues at most 2 items written (posts and comments) and 3 views + reactions.
//   A (Vertrieb) 3 posts a1–a3; B (IT) 3 posts b1–b3; O is an official account with 3 posts.
//   h1 (Vertrieb): reacts to a1, a2, a3, views b1 → h1–A 3 × 1.5 (same department) = 4.5,
//       h1–B 0.25 → A.
//   h2 (IT): 1 post, comments on a1 once (2 items), views a1 twice, reacts to b1 → h2–A 3 + 0.5 = 3.5,
//       h2–B 1 × 1.5 = 1.5 → A.
//   h3 (Vertrieb): 2 posts and a comment → not hesitant (reacts to a1–a3 all the same).
//   h4 (Vertrieb): opted out → never paired (reacts to a1–a3).
//   h5 (IT): reacts to O's three posts only → no poster tie, no pair.
//   h6 (IT): views a1, a2, a3; two e-mails to B → h6–A 0.75, h6–B 2 × 2 × 1.5 = 6 → B.
//   h7 (IT): reacts to b1 and b2 only → 2 reads, below 3: not an active reader.
// Expected, best first: h6–B 6, h1–A 4.5, h2–A 3.5.
const day = (d: number, h = 10) => `2026-09-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+02:00`;
let db: Database;
beforeAll(async () => {
  const people = [
    ['A', 'Anna Berg', 'Vertrieb', 'person'],
    ['B', 'Ben Kurz', 'IT', 'person'],
    ['O', 'Firmenkanal', '', 'official'],
    ['h1', 'Hanna Eins', 'Vertrieb', 'person'],
    ['h2', 'Hugo Zwei', 'IT', 'person'],
    ['h3', 'Heike Drei', 'Vertrieb', 'person'],
    ['h4', 'Horst Vier', 'Vertrieb', 'person'],
    ['h5', 'Helga Fünf', 'IT', 'person'],
    ['h6', 'Heinz Sechs', 'IT', 'person'],
    ['h7', 'Hilde Sieben', 'IT', 'person'],
  ];
  const content = [
    ...['a1', 'a2', 'a3'].map((id, i) => `${id},A,${day(1 + i)},post,`),
    ...['b1', 'b2', 'b3'].map((id, i) => `${id},B,${day(1 + i, 11)},post,`),
    ...['o1', 'o2', 'o3'].map((id, i) => `${id},O,${day(1 + i, 12)},post,`),
    `x1,h2,${day(5)},post,`,
    `c1,h2,${day(6)},comment,a1`,
    `y1,h3,${day(5)},post,`,
    `y2,h3,${day(6)},post,`,
    `y3,h3,${day(7)},comment,o1`,
  ];
  let n = 0;
  const ev = (actor: string, action: string, item: string) => `e${++n},${day(10)},${actor},${action},${item}`;
  const events = [
    ...['a1', 'a2', 'a3'].map((k) => ev('h1', 'reaction', k)),
    ev('h1', 'view', 'b1'),
    ev('h2', 'view', 'a1'),
    ev('h2', 'view', 'a1'),
    ev('h2', 'reaction', 'b1'),
    ...['a1', 'a2', 'a3'].map((k) => ev('h3', 'reaction', k)),
    ...['a1', 'a2', 'a3'].map((k) => ev('h4', 'reaction', k)),
    ...['o1', 'o2', 'o3'].map((k) => ev('h5', 'reaction', k)),
    ...['a1', 'a2', 'a3'].map((k) => ev('h6', 'view', k)),
    ev('h7', 'reaction', 'b1'),
    ev('h7', 'reaction', 'b2'),
  ];
  const dir = writeExport({
    'people.csv': `person_id,display_name,department,account_type\n${people.map((p) => p.join(',')).join('\n')}\n`,
    'content.csv': `content_id,author_id,created_at,kind,parent_id\n${content.join('\n')}\n`,
    'events.csv': `event_id,occurred_at,actor_id,action,content_id\n${events.join('\n')}\n`,
    'interactions.csv': `source_id,target_id,occurred_at,channel,weight\nh6,B,${day(12)},email,1\nh6,B,${day(13)},email,1\n`,
  });
  db = await freshDb();
  await loadCanonical(db, dir);
  await withConnection(db, (c) => c.run("INSERT INTO opt_outs VALUES ('h4', now(), 'test')"));
});
afterAll(() => {
  closeDatabase(db);
  cleanExports();
});

const tandems = (department: string | null = null) =>
  withConnection(db, (c) => getTandems(c, { from: '2026-09-01', to: '2026-09-30', department, minPosts: 3, maxItems: 2, minReads: 3 }));

describe('tandem suggestions', () => {
  it('pairs each hesitant colleague once with the poster they interact with most, best score first', async () => {
    const rows = await tandems();
    expect(rows.map((r) => [r.hesitantId, r.posterId, r.score])).toEqual([
      ['h6', 'B', 6],
      ['h1', 'A', 4.5],
      ['h2', 'A', 3.5],
    ]);
  });

  it('leaves out opted-out people, official posters, colleagues who post and light readers', async () => {
    const ids = (await tandems()).flatMap((r) => [r.hesitantId, r.posterId]);
    for (const id of ['h3', 'h4', 'h5', 'h7', 'O']) expect(ids).not.toContain(id);
  });

  it('keeps the figures of each pair and whether the department is shared', async () => {
    const h2 = (await tandems()).find((r) => r.hesitantId === 'h2')!;
    expect(h2).toMatchObject({ posterName: 'Anna Berg', hesitantPosts: 1, hesitantViews: 2, hesitantReactions: 1, views: 2, reactions: 0, comments: 1, shares: 0, direct: 0, sameDepartment: false });
    const h6 = (await tandems()).find((r) => r.hesitantId === 'h6')!;
    expect(h6).toMatchObject({ direct: 2, views: 0, sameDepartment: true });
  });

  it('filters by the hesitant colleague’s department', async () => {
    expect((await tandems('IT')).map((r) => r.hesitantId)).toEqual(['h6', 'h2']);
  });

  it('explains each pair in German and English from its figures', async () => {
    const rows = new Map((await tandems()).map((r) => [r.hesitantId, r] as [string, TandemRow]));
    expect(explainTandem(rows.get('h1')!, 'de')).toBe('Auf Beiträge von Anna Berg 3× reagiert; gleiche Abteilung');
    expect(explainTandem(rows.get('h1')!, 'en')).toBe('Reacted 3× on posts by Anna Berg; same department');
    expect(explainTandem(rows.get('h2')!, 'de')).toBe('Auf Beiträge von Anna Berg 1× kommentiert, 2× gelesen');
    expect(explainTandem(rows.get('h6')!, 'de')).toBe('2 direkte Kontakte mit Ben Kurz; gleiche Abteilung');
    expect(explainTandem(rows.get('h6')!, 'en')).toBe('2 direct contacts with Ben Kurz; same department');
  });
});

describe('choosing tandems from scored pairs', () => {
  // Best first: h1–A 9, h2–A 8, h3–A 7, h4–A 6, h3–B 5, h4–B 2, h5–C 1.
  const pairs = [
    ['h1', 'A'], ['h2', 'A'], ['h3', 'A'], ['h4', 'A'], ['h3', 'B'], ['h4', 'B'], ['h5', 'C'],
  ].map(([hesitantId, posterId]) => ({ hesitantId, posterId }));
  const chosen = (maxPerPoster: number, limit = 100) => computeTandems(pairs, { maxPerPoster, limit }).map((p) => `${p.hesitantId}-${p.posterId}`);

  it('gives every hesitant colleague their best poster when posters have room', () => {
    expect(chosen(10)).toEqual(['h1-A', 'h2-A', 'h3-A', 'h4-A', 'h5-C']);
  });

  it('sends a colleague to their next best poster once the best one has its share', () => {
    expect(chosen(2)).toEqual(['h1-A', 'h2-A', 'h3-B', 'h4-B', 'h5-C']);
    // With one each, h4 has no poster left (A and B are taken) and gets no tandem.
    expect(chosen(1)).toEqual(['h1-A', 'h3-B', 'h5-C']);
  });

  it('stops at the limit', () => {
    expect(chosen(2, 3)).toEqual(['h1-A', 'h2-A', 'h3-B']);
  });
});
