import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, queryRows, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { smallFixture } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'chorus-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('versioned migrations', () => {
  it('upgrades a database file written at schema version 1 in place, keeping its data', async () => {
    const path = join(dir, 'old.duckdb');
    const first = await openDatabase(path);
    await loadCanonical(first, smallFixture);
    // Turn the file back into what version 1 wrote: no later tables, version 1 recorded.
    await withConnection(first, async (c) => {
      for (const table of ['person_metrics', 'metric_periods', 'opt_outs', 'audit_log', 'prune_log', 'period_edges', 'person_department_reach']) await c.run(`DROP TABLE ${table}`);
      await c.run('DROP SEQUENCE audit_seq');
      await c.run('DELETE FROM schema_migrations WHERE version > 1');
    });
    closeDatabase(first);

    const upgraded = await openDatabase(path);
    const [versions, people, tables] = await withConnection(upgraded, async (c) => [
      await queryRows<{ version: number }>(c, 'SELECT version FROM schema_migrations ORDER BY version'),
      await queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM people'),
      await queryRows<{ name: string }>(c, "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('person_metrics', 'metric_periods') ORDER BY 1"),
    ]);
    closeDatabase(upgraded);
    expect(versions).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    expect(people).toEqual([{ n: 7 }]);
    expect(tables).toEqual([{ name: 'metric_periods' }, { name: 'person_metrics' }]);
  });

  it('applies nothing twice when a current database is opened again', async () => {
    const path = join(dir, 'current.duckdb');
    closeDatabase(await openDatabase(path));
    const again = await openDatabase(path);
    const versions = await withConnection(again, (c) => queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM schema_migrations'));
    closeDatabase(again);
    expect(versions).toEqual([{ n: 4 }]);
  });
});
