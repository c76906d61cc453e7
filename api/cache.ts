// Answers of read endpoints change only when data changes, and every change goes through this
// process (an import, the metrics job, a custom period): a small LRU cache of GET answers,
// keyed by role and URL and emptied whenever the data version moves. An answer computed while
// the version moved is not kept. Person-level reads still pass the access middleware first,
// so each one is audited.
import type { MiddlewareHandler } from 'hono';

export class DataVersion {
  private value = 0;
  get current(): number {
    return this.value;
  }
  /** Marks the data as changed: every cached answer is dropped. */
  bump(): void {
    this.value++;
  }
}

interface Entry {
  version: number;
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

// Saved pilot groups change without new data.
const uncached = /^\/api\/(audit|imports|influencers\/periods|pilot-groups)(\/|$)/;

/** The caching middleware; `maxEntries` answers at most. */
export function responseCache(version: DataVersion, maxEntries = 500): MiddlewareHandler<{ Variables: { user: { role: string } } }> {
  const entries = new Map<string, Entry>();
  return async (c, next) => {
    if (c.req.method !== 'GET' || uncached.test(c.req.path)) return next();
    const key = `${c.get('user')?.role ?? '-'} ${c.req.url}`;
    const hit = entries.get(key);
    if (hit && hit.version === version.current) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      return new Response(hit.body.slice(0), { status: hit.status, headers: [...hit.headers, ['x-chorus-cache', 'hit']] });
    }
    const started = version.current;
    await next();
    if (c.res.status !== 200 || version.current !== started) return;
    const body = await c.res.clone().arrayBuffer();
    entries.delete(key);
    entries.set(key, { version: started, status: c.res.status, headers: [...c.res.headers.entries()], body });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };
}
