import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { openExport } from '../../analytics/ingest/archive';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computeCutoff, pruneActivity } from '../../analytics/privacy';
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

describe('retention', () => {
  it('computes the cutoff for months, days and years, and refuses other text', () => {
    expect(computeCutoff('24m', '2026-11-23')).toBe('2024-11-23');
    expect(computeCutoff('90d', '2026-11-23')).toBe('2026-08-25');
    expect(computeCutoff('2y', '2026-11-23')).toBe('2024-11-23');
    expect(() => computeCutoff('two years', '2026-11-23')).toThrow(/not an age/);
  });

  it('deletes activity before the cutoff, refreshes the rollup and records what it deleted', async () => {
    // Before 2026-09-01: k1, k2, k3 (3 August) and events e1, e2 (3 August); e3 is 1 September in Berlin.
    const result = await withConnection(db, (c) => pruneActivity(c, '2026-09-01', 'test'));
    expect(result).toEqual({ cutoff: '2026-09-01', content: 3, events: 2, interactions: 0 });
    const [log, days] = await withConnection(db, async (c) => [
      await queryRows<{ cutoff: string; content: number; events: number; actor: string }>(c, "SELECT strftime(cutoff, '%Y-%m-%d') AS cutoff, content, events, actor FROM prune_log"),
      await queryRows<{ first: string }>(c, "SELECT strftime(min(day), '%Y-%m-%d') AS first FROM activity_daily"),
    ]);
    expect(log).toEqual([{ cutoff: '2026-09-01', content: 3, events: 2, actor: 'test' }]);
    expect(days).toEqual([{ first: '2026-09-01' }]);
  });
});

describe('archive safety', () => {
  it('refuses a zip that would unpack to more than the limit (a decompression bomb)', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = zipSync({ 'people.csv': zeros }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    const dir = writeExport({ 'bomb.zip': zip });
    expect(() => openExport(`${dir}/bomb.zip`, { maxTotalBytes: 4 * 1024 * 1024, maxRatio: 200, maxEntries: 10 })).toThrow(/decompression bomb|more than/);
  });
});
