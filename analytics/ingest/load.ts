// The shared loading pipeline every importer ends in: staged rows are checked in SQL, and one
// transaction writes the good rows, the placeholders, the rejects (with file, line, column,
// value and reason), the run record and the refreshed daily rollup. Either all of it lands or
// none; a failed run is recorded after the rollback so the import history shows it.
import { createHmac } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql, type Database, withConnection } from '../db';
import { refreshContentStats, refreshSpaceActivity } from '../queries/content-rollups';
import { ImportInputError } from './archive';
import { canonicalTables, tableSpecs, type CanonicalRow, type CanonicalTable } from './canonical-format';
import { locateCsvRecords, splitCsvLine } from './text-files';

export { ImportInputError };

export interface RejectInfo {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportSummary {
  runId: number;
  source: string;
  path: string;
  loaded: { people: number; content: number; events: number; interactions: number };
  other: { spaces: number; social: number; programmes: number };
  byKind: Record<string, number>;
  byAction: Record<string, number>;
  placeholders: number;
  read: number;
  duplicates: number;
  rejected: number;
  rejects: RejectInfo[];
  warnings: string[];
  seconds: number;
}

/** Privacy settings of an import (DESIGN.md "Privacy and access"). */
/**
 * Extra SQL an importer runs inside the import's transaction, after the canonical tables are
 * written and before the rollups are refreshed (e.g. usage counts, accepted answers, HR
 * attributes). It sees the staged tables and `runId`; throwing rolls the whole import back.
 */
export type AfterWriteHook = (connection: DuckDBConnection, runId: number) => Promise<void>;

export interface PrivacyOptions {
  /** When set, person ids become keyed hashes (HMAC-SHA-256) before anything is stored. */
  pseudonymSecret?: string;
  /** false: names and e-mails are not stored at all (default true). */
  identities?: boolean;
}

export interface ProgressEvent {
  phase: string;
  file?: string;
  rows?: number;
  seconds: number;
}
export type ProgressListener = (event: ProgressEvent) => void;

/** Columns of the stage checks that are only used inside the check itself. */
const stageOnlyColumns: Record<CanonicalTable, string[]> = {
  people: ['from_raw', 'to_raw', 'registered_raw'],
  spaces: ['official_raw'],
  content: ['created_raw', 'kind_raw'],
  events: ['given_id', 'occurred_raw'],
  interactions: ['occurred_raw', 'weight_raw'],
  social: ['period_raw'],
  programmes: ['joined_raw', 'left_raw'],
};

/** Where each staged table's rows came from, so rejects can name file and line. */
type StageOrigin =
  | { kind: 'csv'; file: string; path: string; delimiter: string; columns: string[]; malformed: RejectInfo[]; malformedRecords: number[] }
  | { kind: 'rows'; file: string }
  | { kind: 'none' };

/** Collects staged tables on one connection, then writes them in one transaction. */
export class ImportSession {
  readonly origins = new Map<CanonicalTable, StageOrigin>();
  readonly warnings: string[] = [];
  readonly preRejects: RejectInfo[] = [];
  private readonly started = Date.now();
  private counter = 0;
  /** Hooks run inside the transaction after the canonical writes (see AfterWriteHook). */
  readonly afterWrite: AfterWriteHook[] = [];
  /** Records an importer recognised as repeats itself and did not stage (see countDuplicates). */
  private repeatedRecords = 0;

  constructor(
    readonly db: Database,
    readonly connection: DuckDBConnection,
    readonly source: string,
    readonly path: string,
    readonly onProgress: ProgressListener = () => {},
    readonly privacy: PrivacyOptions = {},
  ) {}

  elapsed(): number {
    return (Date.now() - this.started) / 1000;
  }

