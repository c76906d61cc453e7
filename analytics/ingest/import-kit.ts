// Shared plumbing of the platform importers that build rows in JavaScript (Viva Engage,
// Microsoft 365, edge lists, HR rosters, generic CSV): open the export, run the work on one
// connection with one ImportSession, record a failed run for unusable input, map person ids
// to pseudonyms, keep stored attributes a source does not know, and look up stored ids.
//
// Pseudonymisation: these importers map person ids themselves (computePseudonym, the same
// keyed hash ImportSession uses) and hand the session ids that are final. That lets them mix
// ids read from the database (already pseudonyms, e.g. an HR roster matched by e-mail) with
// ids from the file without hashing a pseudonym twice.
import { basename, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, withConnection, type Database } from '../db';
import { ImportInputError, openExport } from './archive';
import type { CanonicalRow } from './canonical-format';
import type { ImportOptions } from './canonical';
import { ImportSession, computePseudonym, recordFailedRun, type ImportSummary, type RejectInfo } from './load';
import { normaliseName, type CsvRecord } from './tabular';

export interface StagedRow {
  file: string;
  line: number | null;
  values: CanonicalRow;
}

export interface ImportContext {
  session: ImportSession;
  connection: DuckDBConnection;
  /** Absolute paths of the export's files. */
  files: string[];
  root: string;
  /** The id a person gets in the database: the raw id, or its pseudonym when configured. */
  personId: (raw: string) => string;
  /** A file's name relative to the export root, for messages and rejects. */
  label: (file: string) => string;
}

/**
 * Opens `path` (folder, zip or single file), runs `work` with a fresh ImportSession and
 * commits it. Unusable input (ImportInputError) is recorded as a failed run and re-thrown;
 * nothing else is written then.
 */
export async function runImport(
  db: Database,
  source: string,
  path: string,
  options: ImportOptions,
  work: (context: ImportContext) => Promise<void>,
): Promise<ImportSummary> {
  let cleanup = () => {};
  try {
    const opened = openExport(path);
    cleanup = opened.cleanup;
    const secret = options.privacy?.pseudonymSecret;
    const cache = new Map<string, string>();
    const personId = (raw: string) => {
      if (!secret) return raw;
      let id = cache.get(raw);
      if (id === undefined) {
        id = computePseudonym(secret, raw);
        cache.set(raw, id);
      }
      return id;
    };
    return await withConnection(db, async (connection) => {
      // The session never pseudonymises again: ids handed to it are final (see the header).
      const session = new ImportSession(db, connection, source, options.displayPath ?? path, options.onProgress, { identities: options.privacy?.identities });
      const label = (file: string) => relative(opened.root, file) || basename(file);
      await work({ session, connection, files: opened.files, root: opened.root, personId, label });
      return await session.commit();
    });
  } catch (error) {
    if (error instanceof ImportInputError) await recordFailedRun(db, source, options.displayPath ?? path, error.message);
    throw error;
  } finally {
    cleanup();
  }
}

/** A reject with the raw record text, for ImportSession.rejectEarly. */
export function rejectRow(session: ImportSession, record: { line: number; raw: string }, file: string, column: string | null, value: string | null, reason: string): void {
  session.rejectEarly({ file, line: record.line, column, value, reason, raw: record.raw } as RejectInfo & { raw: string });
}

/**
 * Checks a CSV record's shape against the header: a quote never closed or a wrong number of
 * fields is a reject ("malformed row"). Returns true for a record to use, false otherwise;
 * a blank record (one empty field) is skipped without a reject.
 */
export function usableRecord(session: ImportSession, record: CsvRecord, headerLength: number, file: string): boolean {
  if (record.fields.length === 1 && record.fields[0].trim() === '' && headerLength > 1) return false;
  if (record.error) {
    rejectRow(session, record, file, null, null, `malformed row: ${record.error}`);
    return false;
  }
  if (record.fields.length !== headerLength) {
    rejectRow(session, record, file, null, null, `malformed row: ${record.fields.length} fields where the header has ${headerLength}`);
    return false;
  }
  return true;
}

/**
 * Finds columns by name: `wanted` maps a key to accepted header names (compared lower-case,
 * umlauts spelled out, punctuation ignored). Returns key → column index for those found.
 */
export function findColumns<K extends string>(header: string[], wanted: Record<K, readonly string[]>): Partial<Record<K, number>> {
  const normalised = header.map(normaliseName);
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(wanted) as K[]) {
    for (const alias of wanted[key]) {
      const index = normalised.indexOf(normaliseName(alias));
      if (index >= 0) {
        out[key] = index;
        break;
      }
    }
  }
  return out;
}

