// The only reader of process.env: every setting, parsed and checked once.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const schema = z.object({
  CHORUS_DB: z.string().min(1).default('data/chorus.duckdb'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  CHORUS_TZ: z.string().min(1).default('Europe/Berlin'),
  CHORUS_MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).default(5),
  CHORUS_LOG_REQUESTS: z.enum(['0', '1']).default('0'),
  CHORUS_PSEUDONYM_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  CHORUS_PSEUDONYM_SECRET_FILE: z.string().min(1).optional(),
  CHORUS_IDENTITIES: z.enum(['on', 'off']).default('on'),
  CHORUS_USERS_FILE: z.string().min(1).optional(),
  CHORUS_WORKS_COUNCIL: z.enum(['0', '1']).default('0'),
  CHORUS_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  CHORUS_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i, 'use for example 2GB or 1500MB').default('1.5GB'),
  CHORUS_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(100_000).default(512),
});

export interface Config {
  dbPath: string;
  port: number;
  host: string;
  timeZone: string;
  minGroupSize: number;
  logRequests: boolean;
  /** Secret for pseudonymising person ids at import; never stored in the database. */
  pseudonymSecret?: string;
  /** Whether names and e-mails are stored (identities table). */
  identities: boolean;
  /** JSON file with users, roles and SHA-256 hashes of their tokens; absent: local single-user mode. */
  usersFile?: string;
  /** Works-council mode: every person-level view is off. */
  worksCouncil: boolean;
  /** Requests per minute per token (or per client address in local mode). */
  rateLimit: number;
  /** DuckDB's memory limit; above it DuckDB spills to disk. */
  memoryLimit: string;
  /** Largest accepted upload in MB. */
  uploadLimitMb: number;
}

/** Reads the configuration from an environment (process.env by default); throws a readable error. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let pseudonymSecret = e.CHORUS_PSEUDONYM_SECRET;
  if (!pseudonymSecret && e.CHORUS_PSEUDONYM_SECRET_FILE) {
    try {
      pseudonymSecret = readFileSync(e.CHORUS_PSEUDONYM_SECRET_FILE, 'utf8').trim();
    } catch {
      throw new Error(`Invalid configuration: CHORUS_PSEUDONYM_SECRET_FILE: cannot read ${e.CHORUS_PSEUDONYM_SECRET_FILE}`);
    }
    if (pseudonymSecret.length < 16) throw new Error('Invalid configuration: the pseudonym secret file must hold at least 16 characters');
  }
  return {
    dbPath: e.CHORUS_DB,
    port: e.PORT,
    host: e.HOST,
    timeZone: e.CHORUS_TZ,
    minGroupSize: e.CHORUS_MIN_GROUP_SIZE,
    logRequests: e.CHORUS_LOG_REQUESTS === '1',
    pseudonymSecret,
    identities: e.CHORUS_IDENTITIES === 'on',
    usersFile: e.CHORUS_USERS_FILE,
    worksCouncil: e.CHORUS_WORKS_COUNCIL === '1',
    rateLimit: e.CHORUS_RATE_LIMIT,
    uploadLimitMb: e.CHORUS_UPLOAD_LIMIT_MB,
    memoryLimit: e.CHORUS_MEMORY_LIMIT,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
