import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, queryRows, withConnection } from '../../analytics/db';
import { createRng } from '../../analytics/graph/prng';
import { generateDemo } from '../../fixtures/generate';
import { projectRoot, smallFixture } from '../helpers';

// Kill the import process at random points; the database must open afterwards in its
// previous state (all of the import or none of it), and the same import must then succeed.
const dir = mkdtempSync(join(tmpdir(), 'chorus-fault-'));
const cli = join(projectRoot, 'analytics', 'cli.mjs');
const exportDir = join(dir, 'export');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await generateDemo(exportDir, { people: 1000, targetEvents: 300_000 });
}, 120_000);

async function counts(db: string) {
  const handle = await openDatabase(db);
  try {
    return await withConnection(handle, async (c) => (await queryRows<{ people: number; content: number; events: number; runs: number }>(
      c,
      `SELECT (SELECT count(*) FROM people)::INTEGER AS people, (SELECT count(*) FROM content)::INTEGER AS content,
              (SELECT count(*) FROM events)::INTEGER AS events, (SELECT count(*) FROM import_runs WHERE status = 'ok')::INTEGER AS runs`,
    ))[0]);
  } finally {
    closeDatabase(handle);
  }
}

describe('an import killed at random points', () => {
  it('leaves the database in its previous state, and the same import succeeds afterwards', async () => {
    const db = join(dir, 'fault.duckdb');
    expect(spawnSync(process.execPath, [cli, 'import', smallFixture, '--db', db, '--quiet'], { cwd: projectRoot }).status).toBe(0);
    const before = await counts(db);
    expect(before).toEqual({ people: 7, content: 7, events: 11, runs: 1 });
    // The state a completed import gives, from a separate database.
    const reference = join(dir, 'reference.duckdb');
    expect(spawnSync(process.execPath, [cli, 'import', smallFixture, '--db', reference, '--quiet'], { cwd: projectRoot }).status).toBe(0);
    expect(spawnSync(process.execPath, [cli, 'import', exportDir, '--db', reference, '--quiet'], { cwd: projectRoot }).status).toBe(0);
    const complete = await counts(reference);

    const rng = createRng(2026);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      // One random point early (reading), one in the middle, one late (writing or committing).
      const delay = [300, 800, 1400][attempt] + Math.floor(rng() * 600);
      const child = spawn(process.execPath, [cli, 'import', exportDir, '--db', db, '--quiet'], { cwd: projectRoot, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      clearTimeout(timer);
      const after = await counts(db);
      if (code === 0 || JSON.stringify(after) === JSON.stringify(complete)) {
        // The import had committed before the kill (perhaps during the metrics job after it).
        outcomes.push(code === 0 ? 'finished' : `killed after ${delay} ms, after the commit`);
        break;
      }
      outcomes.push(`killed after ${delay} ms`);
      expect(after, `after a kill at ${delay} ms`).toEqual(before);
    }
    expect(outcomes.filter((o) => /^killed after \d+ ms$/.test(o)).length, outcomes.join('; ')).toBeGreaterThan(0);

    const run = spawnSync(process.execPath, [cli, 'import', exportDir, '--db', db, '--json'], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const final = await counts(db);
    expect({ ...final, runs: 0 }).toEqual({ ...complete, runs: 0 });
  }, 180_000);
});