/** Throws ImportInputError naming the file and the first required column not found. */
export function requireColumns<K extends string>(found: Partial<Record<K, number>>, required: readonly K[], file: string, header: string[], names?: Partial<Record<K, string>>): void {
  for (const key of required) {
    if (found[key] === undefined) {
      const name = names?.[key] ?? key;
      throw new ImportInputError(`${file}: required column "${name}" is missing (found: ${header.join(', ') || 'nothing'})`, file, name);
    }
  }
}

/** The trimmed field at `index`, or null when the column is absent or the cell empty. */
export function cell(record: CsvRecord, index: number | undefined): string | null {
  if (index === undefined) return null;
  const value = record.fields[index];
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export const keptColumns = ['department', 'location', 'job_title', 'manager_id', 'employed_from', 'employed_to', 'registered_at', 'account_type'] as const;

/**
 * Keeps what the database already knows about people a source describes only in part: every
 * attribute a staged people row leaves empty is filled from the stored person, so importing a
 * platform export after an HR roster does not blank department, manager or employment dates
 * (the people merge replaces whole rows). Rows must carry final (pseudonymised) ids. `only`
 * limits the filling to some columns (an HR roster's own columns win even when empty).
 */
export async function fillStoredAttributes(connection: DuckDBConnection, rows: StagedRow[], only: readonly string[] = keptColumns): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.values.person_id).filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const stored = await storedPeople(connection, ids);
  for (const row of rows) {
    const known = stored.get(row.values.person_id ?? '');
    if (!known) continue;
    for (const column of keptColumns) {
      if (!only.includes(column)) continue;
      const value = row.values[column];
      if ((value === undefined || value === null || value.trim() === '') && known[column] !== null) row.values[column] = known[column];
    }
  }
}

type StoredPerson = Record<(typeof keptColumns)[number], string | null> & { id: string; placeholder: boolean };

/** Stored people by id (attributes as canonical text), for the given ids. */
export async function storedPeople(connection: DuckDBConnection, ids: string[]): Promise<Map<string, StoredPerson>> {
  const table = await idTable(connection, ids);
  const rows = await queryRows<StoredPerson>(
    connection,
    `SELECT p.person_id AS id, p.department, p.location, p.job_title, p.manager_id,
       strftime(p.employed_from, '%Y-%m-%d') AS employed_from, strftime(p.employed_to, '%Y-%m-%d') AS employed_to,
       strftime(timezone('UTC', p.registered_at), '%Y-%m-%dT%H:%M:%S.%fZ') AS registered_at, p.account_type, p.is_placeholder AS placeholder
     FROM people p JOIN ${table} t ON t.id = p.person_id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which of `ids` are stored as content_id in the content table. */
export async function storedContentIds(connection: DuckDBConnection, ids: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Set();
  const table = await idTable(connection, list);
  const rows = await queryRows<{ id: string }>(connection, `SELECT DISTINCT c.content_id AS id FROM content c JOIN ${table} t ON t.id = c.content_id`);
  return new Set(rows.map((r) => r.id));
}

let idTables = 0;

/** Loads ids into a new temporary one-column table (through the appender) and returns its name. */
export async function idTable(connection: DuckDBConnection, ids: Iterable<string>): Promise<string> {
  const name = `kit_ids_${++idTables}`;
  await connection.run(`CREATE TEMP TABLE ${name} (id VARCHAR)`);
  const appender = await connection.createAppender(name, 'main', 'temp');
  for (const id of ids) {
    appender.appendVarchar(id);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return name;
}

/** A warning that lists files an importer does not read (so none is skipped unnoticed). */
export function ignoredFilesWarning(labels: string[], source: string): string | null {
  if (labels.length === 0) return null;
  const shown = labels.slice(0, 12).join(', ') + (labels.length > 12 ? ` and ${labels.length - 12} more` : '');
  return `${labels.length} file${labels.length === 1 ? '' : 's'} not read by the ${source} importer: ${shown}`;
}

/** "lines 3, 7 and 9" (at most `max` listed). */
export function describeLines(lines: number[], max = 8): string {
  const shown = lines.slice(0, max);
  const more = lines.length > max ? ` and ${lines.length - max} more` : '';
  if (shown.length === 1) return `line ${shown[0]}`;
  return `lines ${shown.slice(0, -1).join(', ')}${more ? `, ${shown[shown.length - 1]}${more}` : ` and ${shown[shown.length - 1]}`}`;
}
