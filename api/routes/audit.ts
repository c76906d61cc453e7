import { Hono } from 'hono';
import { z } from 'zod';
import { queryRows, withConnection } from '../../analytics/db';
import { csvResponse } from '../csv';
import { auditWriterOf } from '../access';
import type { AppDeps } from '../deps';
import { formatParam, queryOf } from '../validation';

const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(10_000).optional(), format: formatParam.optional() });

interface AuditRow {
  auditId: number;
  loggedAt: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  filters: string | null;
}

/** GET /api/audit (admin): person-level views and CSV exports, newest first. */
export function auditRoutes(deps: AppDeps) {
  return new Hono().get('/', queryOf(auditQuery), async (c) => {
    const q = c.req.valid('query');
    await auditWriterOf(deps).flush();
    const items = await withConnection(deps.db, (conn) =>
      queryRows<AuditRow>(
        conn,
        `SELECT audit_id AS "auditId", strftime(timezone('UTC', logged_at), '%Y-%m-%dT%H:%M:%SZ') AS "loggedAt", actor, role, action, target, filters
         FROM audit_log ORDER BY audit_id DESC LIMIT $limit`,
        { limit: q.limit ?? 500 },
      ),
    );
    if (q.format === 'csv') return csvResponse('audit-log', items as unknown as Record<string, unknown>[]);
    return c.json({ items });
  });
}
