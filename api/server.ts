// Node entry of the API: opens the database, serves dashboard and API on one port, and closes
// the database cleanly on SIGINT/SIGTERM so the file lock is released.
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { closeDatabase, type Database } from '../analytics/db';
import { auditWriterOf } from './access';
import { createApp } from './app';
import type { Config } from './config';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
  /** Writes what is still buffered (the audit log). */
  flush: () => Promise<void>;
}

/** Starts the HTTP server on an open database; resolves once it listens. */
export function startServer(db: Database, config: Config): Promise<RunningServer> {
  const deps = { db, config };
  const app = createApp(deps, { staticRoot: webDist });
  return new Promise((resolveStart, rejectStart) => {
    let server: ServerType;
    const onListenError = (error: Error & { code?: string }) => {
      rejectStart(error.code === 'EADDRINUSE' ? new Error(`Port ${config.port} is already in use; set PORT or pass --port.`) : error);
    };
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      server.off('error', onListenError);
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      resolveStart({
        url: `http://${host}:${info.port}/`,
        flush: () => auditWriterOf(deps).flush(),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', onListenError);
  });
}

/** Closes server and database when the process is asked to stop. */
export function closeOnSignals(server: RunningServer, db: Database): void {
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.error(`\n[chorus] ${signal}: closing the server and the database`);
    await server.close();
    await server.flush();
    closeDatabase(db);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
