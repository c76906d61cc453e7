import type { Database } from '../analytics/db';
import type { DataVersion } from './cache';
import type { Config } from './config';

/** What the API needs from outside: the open database and the configuration. */
export interface AppDeps {
  db: Database;
  config: Config;
  /** Bumped whenever this process changes data; created by createApp when absent. */
  dataVersion?: DataVersion;
  /** false: no response cache (benchmarks measure the queries themselves). Default true. */
  cache?: boolean;
}
