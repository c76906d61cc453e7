// Fuzz-style robustness of the tabular importers: for each of them, ten copies of a good sample
// damaged by a seeded PRNG (truncated, bytes flipped, lines deleted or repeated, a stray quote,
// a garbage line, a wrong encoding, an empty file). Every import must end either in an
// ImportInputError that leaves the database as it was, or in a summary whose numbers agree
// with what was written (rejects stored for the run, loaded rows = rows added).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../../analytics/db';
import { createRng, randomInt, type Rng } from '../../../analytics/graph/prng';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadCanonical } from '../../../analytics/ingest/canonical';
import { loadEdgeList } from '../../../analytics/ingest/edge-list';
import { loadGenericCsv } from '../../../analytics/ingest/generic-csv';
import { loadHrRoster } from '../../../analytics/ingest/hr-roster';
import type { ImportSummary } from '../../../analytics/ingest/load';
import { loadM365 } from '../../../analytics/ingest/m365';
import { loadVivaEngage } from '../../../analytics/ingest/viva-engage';
import { cleanExports, freshDb, projectRoot, sharedData, smallFixture, writeExport } from '../../helpers';
import { countRows, tableCounts } from './tabular-test-kit';

afterAll(cleanExports);

type Damage = { name: string; apply: (bytes: Buffer, rng: Rng) => Buffer };

const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n');
const join1 = (parts: string[]) => Buffer.from(parts.join('\n'), 'latin1');

const damages: Damage[] = [
  { name: 'truncated', apply: (b, rng) => b.subarray(0, randomInt(rng, Math.max(1, b.length))) },
  {
    name: 'bytes flipped',
    apply: (b, rng) => {
      const out = Buffer.from(b);
      for (let k = 0; k < 1 + randomInt(rng, 6); k++) out[randomInt(rng, out.length)] = randomInt(rng, 256);
      return out;
    },
  },
  {
    name: 'lines deleted',
    apply: (b, rng) => {
      const l = lines(b);
      for (let k = 0; k < 1 + randomInt(rng, 3) && l.length > 1; k++) l.splice(randomInt(rng, l.length), 1);
      return join1(l);
    },
  },
  {
    name: 'lines repeated',
    apply: (b, rng) => {
      const l = lines(b);
      const i = 1 + randomInt(rng, Math.max(1, l.length - 1));
      l.splice(i, 0, l[i] ?? '', l[i] ?? '');
      return join1(l);
    },
  },
  {
    name: 'stray quote',
    apply: (b, rng) => {
      const i = randomInt(rng, b.length);
      return Buffer.concat([b.subarray(0, i), Buffer.from('"'), b.subarray(i)]);
    },
  },
  {
    name: 'garbage line',
    apply: (b, rng) => {
      const l = lines(b);
      const garbage = Buffer.from(Array.from({ length: 5 + randomInt(rng, 40) }, () => 32 + randomInt(rng, 224))).toString('latin1');
      l.splice(1 + randomInt(rng, Math.max(1, l.length - 1)), 0, garbage);
      return join1(l);
    },
  },
  { name: 'UTF-16 without byte-order mark', apply: (b) => Buffer.from(b.toString('utf8'), 'utf16le') },
  { name: 'double-encoded UTF-8', apply: (b) => Buffer.from(b.toString('latin1'), 'utf8') },
  { name: 'empty file', apply: () => Buffer.alloc(0) },
  { name: 'header only', apply: (b) => join1(lines(b).slice(0, 1)) },
];

interface Case {
  importer: string;
  /** Files of the good sample (name → bytes) and which one gets damaged. */
  files: Record<string, Buffer>;
  target: string;
  /** What the database holds before the import. */
  prepare?: (db: Database) => Promise<unknown>;
  load: (db: Database, dir: string) => Promise<ImportSummary>;
}

const read = (...parts: string[]) => readFileSync(join(...parts));
const eu = join(sharedData, 'email-eu-core', 'as_found_in_repo');
const viva = join(projectRoot, 'fixtures', 'viva-engage');

