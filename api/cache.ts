// Answers of read endpoints change only when data changes, and every change goes through this
// process (an import, the metrics job, a custom period): a small LRU cache of GET answers,
// keyed by role and URL and emptied whenever the data version moves. An answer computed while
// the version moved is not kept. Person-level reads still pass the access middleware first,
// so each one is audited. Identical requests that arrive while the first is still being computed
// wait for its answer instead of computing it again (a dashboard opened by several people at once
// after an import asks the same questions at the same moment).
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

const answer = (entry: Entry, how: 'hit' | 'shared') => new Response(entry.body.slice(0), { status: entry.status, headers: [...entry.headers, ['x-chorus-cache', how]] });

/** The caching middleware; `maxEntries` answers at most. */
export function responseCache(version: DataVersion, maxEntries = 500): MiddlewareHandler<{ Variables: { user: { role: string } } }> {
  const entries = new Map<string, Entry>();
  // Answers being computed, by key: later identical requests await them. Resolves to null when
  // the answer is not cacheable (not 200, or the data changed meanwhile): then they compute.
  const inFlight = new Map<string, { version: number; done: Promise<Entry | null> }>();
  return async (c, next) => {
    if (c.req.method !== 'GET' || uncached.test(c.req.path)) return next();
    const key = `${c.get('user')?.role ?? '-'} ${c.req.url}`;
    const hit = entries.get(key);
    if (hit && hit.version === version.current) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      return answer(hit, 'hit');
    }
    const running = inFlight.get(key);
    if (running && running.version === version.current) {
      const shared = await running.done;
      if (shared) return answer(shared, 'shared');
    }
    const started = version.current;
    let settle: (entry: Entry | null) => void = () => {};
    const mine = { version: started, done: new Promise<Entry | null>((resolve) => (settle = resolve)) };
    inFlight.set(key, mine);
    let entry: Entry | null = null;
    try {
      await next();
      if (c.res.status === 200 && version.current === started) {
        entry = { version: started, status: c.res.status, headers: [...c.res.headers.entries()], body: await c.res.clone().arrayBuffer() };
        entries.delete(key);
        entries.set(key, entry);
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
    } finally {
      settle(entry);
      if (inFlight.get(key) === mine) inFlight.delete(key);
    }
  };
}
