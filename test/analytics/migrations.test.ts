import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, getLatestSchemaVersion, openDatabase, queryRows, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { smallFixture } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'chorus-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const latest = getLatestSchemaVersion();
const allVersions = Array.from({ length: latest }, (_, i) => ({ version: i + 1 }));

describe('versioned migrations', () => {
  it('upgrades a database file written at schema version 1 in place, keeping its data', async () => {
    const path = join(dir, 'old.duckdb');
    const old = await openDatabase(path, { migrateTo: 1 });
    const before = await withConnection(old, async (c) => {
      // version 1 had the canonical tables only
      await c.run(`INSERT INTO people (person_id, account_type, source) VALUES ('p1', 'person', 'canonical')`);
      return queryRows<{ version: number }>(c, 'SELECT version FROM schema_migrations ORDER BY version');
    });
    closeDatabase(old);
    expect(before).toEqual([{ version: 1 }]);

    const upgraded = await openDatabase(path);
    const [versions, people, tables] = await withConnection(upgraded, async (c) => [
      await queryRows<{ version: number }>(c, 'SELECT version FROM schema_migrations ORDER BY version'),
      await queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM people'),
      await queryRows<{ name: string }>(c, "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('person_metrics', 'metric_periods', 'opt_outs', 'period_edges') ORDER BY 1"),
    ]);
    // the upgraded file imports like a new one
    await loadCanonical(upgraded, smallFixture);
    closeDatabase(upgraded);
    expect(versions).toEqual(allVersions);
    expect(people).toEqual([{ n: 1 }]);
    expect(tables.map((t) => t.name)).toEqual(['metric_periods', 'opt_outs', 'period_edges', 'person_metrics']);
  });

  it('applies nothing twice when a current database is opened again', async () => {
    const path = join(dir, 'current.duckdb');
    closeDatabase(await openDatabase(path));
    const again = await openDatabase(path);
    const versions = await withConnection(again, (c) => queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM schema_migrations'));
    closeDatabase(again);
    expect(versions).toEqual([{ n: latest }]);
  });
});
