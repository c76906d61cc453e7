// Damaged exports for the Slack, Mattermost and Stack Exchange importers: seeded random
// damage (truncation, flipped bytes, deleted or repeated lines, broken syntax, Latin-1 bytes,
// empty files, random bytes) plus hostile archives (an entry climbing out with "../", an entry
// declaring gigabytes). Every import must end either with an ImportInputError that names the
// file, leaving the database as it was, or with a summary that accounts for every row read
// (loaded + duplicates + rejected) and has rejects whenever the damage broke the syntax.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../../analytics/db';
import { createRng, randomInt, type Rng } from '../../../analytics/graph/prng';
import { ImportInputError } from '../../../analytics/ingest/archive';
import type { ImportSummary } from '../../../analytics/ingest/load';
import { loadMattermost } from '../../../analytics/ingest/mattermost';
import { loadSlack } from '../../../analytics/ingest/slack';
import { loadStackExchange } from '../../../analytics/ingest/stackexchange';
import { cleanExports, freshDb, sharedData, writeExport } from '../../helpers';

type Files = Record<string, Buffer>;

let unhandled = 0;
const onUnhandled = () => {
  unhandled++;
};
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  cleanExports();
});

// ---------------------------------------------------------------------------------------------
// Small excerpts of the three samples

function slackExcerpt(): Files {
  const root = join(sharedData, 'slack-houstondatavis');
  const files: Files = {
    'users.json': readFileSync(join(root, 'users.json')),
    'channels.json': readFileSync(join(root, 'channels.json')),
  };
  for (const [folder, take] of [['general', 5], ['datajam', 4]] as const) {
    for (const day of readdirSync(join(root, folder)).sort().slice(0, take)) files[`${folder}/${day}`] = readFileSync(join(root, folder, day));
  }
  files['datajam/2015-06-19.json'] = readFileSync(join(root, 'datajam', '2015-06-19.json')); // file share and file comments
  return files;
}

function mattermostExcerpt(): Files {
  const root = join(sharedData, 'mattermost-bulk-export');
  return { 'export.jsonl': readFileSync(join(root, 'export.jsonl')), 'direct_channel/export.jsonl': readFileSync(join(root, 'direct_channel', 'export.jsonl')) };
}

function stackExchangeExcerpt(): Files {
  const root = join(sharedData, 'stackexchange-conlang');
  const head = (file: string, n: number) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const rootTag = lines[1].trim();
    return Buffer.from([...lines.slice(0, 2 + n), `</${rootTag.slice(1)}`, ''].join('\n'));
  };
  return { 'Posts.xml': head('Posts.xml', 30), 'Comments.xml': head('Comments.xml', 30), 'Votes.xml': head('Votes.xml', 60), 'Users.xml': head('Users.xml', 40) };
}

// ---------------------------------------------------------------------------------------------
// Damage

interface Damaged {
  what: string;
  files: Files;
  /** The file the damage went into (an ImportInputError must name it). */
  target: string;
  /** A zip instead of a folder. */
  zip?: Uint8Array;
}

function pick<T>(rng: Rng, list: T[]): T {
  return list[randomInt(rng, list.length)];
}

function truncate(rng: Rng, b: Buffer): Buffer {
  return b.subarray(0, randomInt(rng, Math.max(1, b.length)));
}

function flip(rng: Rng, b: Buffer, times: number): Buffer {
  const out = Buffer.from(b);
  for (let i = 0; i < times && out.length > 0; i++) out[randomInt(rng, out.length)] ^= 1 + randomInt(rng, 255);
  return out;
}

function lines(rng: Rng, b: Buffer, times: number, mode: 'delete' | 'repeat'): Buffer {
  const list = b.toString('utf8').split('\n');
  for (let i = 0; i < times && list.length > 1; i++) {
    const at = randomInt(rng, list.length);
    if (mode === 'delete') list.splice(at, 1);
    else list.splice(at, 0, list[at]);
  }
  return Buffer.from(list.join('\n'));
}

function garbage(rng: Rng, b: Buffer, junk: string): Buffer {
  const at = randomInt(rng, Math.max(1, b.length));
  return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]);
}

/** The text saved as Latin-1 (with some non-ASCII letters so that the bytes differ from UTF-8). */
function latin1(b: Buffer, inject: (text: string) => string): Buffer {
  return Buffer.from(inject(b.toString('utf8')), 'latin1');
}

