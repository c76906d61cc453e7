import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, sharedData, smallFixture } from '../helpers';

let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  app = createApp({ db, config: loadConfig({}, { dbPath: ':memory:', uploadLimitMb: 1 }) });
});
afterAll(() => closeDatabase(db));

const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
const post = (body: Uint8Array<ArrayBuffer>, type = 'application/zip') => app.request('/api/imports', { method: 'POST', body, headers: { 'content-type': type, 'x-file-name': 'export.zip' } });

describe('POST /api/imports', () => {
  it('imports an uploaded zip and answers 201 with the summary', async () => {
    const files = Object.fromEntries(readdirSync(smallFixture).map((f) => [f, readFileSync(join(smallFixture, f), 'utf8')]));
    const res = await post(zipOf(files));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ source: 'canonical', loaded: { people: 7, content: 7, events: 11, interactions: 2 }, rejected: 0, path: 'export.zip' });
    const history = await (await app.request('/api/imports')).json();
    expect(history.items[0]).toMatchObject({ runId: body.runId, status: 'ok' });
  });

  it('answers 400 naming the missing file for an unusable export, and stores nothing', async () => {
    const res = await post(zipOf({ 'content.csv': 'content_id,author_id,created_at,kind\n' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'unusable_input', message: expect.stringMatching(/people\.csv/) });
  });

  it('answers 415 for a body that is not a zip, and 413 above the upload limit', async () => {
    expect((await post(strToU8('a,b'), 'text/csv')).status).toBe(415);
    expect((await post(new Uint8Array(2 * 1024 * 1024))).status).toBe(413);
  });

  it('records an upload under its file name also when a platform importer reads it', async () => {
    const file = join(sharedData, 'mattermost-bulk-export', 'export.jsonl');
    const res = await post(zipSync({ 'export.jsonl': new Uint8Array(readFileSync(file)) }));
    expect(res.status).toBe(201);
    const { runId, source } = await res.json();
    expect(source).toBe('mattermost');
    const history = await (await app.request('/api/imports')).json();
    expect(history.items.find((r: { runId: number }) => r.runId === runId).path).toBe('export.zip');
  });

  it('lists the rejected rows of a run as CSV', async () => {
    const res = await post(zipOf({ 'people.csv': 'person_id\nu1\n', 'content.csv': 'content_id,author_id,created_at,kind\nc1,u1,gestern,post\n' }));
    expect(res.status).toBe(201);
    const { runId } = await res.json();
    const csv = await (await app.request(`/api/imports/${runId}/rejects?format=csv`)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('content.csv,2,created_at,gestern,unparsable timestamp (expected ISO 8601),"c1,u1,gestern,post"');
  });
});
