// The only reader of process.env: every setting, parsed and checked once.
import { z } from 'zod';

const schema = z.object({
  CHORUS_DB: z.string().min(1).default('data/chorus.duckdb'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  CHORUS_TZ: z.string().min(1).default('Europe/Berlin'),
  CHORUS_MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).default(5),
  CHORUS_LOG_REQUESTS: z.enum(['0', '1']).default('0'),
});

export interface Config {
  dbPath: string;
  port: number;
  host: string;
  timeZone: string;
  minGroupSize: number;
  logRequests: boolean;
}

/** Reads the configuration from an environment (process.env by default); throws a readable error. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    dbPath: e.CHORUS_DB,
    port: e.PORT,
    host: e.HOST,
    timeZone: e.CHORUS_TZ,
    minGroupSize: e.CHORUS_MIN_GROUP_SIZE,
    logRequests: e.CHORUS_LOG_REQUESTS === '1',
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