const cases: Case[] = [
  {
    importer: 'viva-engage',
    files: { 'Users.csv': read(viva, 'Users.csv'), 'Groups.csv': read(viva, 'Groups.csv'), 'Messages.csv': read(viva, 'Messages.csv') },
    target: 'Messages.csv',
    load: (db, dir) => loadVivaEngage(db, dir),
  },
  {
    importer: 'm365',
    files: { 'report.csv': read(projectRoot, 'fixtures', 'm365', 'VivaEngageActivityUserDetail.csv') },
    target: 'report.csv',
    load: (db, dir) => loadM365(db, dir),
  },
  {
    importer: 'edgelist',
    // An excerpt keeps the test fast: the first 400 edges and every label, as found (\r\r\n, tabs).
    files: {
      'email-Eu-core.txt': Buffer.from(read(eu, 'email-Eu-core.txt').toString('latin1').split('\n').slice(0, 400).join('\n'), 'latin1'),
      'email-Eu-core-department-labels.txt': read(eu, 'email-Eu-core-department-labels.txt'),
    },
    target: 'email-Eu-core.txt',
    load: (db, dir) => loadEdgeList(db, dir),
  },
  {
    importer: 'hr-roster',
    files: { 'mitarbeiter.csv': read(projectRoot, 'fixtures', 'hr', 'mitarbeiter.csv') },
    target: 'mitarbeiter.csv',
    prepare: (db) => loadCanonical(db, smallFixture),
    load: (db, dir) => loadHrRoster(db, dir),
  },
  {
    importer: 'generic-csv',
    files: { 'aktivitaet.csv': read(projectRoot, 'fixtures', 'generic', 'intranet-aktivitaet.csv'), 'mapping.json': read(projectRoot, 'fixtures', 'generic', 'mapping.json') },
    target: 'aktivitaet.csv',
    load: (db, dir) => loadGenericCsv(db, dir),
  },
];

describe.each(cases)('fuzz: damaged $importer exports', (c) => {
  it('end in a clear error with the database unchanged, or in a summary that agrees with what was written', async () => {
    const rng = createRng(20_261_123 + c.importer.length);
    const outcomes: string[] = [];
    for (const damage of damages) {
      const db = await freshDb();
      try {
        if (c.prepare) await c.prepare(db);
        const files = { ...c.files, [c.target]: damage.apply(c.files[c.target], rng) };
        const before = await tableCounts(db);
        let summary: ImportSummary | null = null;
        try {
          summary = await c.load(db, writeExport(files));
        } catch (error) {
          expect(error, `${c.importer} / ${damage.name}: ${String(error)}`).toBeInstanceOf(ImportInputError);
          expect(await tableCounts(db), `${c.importer} / ${damage.name}: database changed by a failed import`).toEqual(before);
          outcomes.push(`${damage.name}: error`);
          continue;
        }
        const after = await tableCounts(db);
        expect(after.import_rejects - before.import_rejects).toBe(summary.rejected);
        expect(await countRows(db, 'import_rejects', `run_id = ${summary.runId}`)).toBe(summary.rejected);
        expect(after.content - before.content).toBe(summary.loaded.content);
        expect(after.events - before.events).toBe(summary.loaded.events);
        expect(after.interactions - before.interactions).toBe(summary.loaded.interactions);
        expect(after.people - before.people).toBeLessThanOrEqual(summary.loaded.people + summary.placeholders);
        expect(summary.read).toBeGreaterThanOrEqual(summary.rejected);
        for (const r of summary.rejects) expect(r.reason.length).toBeGreaterThan(0);
        outcomes.push(`${damage.name}: ${summary.rejected} rejects`);
      } finally {
        closeDatabase(db);
      }
    }
    expect(outcomes).toHaveLength(damages.length);
    // The damage did something: some imports failed outright, some kept rejects.
    expect(outcomes.some((o) => o.endsWith('error'))).toBe(true);
    expect(outcomes.some((o) => /[1-9]\d* rejects$/.test(o))).toBe(true);
    console.info(`fuzz ${c.importer}: ${outcomes.join('; ')}`);
  });
});
