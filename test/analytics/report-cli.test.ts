import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { reportCommand } from '../../analytics/report/cli-report';
import { smallFixture } from '../helpers';

// `chorus report` without Chromium: the HTML is written, and the message says how to install it.
const dir = mkdtempSync(join(tmpdir(), 'chorus-report-cli-'));
const dbPath = join(dir, 'small.duckdb');
beforeAll(async () => {
  const db = await openDatabase(dbPath, { timeZone: 'Europe/Berlin' });
  await loadCanonical(db, smallFixture);
  closeDatabase(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { dbPath, timeZone: 'Europe/Berlin', minGroupSize: 5 };

describe('chorus report', () => {
  it('writes the HTML, then exits 4 with the install command when --pdf finds no Chromium', async () => {
    const errors: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (errors.push(String(chunk)), true));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const out = join(dir, 'r.html');
      const code = await reportCommand({ ...options, month: '2026-09', out, pdf: join(dir, 'r.pdf'), chromiumPaths: [join(dir, 'no-chromium')] });
      expect(code).toBe(4);
      expect(readFileSync(out, 'utf8')).toContain('Die Nutzung stieg im September um 25,0 Prozentpunkte auf 100\u00a0%.');
      expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
      expect(errors.join('')).toContain('install it with: apt-get install -y chromium');
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  it('takes the latest complete month when --month is absent', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const out = join(dir, 'latest.html');
      expect(await reportCommand({ ...options, out })).toBe(0);
      // The small fixture ends on 1 October 2026: September is the latest complete month.
      expect(readFileSync(out, 'utf8')).toContain('data-month="2026-09"');
    } finally {
      stdout.mockRestore();
    }
  });
});