  /**
   * Stages a CSV file with DuckDB's reader. `columns` is the header as read; columns are taken
   * by position, so no text of the file ever becomes part of SQL. Malformed records (wrong
   * number of fields) are kept as rejects.
   */
  async stageCsv(table: CanonicalTable, file: string, path: string, header: { columns: string[]; delimiter: string }): Promise<void> {
    const spec = tableSpecs[table];
    const positions = new Map<string, number>();
    header.columns.forEach((name, index) => {
      const canonical = name.trim().toLowerCase();
      if (spec.columns.includes(canonical) && !positions.has(canonical)) positions.set(canonical, index);
      else if (!spec.columns.includes(canonical)) this.warnings.push(`${file}: column "${name}" is not part of the canonical format and was ignored`);
    });
    for (const required of spec.required) {
      if (!positions.has(required)) throw new ImportInputError(`${file}: required column "${required}" is missing (found: ${header.columns.join(', ')})`, file, required);
    }
    const id = ++this.counter;
    const columnDefs = header.columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    const projection = spec.columns
      .map((c) => (positions.has(c) ? `c${positions.get(c)} AS ${c}` : `NULL::VARCHAR AS ${c}`))
      .join(', ');
    const delimiter = header.delimiter === '\t' ? '\\t' : header.delimiter;
    const relation = `(SELECT ${projection}, NULL::BIGINT AS rec FROM read_csv($path, header = false, skip = 1, auto_detect = false,
      columns = {${columnDefs}}, delim = '${delimiter}', quote = '"', escape = '"', ignore_errors = true,
      store_rejects = true, rejects_table = 'csv_rejects_${id}', rejects_scan = 'csv_scans_${id}', null_padding = false))`;
    const began = Date.now();
    await this.createStage(table, relation, { path });
    const malformedRows = await queryRows<{ line: number; raw: string; message: string }>(
      this.connection,
      `SELECT line::INTEGER AS line, first(csv_line ORDER BY byte_position) AS raw, first(error_message ORDER BY byte_position) AS message
       FROM csv_rejects_${id} GROUP BY line ORDER BY line`,
    );
    const malformed = malformedRows.map((r) => ({ file, line: r.line, column: null, value: null, reason: `malformed row: ${r.message}`, raw: r.raw }));
    this.origins.set(table, { kind: 'csv', file, path, delimiter: header.delimiter, columns: header.columns, malformed, malformedRecords: malformedRows.map((r) => r.line) });
    const rows = await this.count(`stg_${table}`);
    this.progress(`read ${file}`, file, rows + malformed.length, began);
  }

