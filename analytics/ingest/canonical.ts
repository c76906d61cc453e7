// Importer of Chorus's own canonical export: a folder or .zip of CSV (or JSON Lines) files,
// one per table (people.csv, content.csv, events.csv, interactions.csv, spaces.csv,
// social.csv, programmes.csv). Only people plus one activity file are required.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { withConnection, type Database } from '../db';
import { ImportInputError, openExport } from './archive';
import { canonicalTables, tableSpecs, type CanonicalRow, type CanonicalTable } from './canonical-format';
import { ImportSession, recordFailedRun, type ImportSummary, type PrivacyOptions, type ProgressListener } from './load';
import { readCsvHeader } from './text-files';

export interface ImportOptions {
  onProgress?: ProgressListener;
  privacy?: PrivacyOptions;
  /** The name to record and show instead of `path` (e.g. an uploaded file's name). */
  displayPath?: string;
}

/**
 * Imports a canonical export into the database in one transaction and returns what it read,
 * loaded, skipped as duplicate and rejected. Throws ImportInputError (nothing written but a
 * failed-run record) when the input cannot be used: missing path, no people file, no activity
 * file, a required column missing.
 */
export async function loadCanonical(db: Database, realPath: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const path = options.displayPath ?? realPath;
  let opened;
  try {
    opened = openExport(realPath);
  } catch (error) {
    if (error instanceof ImportInputError) {
      const message = error.message.split(realPath).join(path);
      await recordFailedRun(db, 'canonical', path, message);
      throw new ImportInputError(message, error.file === realPath ? path : error.file, error.column);
    }
    throw error;
  }
  try {
    const found = findTableFiles(opened.files, opened.root);
    if (!found.people) {
      throw new ImportInputError(`${path}: no people file (people.csv or people.jsonl) found; it is required`, 'people.csv');
    }
    if (!found.content && !found.events && !found.interactions) {
      throw new ImportInputError(`${path}: no activity file found; one of content.csv, events.csv or interactions.csv is required`, 'content.csv');
    }
    return await withConnection(db, async (connection) => {
      const session = new ImportSession(db, connection, 'canonical', path, options.onProgress, options.privacy);
      for (const table of canonicalTables) {
        const file = found[table];
        if (!file) continue;
        const label = relative(opened.root, file) || basename(file);
        if (/\.(jsonl|ndjson|json)$/i.test(file)) await session.stageRows(table, readJsonLines(session, table, file, label));
        else {
          let header;
          try {
            header = readCsvHeader(file);
          } catch (error) {
            throw new ImportInputError(`${label}: ${error instanceof Error ? error.message : String(error)}`, label);
          }
          await session.stageCsv(table, label, file, header);
        }
      }
      for (const extra of found.ignored) session.warnings.push(`${relative(opened.root, extra)}: not a canonical table file, ignored`);
      return await session.commit();
    });
  } catch (error) {
    if (error instanceof ImportInputError) await recordFailedRun(db, 'canonical', path, error.message);
    throw error;
  } finally {
    opened.cleanup();
  }
}

type FoundFiles = Partial<Record<CanonicalTable, string>> & { ignored: string[] };

function findTableFiles(files: string[], root: string): FoundFiles {
  const found: FoundFiles = { ignored: [] };
  for (const file of files) {
    const match = /^([a-z_]+)\.(csv|jsonl|ndjson|json)$/i.exec(basename(file));
    const table = match?.[1].toLowerCase() as CanonicalTable | undefined;
    if (!table || !(canonicalTables as readonly string[]).includes(table)) {
      if (!/readme|\.md$|\.txt$/i.test(basename(file))) found.ignored.push(file);
      continue;
    }
    if (found[table]) {
      throw new ImportInputError(
        `two files for table ${table}: ${relative(root, found[table]!)} and ${relative(root, file)}; keep one`,
        relative(root, file),
      );
    }
    found[table] = file;
  }
  return found;
}

function* readJsonLines(session: ImportSession, table: CanonicalTable, path: string, label: string): Generator<{ file: string; line: number; values: CanonicalRow }> {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const columns = tableSpecs[table].columns;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      session.rejectEarly({ file: label, line: i + 1, column: null, value: null, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, raw } as never);
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      session.rejectEarly({ file: label, line: i + 1, column: null, value: null, reason: 'a JSON Lines row must be an object', raw } as never);
      continue;
    }
    const object = parsed as Record<string, unknown>;
    const values: CanonicalRow = {};
    for (const column of columns) {
      const v = object[column];
      values[column] = v === undefined || v === null ? null : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    yield { file: label, line: i + 1, values };
  }
}
