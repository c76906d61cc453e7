// The response cache of read endpoints (api/cache.ts) on a tiny app whose handler counts how
// often it really ran: hits, roles kept apart, invalidation by the data version, no caching of
// errors, and identical concurrent requests computed once.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DataVersion, responseCache } from '../../api/cache';

function counterApp(options: { delayMs?: number; status?: number } = {}) {
  const version = new DataVersion();
  let runs = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const app = new Hono<{ Variables: { user: { role: string } } }>()
    .use('*', async (c, next) => {
      c.set('user', { role: c.req.header('x-role') ?? 'analyst' });
      await next();
    })
    .use('*', responseCache(version))
    .get('/api/figures', async (c) => {
      runs++;
      if (options.delayMs !== undefined) await gate;
      return c.json({ run: runs }, (options.status ?? 200) as 200);
    })
    .post('/api/figures', (c) => {
      runs++;
      return c.json({ run: runs });
    });
  return { app, version, runs: () => runs, release };
}

const body = async (r: Response) => (await r.json()) as { run: number };

describe('response cache', () => {
  it('answers a repeated GET from the cache, marked as a hit', async () => {
    const { app, runs } = counterApp();
    const first = await app.request('/api/figures?month=2026-10');
    const second = await app.request('/api/figures?month=2026-10');
    expect(await body(first)).toEqual({ run: 1 });
    expect(await body(second)).toEqual({ run: 1 });
    expect(second.headers.get('x-chorus-cache')).toBe('hit');
    expect(runs()).toBe(1);
  });

  it('keeps different URLs and different roles apart', async () => {
    const { app, runs } = counterApp();
    await app.request('/api/figures?month=2026-10');
    await app.request('/api/figures?month=2026-09');
    await app.request('/api/figures?month=2026-10', { headers: { 'x-role': 'exec' } });
    expect(runs()).toBe(3);
  });

  it('drops every answer when the data version moves', async () => {
    const { app, version, runs } = counterApp();
    await app.request('/api/figures');
    version.bump();
    const after = await app.request('/api/figures');
    expect(await body(after)).toEqual({ run: 2 });
    expect(runs()).toBe(2);
  });

  it('never caches an answer that is not 200, nor a POST', async () => {
    const failing = counterApp({ status: 500 });
    await failing.app.request('/api/figures');
    await failing.app.request('/api/figures');
    expect(failing.runs()).toBe(2);
    const posting = counterApp();
    await posting.app.request('/api/figures', { method: 'POST' });
    await posting.app.request('/api/figures', { method: 'POST' });
    expect(posting.runs()).toBe(2);
  });

  it('computes identical concurrent requests once and shares the answer', async () => {
    const { app, runs, release } = counterApp({ delayMs: 0 });
    const pending = Array.from({ length: 8 }, () => app.request('/api/figures?month=2026-10'));
    await new Promise((r) => setTimeout(r, 20));
    release();
    const answers = await Promise.all(pending);
    expect(runs()).toBe(1);
    expect(await Promise.all(answers.map(body))).toEqual(Array.from({ length: 8 }, () => ({ run: 1 })));
    expect(answers.filter((a) => a.headers.get('x-chorus-cache') === 'shared')).toHaveLength(7);
  });

  it('does not share or keep an answer computed while the data changed', async () => {
    const { app, version, runs, release } = counterApp({ delayMs: 0 });
    const first = app.request('/api/figures');
    await new Promise((r) => setTimeout(r, 10));
    version.bump();
    const second = app.request('/api/figures');
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([first, second]);
    expect(runs()).toBe(2);
    const third = await app.request('/api/figures');
    expect(third.headers.get('x-chorus-cache')).toBe('hit');
    expect(await body(third)).toEqual({ run: 2 });
  });
});
