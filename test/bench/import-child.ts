// One measured step of the import benchmark, run in its own process so that its peak memory
// is its own: `floor` (bare DuckDB CREATE TABLE AS SELECT * FROM read_csv of every file) or
// `import` (the canonical importer). Prints one JSON line: seconds, peak RSS, rows.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase, queryRows, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';

const [mode, dir, dbPath] = process.argv.slice(2);
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
// The same memory limit the chorus command uses by default (CHORUS_MEMORY_LIMIT).
const db = await openDatabase(dbPath, { memoryLimit: '1.5GB' });
const began = performance.now();
let rows = 0;
if (mode === 'floor') {
  await withConnection(db, async (c) => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
      const table = `floor_${file.replace(/\W/g, '_')}`;
      await c.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv($path)`, { path: join(dir, file) });
      rows += (await queryRows<{ n: number }>(c, `SELECT count(*)::DOUBLE AS n FROM ${table}`))[0].n;
    }
  });
} else {
  const summary = await loadCanonical(db, dir);
  rows = summary.read;
  if (summary.rejected > 0) process.stderr.write(`bench import: ${summary.rejected} rejects, first: ${JSON.stringify(summary.rejects[0])}\n`);
}
// Both steps end durable: the data written to the database file, not only to the WAL.
await withConnection(db, (c) => c.run('CHECKPOINT'));
const seconds = (performance.now() - began) / 1000;
closeDatabase(db);
process.stdout.write(`${JSON.stringify({ mode, seconds, rows, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
