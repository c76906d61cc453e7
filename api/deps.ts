import type { Database } from '../analytics/db';
import type { Config } from './config';

/** What the API needs from outside: the open database and the configuration. */
export interface AppDeps {
  db: Database;
  config: Config;
}
