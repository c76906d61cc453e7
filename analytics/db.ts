// The embedded database: one DuckDB instance per process, one connection per request or job.
// Opening runs the versioned migrations, so an older database file upgrades in place.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Database {
  instance: DuckDBInstance;
  path: string;
  timeZone: string;
}

export interface OpenOptions {
  timeZone?: string;
  readOnly?: boolean;
  /** DuckDB's memory limit, e.g. "1.5GB"; above it DuckDB spills to disk (default: DuckDB's own, 80 % of RAM). */
  memoryLimit?: string;
  /** Apply migrations only up to this version (tests of upgrades); default all. */
  migrateTo?: number;
}

/** Raised when another process holds the database file; the message says what to do. */
export class DatabaseLockedError extends Error {
  constructor(path: string, detail: string) {
    const holder = /held in (.+?) \(PID (\d+)\)/.exec(detail);
    const who = holder ? `process ${holder[2]} (${holder[1]})` : 'another process';
    super(
      `The database ${path} is in use by ${who}. Stop that process (for example the running ` +
        `"chorus serve" or "npm start"), or pass --db with another file.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

const migrationsDir = fileURLToPath(new URL('./sql/migrations/', import.meta.url));

/**
 * Opens (and creates when missing) the database at `path` (":memory:" for a throwaway one),
 * sets the time zone and applies pending migrations. Throws DatabaseLockedError when another
 * process holds the file.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin.`);
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(memory ? ':memory:' : resolve(path), options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Could not set lock|Conflicting lock/i.test(message)) throw new DatabaseLockedError(path, message);
    throw error;
  }
  const db: Database = { instance, path, timeZone };
  const connection = await instance.connect();
  try {
    await connection.run(`SET GLOBAL TimeZone = '${timeZone}'`);
    if (options.memoryLimit) {
      if (!/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(options.memoryLimit)) throw new Error(`Invalid memory limit "${options.memoryLimit}"; use for example 2GB or 1500MB.`);
      await connection.run(`SET GLOBAL memory_limit = '${options.memoryLimit}'`);
    }
    if (!options.readOnly) await migrate(connection, options.migrateTo ?? Number.POSITIVE_INFINITY);
  } finally {
    connection.closeSync();
  }
  return db;
}

/** Runs `work` on a fresh connection and closes it afterwards, also when `work` throws. */
export async function withConnection<T>(db: Database, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await db.instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** Closes the instance; the file lock is released. */
export function closeDatabase(db: Database): void {
  db.instance.closeSync();
}

/** Runs a statement and returns its rows as plain objects (column aliases are the keys). */
export async function queryRows<T>(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, unknown>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as T[];
}

/** Reads a .sql file of analytics/sql by name (without extension). */
export function readSql(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./sql/${name}.sql`, import.meta.url)), 'utf8');
}

/**
 * Reads a .sql file and fills `{{slot}}` placeholders on its code lines with SQL the caller
 * built from allow-listed pieces (never from request text); comment lines stay as they are.
 */
export function readSqlWith(name: string, slots: Record<string, string>): string {
  return readSql(name)
    .split('\n')
    .map((line) => (line.trimStart().startsWith('--') ? line : line.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => slots[key] ?? whole)))
    .join('\n');
}

/** The schema version a database file is at (0 for a new one). */
export async function getSchemaVersion(connection: DuckDBConnection): Promise<number> {
  await connection.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ DEFAULT now())');
  const rows = await queryRows<{ version: number | null }>(connection, 'SELECT max(version)::INTEGER AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** The highest migration version shipped (the schema version of a current database). */
export function getLatestSchemaVersion(): number {
  return Math.max(...readdirSync(migrationsDir).filter((f) => /^\d{3}-.+\.sql$/.test(f)).map((f) => Number(f.slice(0, 3))));
}

async function migrate(connection: DuckDBConnection, upTo: number): Promise<void> {
  const current = await getSchemaVersion(connection);
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current || version > upTo) continue;
    const sql = readFileSync(resolve(migrationsDir, file), 'utf8');
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(sql);
      await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($version, $name)', { version, name: file });
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw new Error(`Migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}