function damage(rng: Rng, base: Files, main: string, inject: (text: string) => string, junk: string): Damaged[] {
  const names = Object.keys(base);
  const variant = (what: string, target: string, change: (b: Buffer) => Buffer): Damaged => ({ what: `${what} ${target}`, target, files: { ...base, [target]: change(base[target]) } });
  const cases: Damaged[] = [
    variant('truncated', pick(rng, names), (b) => truncate(rng, b)),
    variant('truncated', main, (b) => truncate(rng, b)),
    variant('5 bytes flipped in', pick(rng, names), (b) => flip(rng, b, 5)),
    variant('40 bytes flipped in', pick(rng, names), (b) => flip(rng, b, 40)),
    variant('3 lines deleted from', pick(rng, names), (b) => lines(rng, b, 3, 'delete')),
    variant('12 lines deleted from', pick(rng, names), (b) => lines(rng, b, 12, 'delete')),
    variant('lines repeated in', pick(rng, names), (b) => lines(rng, b, 4, 'repeat')),
    variant('broken syntax in', pick(rng, names), (b) => garbage(rng, b, junk)),
    variant('Latin-1 bytes in', pick(rng, names.filter((n) => n !== main)), (b) => latin1(b, inject)),
    variant('Latin-1 bytes in', main, (b) => latin1(b, inject)),
    variant('emptied', pick(rng, names.filter((n) => n !== main)), () => Buffer.alloc(0)),
    variant('emptied', main, () => Buffer.alloc(0)),
    variant('random bytes instead of', pick(rng, names), (b) => Buffer.from(Array.from({ length: 200 + randomInt(rng, 2000) }, () => randomInt(rng, 256)))),
    variant('truncated and flipped', pick(rng, names), (b) => flip(rng, truncate(rng, b), 3)),
  ];
  // A zip whose first entry climbs out of the archive.
  const traversal = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new Uint8Array(v)]));
  traversal[`../../escaped/${main}`] = new Uint8Array(base[main]);
  cases.push({ what: 'zip with a ../ entry', target: 'evil.zip', files: {}, zip: zipSync(traversal) });
  cases.push({ what: 'zip bomb (an entry declaring 4 GB)', target: 'bomb.zip', files: {}, zip: declareHuge(zipSync({ ...traversalFree(base), 'huge.bin': new Uint8Array(1000) }), 'huge.bin') });
  return cases;
}

function traversalFree(base: Files): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new Uint8Array(v)]));
}

/**
 * Rewrites the uncompressed size of one entry in its local header and in the central
 * directory to 0xF0000000 bytes: a small archive that claims to unpack to 4 GB.
 */
function declareHuge(zip: Uint8Array, entry: string): Uint8Array {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + out.readUInt16LE(i + 26)).equals(name)) out.writeUInt32LE(0xf0000000, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + out.readUInt16LE(i + 28)).equals(name)) out.writeUInt32LE(0xf0000000, i + 24);
  }
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------------------------
// Is the damaged file still well-formed? (Then rejects are not required.)

function jsonArrayOk(b: Buffer): boolean {
  const text = b.toString('utf8');
  if (text.includes('\uFFFD')) return false;
  try {
    return Array.isArray(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return false;
  }
}

function jsonLinesOk(b: Buffer): boolean {
  const text = b.toString('utf8');
  if (text.trim() === '' || text.includes('\uFFFD')) return false;
  return text.split('\n').every((l) => {
    if (l.trim() === '') return true;
    try {
      const v = JSON.parse(l) as unknown;
      return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string';
    } catch {
      return false;
    }
  });
}

function xmlRowsOk(b: Buffer): boolean {
  const text = b.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) return false;
  const list = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const value = '"[^"<&]*(?:&(?:lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);[^"<&]*)*"';
  const row = new RegExp(`^<row(?: [A-Za-z]+=${value})* />$`);
  const root = /^<([a-z]+)>$/.exec(list[1] ?? '')?.[1];
  return /^<\?xml .*\?>$/.test(list[0] ?? '') && !!root && list[list.length - 1] === `</${root}>` && list.slice(2, -1).every((l) => row.test(l));
}

// ---------------------------------------------------------------------------------------------

