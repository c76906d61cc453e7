import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, smallFixture } from '../helpers';

// GET /api/reports/*: one test per status code on fixtures/small, whose figures are worked out by
// hand in fixtures/README.md (September 2026: 5 of 5 employed people active, August 3 of 4).
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
});
afterAll(() => closeDatabase(db));

const app = () => createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }), cache: false });

describe('GET /api/reports/monthly/:month', () => {
  it('answers 200 with the figures, the narrative in the requested language and the footnote', async () => {
    const res = await app().request('/api/reports/monthly/2026-09?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.month).toBe('2026-09');
    expect(body.period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(body.adoption.current.headcount).toBe(5);
    expect(body.adoption.current.activeUsers).toBe(5);
    expect(body.adoption.current.adoptionRate).toBe(1);
    expect(body.adoption.previous.adoptionRate).toBe(0.75);
    expect(body.adoption.change.adoptionRate.absolute).toBeCloseTo(0.25, 10);
    // The data begins in August 2026: no year-ago comparison.
    expect(body.yearAgoPeriod).toBeNull();
    expect(body.adoption.yearAgo).toBeNull();
    expect(body.narrative[0]).toBe('Adoption rose by 25.0 percentage points to 100% in September.');
    expect(body.footnote.dataPeriod).toEqual({ from: '2026-08-03', to: '2026-10-01' });
    expect(body.footnote.sources).toEqual(['canonical']);
    expect(body.pages).toBe(3);
  });

  it('answers 200 with the standalone document for format=html, and as a download with download=1', async () => {
    const res = await app().request('/api/reports/monthly/2026-09?format=html&download=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="chorus-report-2026-09-de.html"');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Die Nutzung stieg im September um 25,0 Prozentpunkte auf 100\u00a0%.');
  });

  it('answers 400 naming the format for a malformed month', async () => {
    for (const month of ['2026-13', 'oktober', '2026-9']) {
      const res = await app().request(`/api/reports/monthly/${month}`);
      expect(res.status, month).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(/YYYY-MM/);
    }
  });

  it('answers 400 for an unknown language', async () => {
    const res = await app().request('/api/reports/monthly/2026-09?lang=fr');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/lang/);
  });

  it('answers 404 for a month outside the data period, naming the period', async () => {
    for (const month of ['2026-07', '2026-11']) {
      const res = await app().request(`/api/reports/monthly/${month}`);
      expect(res.status, month).toBe(404);
      const body = await res.json();
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain('2026-08-03 to 2026-10-01');
    }
  });
});

describe('GET /api/reports/months', () => {
  it('lists the months of the data and takes the last complete one as the latest', async () => {
    const res = await app().request('/api/reports/months');
    expect(res.status).toBe(200);
    // The data ends on 1 October: October is not complete, September is the latest complete month.
    expect(await res.json()).toEqual({ dataPeriod: { from: '2026-08-03', to: '2026-10-01' }, months: ['2026-08', '2026-09', '2026-10'], latest: '2026-09' });
  });
});
