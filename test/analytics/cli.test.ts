import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, smallFixture } from '../helpers';

const cli = join(projectRoot, 'analytics', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'chorus-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chorus(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: projectRoot, timeout: 60_000 });
}

describe('chorus import', () => {
  it('prints exactly one JSON object with --json and exits 0', () => {
    const run = chorus(['import', smallFixture, '--db', join(dir, 'a.duckdb'), '--json']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(summary).toMatchObject({
      source: 'canonical',
      loaded: { people: 7, content: 7, events: 11, interactions: 2 },
      duplicates: 0,
      rejected: 0,
      rejects: [],
    });
  });

  it('exits 2 with a message naming the path when it does not exist', () => {
    const run = chorus(['import', join(dir, 'missing'), '--db', join(dir, 'b.duckdb')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing: no such file or folder/);
  });

  it('tells a second process that the server holds the database, without a crash', async () => {
    const db = join(dir, 'held.duckdb');
    expect(chorus(['import', smallFixture, '--db', db]).status).toBe(0);
    const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], { cwd: projectRoot });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('running at')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const second = chorus(['import', smallFixture, '--db', db]);
      expect(second.status).toBe(3);
      expect(second.stderr).toMatch(/is in use by process \d+/);
      expect(second.stderr).toMatch(/Stop that process|--db/);
      expect(second.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });
});