async function tableCounts(db: Database) {
  return withConnection(db, async (c) => (await queryRows<Record<string, number>>(
    c,
    `SELECT (SELECT count(*) FROM people)::INTEGER AS people, (SELECT count(*) FROM spaces)::INTEGER AS spaces,
            (SELECT count(*) FROM content)::INTEGER AS content, (SELECT count(*) FROM events)::INTEGER AS events,
            (SELECT count(*) FROM interactions)::INTEGER AS interactions, (SELECT count(*) FROM accepted_answers)::INTEGER AS accepted,
            (SELECT count(*) FROM import_rejects)::INTEGER AS rejects, (SELECT count(*) FROM activity_daily)::INTEGER AS daily`,
  ))[0]);
}

interface Importer {
  name: string;
  load: (db: Database, path: string) => Promise<ImportSummary>;
  excerpt: () => Files;
  main: string;
  inject: (text: string) => string;
  junk: string;
  wellFormed: (name: string, b: Buffer) => boolean;
}

const importers: Importer[] = [
  {
    name: 'Slack',
    load: loadSlack,
    excerpt: slackExcerpt,
    main: 'users.json',
    inject: (t) => t.replace(/"text": "/, '"text": "Grüße aus Köln, '),
    junk: '}{,"oops": [',
    wellFormed: (_, b) => jsonArrayOk(b),
  },
  {
    name: 'Mattermost',
    load: loadMattermost,
    excerpt: mattermostExcerpt,
    main: 'export.jsonl',
    inject: (t) => t.replace(/"message":"/, '"message":"Grüße aus Köln, '),
    junk: '{"type": "post", "post": {',
    wellFormed: (_, b) => jsonLinesOk(b),
  },
  {
    name: 'Stack Exchange',
    load: (db, path) => loadStackExchange(db, path, { site: 'fuzz' }),
    excerpt: stackExchangeExcerpt,
    main: 'Posts.xml',
    inject: (t) => t.replace(/ (Body|Text|DisplayName)="/, ' $1="Grüße aus Köln, '),
    junk: '<row Id="x',
    wellFormed: (_, b) => xmlRowsOk(b),
  },
];

describe.each(importers)('$name importer on damaged exports', (importer) => {
  it('ends every damaged import with a clear error (database unchanged) or a summary with its rejects', async () => {
    const db = await freshDb();
    try {
      const base = importer.excerpt();
      // The undamaged excerpt is well-formed by the test's own checks.
      for (const [name, b] of Object.entries(base)) expect(importer.wellFormed(name, b), name).toBe(true);
      const rng = createRng(importer.name.length * 7919 + 2026);
      const outcomes: string[] = [];
      for (const c of damage(rng, base, importer.main, importer.inject, importer.junk)) {
        const path = c.zip ? join(writeExport({ [c.target]: c.zip }), c.target) : writeExport(c.files);
        const broken = !c.zip && !importer.wellFormed(c.target, c.files[c.target]);
        const before = await tableCounts(db);
        let summary: ImportSummary | null = null;
        let error: unknown = null;
        try {
          summary = await importer.load(db, path);
        } catch (e) {
          error = e;
        }
        if (error) {
          expect(error, `${c.what}: ${String(error)}`).toBeInstanceOf(ImportInputError);
          expect((error as Error).message, c.what).toContain(basename(c.target));
          expect(await tableCounts(db), `${c.what}: the database changed`).toEqual(before);
          outcomes.push(`${c.what}: error`);
        } else {
          const s = summary!;
          const loaded = s.loaded.people + s.loaded.content + s.loaded.events + s.loaded.interactions + s.other.spaces + s.other.social + s.other.programmes;
          expect(s.read, `${c.what}: rows read = loaded + duplicates + rejected`).toBe(loaded + s.duplicates + s.rejected);
          if (broken || c.zip) expect(s.rejected, `${c.what}: damage without rejects`).toBeGreaterThan(0);
          const after = await tableCounts(db);
          expect(after.rejects - before.rejects, c.what).toBe(s.rejected);
          outcomes.push(`${c.what}: ${s.rejected} rejects`);
        }
      }
      if (process.env.FUZZ_VERBOSE) process.stdout.write(`${importer.name}:\n  ${outcomes.join('\n  ')}\n`);
      expect(outcomes.length).toBe(16);
      // Both hostile archives are refused.
      expect(outcomes.filter((o) => /^zip .*: error$/.test(o))).toHaveLength(2);
      // The database still works: the undamaged excerpt imports.
      const clean = await importer.load(db, writeExport(base));
      expect(clean.read).toBeGreaterThan(0);
      expect(unhandled).toBe(0);
    } finally {
      closeDatabase(db);
    }
  }, 30_000);
});
