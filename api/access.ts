// Access control in one middleware: who is asking (users and roles from a configuration file
// with SHA-256 hashes of their tokens, or the local single-user mode without one), what the
// path needs, works-council mode, a rate limit per token, and the audit log of person-level
// views and CSV exports.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { withConnection } from '../analytics/db';
import type { AppDeps } from './deps';
import { ApiError } from './errors';

export const roles = ['exec', 'analyst', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What a path needs. */
export type Area = 'open' | 'aggregate' | 'content' | 'person' | 'admin';

const allowed: Record<Area, readonly Role[]> = {
  open: roles,
  aggregate: roles,
  content: ['analyst', 'admin'],
  person: ['lead', 'admin'],
  admin: ['admin'],
};

/** Which roles may use an area (for the UI and the docs). */
export function rolesFor(area: Area): readonly Role[] {
  return allowed[area];
}

/** The area of an API path; unknown paths count as aggregate (and then 404). */
export function areaOf(path: string): Area {
  if (path === '/api/health' || path === '/api/session') return 'open';
  if (path.startsWith('/api/network/matrix') || path === '/api/influencers/periods') return 'aggregate';
  // Programmes are aggregates, except the per-member table (whatever the name holds, even a decoded '/').
  if (/^\/api\/programmes(\/|$)/.test(path) && !/^\/api\/programmes\/.+\/members\/?$/.test(path)) return 'aggregate';
  if (/^\/api\/(influencers|people|network|pilot|pilot-group|pilot-groups|tandems|programmes)(\/|$)/.test(path)) return 'person';
  if (/^\/api\/(content|engagement|posts)(\/|$)/.test(path)) return 'content';
  if (/^\/api\/(audit|imports|optouts|settings)(\/|$)/.test(path)) return 'admin';
  return 'aggregate';
}

export interface User {
  name: string;
  role: Role;
}

const usersSchema = z.array(
  z.object({
    name: z.string().min(1).max(200),
    role: z.enum(roles),
    tokenSha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be the SHA-256 of the token as 64 hex digits'),
  }),
);

export interface AccessConfig {
  mode: 'local' | 'tokens';
  users: Array<{ name: string; role: Role; hash: Buffer }>;
}

/** Reads the users file; throws a message naming the file and the problem. */
export function loadAccess(usersFile: string | undefined): AccessConfig {
  if (!usersFile) return { mode: 'local', users: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(usersFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the users file ${usersFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = usersSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The users file ${usersFile} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { mode: 'tokens', users: parsed.data.map((u) => ({ name: u.name, role: u.role, hash: Buffer.from(u.tokenSha256.toLowerCase(), 'hex') })) };
}

/** SHA-256 of a token as hex, the form the users file stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The user a token belongs to, or null. */
export function findUserByToken(access: AccessConfig, token: string): User | null {
  return findUser(access, token);
}

function findUser(access: AccessConfig, token: string): User | null {
  const hash = createHash('sha256').update(token, 'utf8').digest();
  for (const u of access.users) if (timingSafeEqual(u.hash, hash)) return { name: u.name, role: u.role };
  return null;
}

function tokenOf(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || null;
  return getCookie(c, 'chorus_token') ?? null;
}

/** Per-key counter over a sliding one-minute window. */
class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}
  allow(key: string, now = Date.now()): boolean {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (list.length >= this.perMinute) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t >= 60_000)) this.hits.delete(k);
    return true;
  }
}

export type AccessVariables = { user: User };

/** The access middleware for /api/*. */
export function accessControl(deps: AppDeps): MiddlewareHandler<{ Variables: AccessVariables }> {
  const access = loadAccess(deps.config.usersFile);
  const limiter = new RateLimiter(deps.config.rateLimit);
  return async (c, next) => {
    const area = areaOf(c.req.path);
    let user: User;
    if (access.mode === 'local') user = { name: 'local', role: 'admin' };
    else {
      const token = tokenOf(c);
      const found = token ? findUser(access, token) : null;
      if (!found) {
        if (area === 'open') user = { name: 'anonymous', role: 'exec' };
        else throw new ApiError(401, 'unauthorized', token ? 'The token is not valid.' : 'Sign in: send "Authorization: Bearer <token>".');
      } else user = found;
    }
    const key = access.mode === 'local' ? `addr:${c.req.header('x-forwarded-for') ?? 'local'}` : `user:${user.name}`;
    if (!limiter.allow(key)) throw new ApiError(429, 'rate_limited', `More than ${deps.config.rateLimit} requests in a minute; wait a moment.`);
    if (!allowed[area].includes(user.role)) {
      throw new ApiError(403, 'forbidden', `The role "${user.role}" may not use ${c.req.path} (allowed: ${allowed[area].join(', ')}).`);
    }
    if (area === 'person' && deps.config.worksCouncil) {
      throw new ApiError(403, 'works_council', 'Person-level views are switched off (works-council mode).');
    }
    c.set('user', user);
    await next();
    const csv = c.req.query('format') === 'csv';
    if ((area === 'person' || csv) && c.res.status < 400) {
      await writeAudit(deps, user, area === 'person' ? (csv ? 'export csv (person-level)' : 'view person-level') : 'export csv', c);
    }
  };
}

interface AuditEntry {
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
  filters: string;
}

/**
 * Collects audit entries and writes them in batches (every 500 ms, or when read), so that a
 * person view does not wait for a write transaction. Entries not yet written are written
 * before the audit log is read and when the server stops.
 */
export class AuditWriter {
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AppDeps) {}

  add(entry: AuditEntry): void {
    this.pending.push(entry);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.flush().catch((error: unknown) => {
          // The database may be closed already (shutdown); say so instead of crashing.
          console.error(`[chorus] audit entries could not be written: ${error instanceof Error ? error.message : String(error)}`);
        });
      }, 500);
      this.timer.unref();
    }
  }

  /** Writes every pending entry; resolves when they are stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      if (batch.length === 0) return;
      await withConnection(this.deps.db, async (conn) => {
        for (const e of batch) {
          await conn.run(`INSERT INTO audit_log VALUES (nextval('audit_seq'), $at::TIMESTAMPTZ, $actor, $role, $action, $target, $filters)`, { ...e });
        }
      });
    });
    return this.writing;
  }
}

const writers = new WeakMap<AppDeps['db'], AuditWriter>();

/** The audit writer of a database (one per open database). */
export function auditWriterOf(deps: AppDeps): AuditWriter {
  let writer = writers.get(deps.db);
  if (!writer) {
    writer = new AuditWriter(deps);
    writers.set(deps.db, writer);
  }
  return writer;
}

async function writeAudit(deps: AppDeps, user: User, action: string, c: Context): Promise<void> {
  auditWriterOf(deps).add({ at: new Date().toISOString(), actor: user.name, role: user.role, action, target: c.req.path, filters: JSON.stringify(c.req.queries()) });
}

/** What the UI shows about access: the mode and the signed-in user. */
export function describeAccess(deps: AppDeps, user: User | undefined) {
  return {
    mode: deps.config.usersFile ? ('tokens' as const) : ('local' as const),
    user: user?.name ?? null,
    role: user?.role ?? null,
    worksCouncil: deps.config.worksCouncil,
  };
}