  /** Stages rows an importer produced in JavaScript; each row carries its own file and line. */
  async stageRows(table: CanonicalTable, rows: Iterable<{ file: string; line: number | null; values: CanonicalRow }>): Promise<void> {
    const spec = tableSpecs[table];
    const id = ++this.counter;
    const raw = `raw_${table}_${id}`;
    const began = Date.now();
    await this.connection.run(`CREATE TEMP TABLE ${raw} (${spec.columns.map((c) => `${c} VARCHAR`).join(', ')}, rec BIGINT, file_ VARCHAR)`);
    const appender = await this.connection.createAppender(raw, 'main', 'temp');
    let count = 0;
    let firstFile = '';
    for (const row of rows) {
      for (const column of spec.columns) {
        const value = row.values[column];
        if (value === undefined || value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      if (row.line === null) appender.appendNull();
      else appender.appendBigInt(BigInt(row.line));
      appender.appendVarchar(row.file);
      appender.endRow();
      if (!firstFile) firstFile = row.file;
      count++;
    }
    appender.flushSync();
    appender.closeSync();
    await this.createStage(table, `(SELECT * FROM ${raw})`, {}, `file_`);
    await this.connection.run(`DROP TABLE ${raw}`);
    this.origins.set(table, { kind: 'rows', file: firstFile });
    this.progress(`read ${table}`, firstFile, count, began);
  }

  /**
   * Counts `n` records an importer read but did not stage because it recognised them as the
   * same record again (e.g. a user or post that two files of one export both contain). They
   * are reported as read and skipped as duplicate, like duplicates found in SQL.
   */
  countDuplicates(n: number): void {
    this.repeatedRecords += n;
  }

  /** Records a reject found before staging (for example an unparsable JSON line). */
  rejectEarly(reject: RejectInfo & { raw?: string }): void {
    this.preRejects.push(reject);
  }

  private async createStage(table: CanonicalTable, relation: string, params: Record<string, unknown>, fileColumn?: string): Promise<void> {
    const check = readSql(`ingest/${table}-stage`).replace('FROM {{source}}', () => `FROM ${relation} AS src`);
    const withFile = fileColumn ? check.replace(/^SELECT\n/m, `SELECT\n  ${fileColumn} AS file_,\n`) : check.replace(/^SELECT\n/m, `SELECT\n  NULL::VARCHAR AS file_,\n`);
    // Raw text only needed while the row is checked is not kept: a narrower stage is faster.
    const drop = stageOnlyColumns[table];
    const sql = drop.length > 0
      ? `CREATE OR REPLACE TEMP TABLE stg_${table} AS SELECT * EXCLUDE (${drop.join(', ')}) FROM (${withFile})`
      : `CREATE OR REPLACE TEMP TABLE stg_${table} AS ${withFile}`;
    const needsTz = /\$tz\b/.test(check);
    await this.connection.run(sql, { ...params, ...(needsTz ? { tz: this.db.timeZone } : {}) } as never);
  }

  private async count(table: string): Promise<number> {
    const rows = await queryRows<{ n: number }>(this.connection, `SELECT count(*)::INTEGER AS n FROM ${table}`);
    return rows[0].n;
  }

  progress(phase: string, file: string | undefined, rows: number | undefined, began: number): void {
    this.onProgress({ phase, file, rows, seconds: (Date.now() - began) / 1000 });
  }

  /** Creates empty stages for tables no file provided, so every check can name all of them. */
  private async stageMissing(): Promise<void> {
    for (const table of canonicalTables) {
      if (this.origins.has(table)) continue;
      const spec = tableSpecs[table];
      const relation = `(SELECT ${spec.columns.map((c) => `NULL::VARCHAR AS ${c}`).join(', ')}, NULL::BIGINT AS rec WHERE false)`;
      await this.createStage(table, relation, {});
      this.origins.set(table, { kind: 'none' });
    }
  }

  /** Runs the cross-row checks and writes everything in one transaction. */
  async commit(): Promise<ImportSummary> {
    const c = this.connection;
    await this.stageMissing();
    if (this.privacy.pseudonymSecret) await this.pseudonymise(this.privacy.pseudonymSecret);
    let began = Date.now();
    for (const table of canonicalTables) await this.markDuplicatesInFile(table);
    for (let pass = 0; pass < 100; pass++) {
      const changed = (await c.run(readSql('ingest/content-parent-check'))).rowsChanged;
      if (changed === 0) break;
    }
    await c.run(readSql('ingest/events-content-check'));
    this.progress('checked', undefined, undefined, began);

    const runRows = await queryRows<{ id: number }>(c, `SELECT nextval('import_run_seq')::INTEGER AS id`);
    const runId = runRows[0].id;
    const p = { source: this.source, run: runId };
    began = Date.now();
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run(`INSERT INTO import_runs (run_id, source, path, status, started_at) VALUES ($run, $source, $path, 'running', now())`, { ...p, path: this.path });
      const peopleUnchanged = (await queryRows<{ count: number }>(c, readSql('ingest/people-unchanged')))[0].count;
      const people = (await c.run(readSql('ingest/people-merge'), p)).rowsChanged;
      if (this.privacy.identities !== false) await c.run(readSql('ingest/identities-merge'));
      const spaces = (await c.run(readSql('ingest/spaces-merge'), p)).rowsChanged;
      const placeholders = (await c.run(readSql('ingest/placeholders-insert'), p)).rowsChanged;
      const content = (await c.run(readSql('ingest/content-insert'), p)).rowsChanged;
      const eventsEmpty = (await queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM events LIMIT 1)'))[0].n === 0;
      const events = (await c.run(readSql(eventsEmpty ? 'ingest/events-insert-first' : 'ingest/events-insert'), p)).rowsChanged;
      const interactions = (await c.run(readSql('ingest/interactions-insert'), p)).rowsChanged;
      const social = (await c.run(readSql('ingest/social-merge'), p)).rowsChanged;
      const programmes = (await c.run(readSql('ingest/programmes-merge'), p)).rowsChanged;
      this.progress('written', undefined, content + events + interactions + people, began);

      const good = await this.goodCounts();
      const written: Record<CanonicalTable, number> = { people, spaces, content, events, interactions, social, programmes };
      let duplicates = 0;
      for (const table of canonicalTables) duplicates += good[table] - written[table];
      duplicates += await this.count(`(SELECT 1 FROM stg_events WHERE is_dup AND problem IS NULL)`);
      duplicates += this.repeatedRecords;
      void peopleUnchanged;

      for (const hook of this.afterWrite) await hook(c, runId);

      const rejects = await this.collectRejects();
      await this.writeRejects(runId, rejects);
      const read = (await this.totalStaged()) + this.preRejects.length + this.malformedCount() + this.repeatedRecords;

      began = Date.now();
      await refreshRollups(c, runId);
      this.progress('rollups refreshed', undefined, undefined, began);

      const byKind = Object.fromEntries(
        (await queryRows<{ k: string; n: number }>(c, `SELECT kind AS k, count(*)::INTEGER AS n FROM content WHERE run_id = $run GROUP BY kind ORDER BY kind`, { run: runId })).map((r) => [r.k, r.n]),
      );
      const byAction = Object.fromEntries(
        (await queryRows<{ k: string; n: number }>(c, `SELECT action AS k, count(*)::INTEGER AS n FROM events WHERE run_id = $run GROUP BY action ORDER BY action`, { run: runId })).map((r) => [r.k, r.n]),
      );
      const summary: ImportSummary = {
        runId,
        source: this.source,
        path: this.path,
        loaded: { people, content, events, interactions },
        other: { spaces, social, programmes },
        byKind,
        byAction,
        placeholders,
        read,
        duplicates,
        rejected: rejects.length,
        rejects: rejects.slice(0, 20).map(({ file, line, column, value, reason }) => ({ file, line, column, value, reason })),
        warnings: this.warnings,
        seconds: this.elapsed(),
      };
      await c.run(
        `UPDATE import_runs SET status = 'ok', finished_at = now(), files_read = $files, rows_read = $read, loaded = $loaded,
           duplicates = $duplicates, rejected = $rejected, placeholders = $placeholders, message = $message WHERE run_id = $run`,
        {
          run: runId,
          files: [...this.origins.values()].filter((o) => o.kind !== 'none').length,
          read,
          loaded: JSON.stringify({ ...summary.loaded, ...summary.other }),
          duplicates,
          rejected: rejects.length,
          placeholders,
          message: this.warnings.slice(0, 20).join('\n') || null,
        },
      );
      await c.run('COMMIT');
      summary.seconds = this.elapsed();
      return summary;
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }

  /**
   * Replaces every person id in the staged rows by its pseudonym. Only the distinct ids go
   * through JavaScript (a few thousand for millions of events); the rows are updated in SQL.
   */
  private async pseudonymise(secret: string): Promise<void> {
    const c = this.connection;
    const columns: Array<[CanonicalTable, string]> = [
      ['people', 'pid'], ['people', 'key_'], ['people', 'manager_'],
      ['content', 'author'], ['events', 'actor'], ['events', 'target'],
      ['interactions', 'src'], ['interactions', 'dst'], ['programmes', 'pid'], ['social', 'account_'],
    ];
    const union = columns.map(([t, col]) => `SELECT ${col} AS id FROM stg_${t} WHERE ${col} IS NOT NULL`).join(' UNION ');
    const ids = await queryRows<{ id: string }>(c, `SELECT DISTINCT id FROM (${union})`);
    await c.run('CREATE OR REPLACE TEMP TABLE pseudonym_map (raw VARCHAR PRIMARY KEY, pseudo VARCHAR NOT NULL)');
    const appender = await c.createAppender('pseudonym_map', 'main', 'temp');
    for (const { id } of ids) {
      appender.appendVarchar(id);
      appender.appendVarchar(computePseudonym(secret, id));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    for (const [table, col] of columns) {
      // social rows name official accounts by free text: only ids known as people are mapped.
      const onlyPeople = table === 'social' ? ` AND m.raw IN (SELECT pid FROM stg_people UNION SELECT person_id FROM people)` : '';
      await c.run(`UPDATE stg_${table} SET ${col} = m.pseudo FROM pseudonym_map m WHERE stg_${table}.${col} = m.raw${onlyPeople}`);
    }
    // Keys of social and programme rows contain the person id: rebuild them.
    await c.run(`UPDATE stg_social SET key_ = concat_ws('|', period_, account_, platform_)`);
    await c.run(`UPDATE stg_programmes SET key_ = concat_ws('|', programme_, pid, joined_)`);
  }

  private malformedCount(): number {
    let n = 0;
    for (const origin of this.origins.values()) if (origin.kind === 'csv') n += origin.malformed.length;
    return n;
  }

  private async totalStaged(): Promise<number> {
    let n = 0;
    for (const table of canonicalTables) n += await this.count(`stg_${table}`);
    return n;
  }

  private async goodCounts(): Promise<Record<CanonicalTable, number>> {
    const out = {} as Record<CanonicalTable, number>;
    for (const table of canonicalTables) out[table] = await this.count(`(SELECT 1 FROM stg_${table} WHERE problem IS NULL AND NOT is_dup)`);
    return out;
  }

  private async markDuplicatesInFile(table: CanonicalTable): Promise<void> {
    const name = tableSpecs[table].keyColumn;
    // Repeated explicit ids: the first row wins, later ones are rejects. Repeated rows whose id
    // is a hash of the row are the same fact twice: skipped as duplicates.
    await this.connection.run(
      `UPDATE stg_${table} SET
         is_dup = stg_${table}.derived_,
         problem = CASE WHEN stg_${table}.derived_ THEN NULL ELSE {'col': $col, 'msg': 'duplicate ' || $col || ' in this file (an earlier row has the same one)'} END
       FROM (SELECT key_, min(rowid) AS first_row FROM stg_${table} WHERE problem IS NULL GROUP BY key_ HAVING count(*) > 1) d
       WHERE stg_${table}.key_ = d.key_ AND stg_${table}.rowid > d.first_row AND stg_${table}.problem IS NULL`,
      { col: name.split(/[ ,]/)[0] },
    );
  }

  private async collectRejects(): Promise<Array<RejectInfo & { raw: string | null }>> {
    const out: Array<RejectInfo & { raw: string | null }> = this.preRejects.map((r) => ({ ...r, raw: (r as { raw?: string }).raw ?? null }));
    for (const table of canonicalTables) {
      const origin = this.origins.get(table)!;
      if (origin.kind === 'none') continue;
      const rows = await queryRows<{ row: number; rec: number | null; file: string | null; col: string; msg: string }>(
        this.connection,
        `SELECT rowid::BIGINT::DOUBLE AS row, rec::DOUBLE AS rec, file_ AS file, problem.col AS col, problem.msg AS msg
         FROM stg_${table} WHERE problem IS NOT NULL ORDER BY rowid`,
      );
      if (origin.kind === 'csv') {
        out.push(...origin.malformed.map((m) => ({ ...m, raw: (m as { raw?: string }).raw ?? null })));
        const records = rows.map((r) => recordNumber(r.row, origin.malformedRecords));
        const located = locateCsvRecords(origin.path, records);
        rows.forEach((r, i) => {
          const where = located.get(records[i]);
          const raw = where?.raw ?? null;
          const position = origin.columns.findIndex((c) => c.trim().toLowerCase() === r.col);
          const value = raw !== null && position >= 0 ? (splitCsvLine(raw, origin.delimiter)[position] ?? null) : null;
          out.push({ file: origin.file, line: where?.line ?? null, column: r.col, value, reason: r.msg, raw });
        });
      } else {
        for (const r of rows) out.push({ file: r.file ?? origin.file, line: r.rec, column: r.col, value: null, reason: r.msg, raw: null });
      }
    }
    return out;
  }

  private async writeRejects(runId: number, rejects: Array<RejectInfo & { raw: string | null }>): Promise<void> {
    if (rejects.length === 0) return;
    const appender = await this.connection.createAppender('import_rejects');
    for (const r of rejects) {
      appender.appendInteger(runId);
      appender.appendVarchar(r.file);
      if (r.line === null) appender.appendNull();
      else appender.appendInteger(r.line);
      for (const text of [r.column, r.value, r.raw]) {
        if (text === null) appender.appendNull();
        else appender.appendVarchar(text.length > 4000 ? `${text.slice(0, 4000)}…` : text);
      }
      appender.appendVarchar(r.reason);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
}

/**
 * The pseudonym of a person id: "ps_" and the first 24 hex digits (96 bits) of
 * HMAC-SHA-256(secret, id). Stable for the same secret; not reversible without it.
 */
export function computePseudonym(secret: string, id: string): string {
  return `ps_${createHmac('sha256', secret).update(id, 'utf8').digest('hex').slice(0, 24)}`;
}

/** Record number (header = 1) of the good row at stage position `row`, skipping malformed records. */
function recordNumber(row: number, malformedRecords: number[]): number {
  let record = row + 2;
  for (;;) {
    let skipped = 0;
    for (const m of malformedRecords) if (m <= record) skipped++;
    const next = row + 2 + skipped;
    if (next === record) return record;
    record = next;
  }
}

/**
 * Rebuilds the rollups for the local days a run touched, and content_stats for the items it
 * touched (`null`: everything, after pruning).
 */
export async function refreshRollups(connection: DuckDBConnection, runId: number | null): Promise<void> {
  const range = await queryRows<{ from: string | null; to: string | null }>(
    connection,
    `SELECT strftime(min(day), '%Y-%m-%d') AS "from", strftime(max(day), '%Y-%m-%d') AS "to" FROM (
       SELECT day FROM content WHERE $run IS NULL OR run_id = $run
       UNION ALL SELECT day FROM events WHERE $run IS NULL OR run_id = $run)`,
    { run: runId },
  );
  const { from, to } = range[0];
  const days = from && to ? { from, to } : null;
  await refreshContentStats(connection, runId);
  await refreshSpaceActivity(connection, days, runId === null);
  if (!days) return;
  await connection.run('DELETE FROM activity_daily WHERE day BETWEEN $from::DATE AND $to::DATE', { from, to });
  await connection.run(readSql('activity-daily-refresh'), { from, to } as never);
}

/** Records an import that could not be used at all (nothing else is written). */
export async function recordFailedRun(db: Database, source: string, path: string, message: string): Promise<void> {
  await withConnection(db, async (c) => {
    await c.run(
      `INSERT INTO import_runs (run_id, source, path, status, started_at, finished_at, message)
       VALUES (nextval('import_run_seq'), $source, $path, 'failed', now(), now(), $message)`,
      { source, path, message },
    );
  });
}
