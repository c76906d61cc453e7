import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { ImportInputError } from '../../analytics/ingest/archive';
import { loadAny } from '../../analytics/ingest/detect';
import { runGraphInWorker } from '../../analytics/jobs/period-cache';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { getImportRejects, getImportRuns } from '../../analytics/queries/meta';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { formatParam, queryOf } from '../validation';

const rejectsQuery = z.object({ format: formatParam.optional(), limit: z.coerce.number().int().min(1).max(100_000).optional() });

/**
 * POST /api/imports (admin): the body is a canonical export as a .zip; it is imported in one
 * transaction and the metrics job runs afterwards. One import at a time (409 otherwise).
 * GET /api/imports: the import history; GET /api/imports/:runId/rejects: its rejected rows.
 */
export function importRoutes(deps: AppDeps) {
  let running: string | null = null;
  return new Hono()
    .get('/', async (c) => c.json({ items: await withConnection(deps.db, (conn) => getImportRuns(conn, 100)), running }))
    .get('/:runId/rejects', queryOf(rejectsQuery), async (c) => {
      const runId = Number(c.req.param('runId'));
      if (!Number.isInteger(runId) || runId < 1) throw new ApiError(400, 'bad_request', 'runId must be a positive whole number');
      const q = c.req.valid('query');
      const rows = await withConnection(deps.db, (conn) => getImportRejects(conn, runId, q.limit ?? 10_000));
      if (q.format === 'csv') return csvResponse(`import-${runId}-rejects`, rows as unknown as Record<string, unknown>[], ['file', 'line', 'column', 'value', 'reason', 'raw']);
      return c.json({ items: rows });
    })
    .post('/', async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/application\/(zip|x-zip-compressed|octet-stream)/.test(type)) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the export as a .zip with Content-Type: application/zip.');
      }
      if (running) throw new ApiError(409, 'import_running', `An import is running (${running}); try again when it has finished.`);
      const name = (c.req.header('x-file-name') ?? 'upload.zip').replace(/[^\w.-]/g, '_').slice(0, 100);
      running = name;
      const dir = mkdtempSync(join(tmpdir(), 'chorus-upload-'));
      try {
        const body = new Uint8Array(await c.req.arrayBuffer());
        if (body.length === 0) throw new ApiError(400, 'bad_request', 'The upload is empty.');
        const file = join(dir, name.endsWith('.zip') ? name : `${name}.zip`);
        writeFileSync(file, body);
        let summary;
        try {
          summary = (await loadAny(deps.db, file, { displayPath: name, privacy: { pseudonymSecret: deps.config.pseudonymSecret, identities: deps.config.identities } })).summary;
        } catch (error) {
          if (error instanceof ImportInputError) throw new ApiError(400, 'unusable_input', error.message.split(`${dir}/`).join(''), { file: error.file ? error.file.split(`${dir}/`).join('') : null, column: error.column ?? null });
          throw error;
        }
        deps.dataVersion?.bump();
        const changed = Object.values(summary.loaded).some((n) => n > 0) || Object.values(summary.other).some((n) => n > 0) || summary.placeholders > 0;
        // Nothing new (the same export again): the stored metrics are still right.
        const metrics = changed ? await runMetricsJob(deps.db, { runGraph: runGraphInWorker }) : [];
        deps.dataVersion?.bump();
        return c.json({ ...summary, path: name, metrics: { periods: metrics.length, recomputed: changed } }, 201);
      } finally {
        running = null;
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
