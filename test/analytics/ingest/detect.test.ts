import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../analytics/db';
import { openExport } from '../../../analytics/ingest/archive';
import { detectSource, loadAny } from '../../../analytics/ingest/detect';
import { cleanExports, freshDb, projectRoot, sharedData, smallFixture, writeExport } from '../../helpers';

afterAll(cleanExports);

const detected = (path: string) => {
  const opened = openExport(path);
  try {
    return detectSource(opened.files);
  } finally {
    opened.cleanup();
  }
};

describe('source detection', () => {
  it.each([
    [smallFixture, 'canonical'],
    [join(sharedData, 'slack-houstondatavis'), 'slack'],
    [join(sharedData, 'mattermost-bulk-export'), 'mattermost'],
    [join(sharedData, 'stackexchange-conlang'), 'stackexchange'],
    [join(sharedData, 'email-eu-core'), 'edgelist'],
    [join(projectRoot, 'fixtures', 'viva-engage'), 'viva-engage'],
    [join(projectRoot, 'fixtures', 'm365'), 'm365'],
    [join(projectRoot, 'fixtures', 'generic'), 'generic-csv'],
  ])('recognises %s as %s', (path, source) => {
    expect(detected(path)).toBe(source);
  });

  it('names the files and the --source choices when nothing matches', async () => {
    const db = await freshDb();
    const dir = writeExport({ 'notes.json': '{"hello": 1}' });
    await expect(loadAny(db, dir)).rejects.toThrow(/not recognised \(files: notes\.json\)\. Pass --source/);
    closeDatabase(db);
  });

  it('imports with the detected importer and reports the source', async () => {
    const db = await freshDb();
    const { summary, source, detected: auto } = await loadAny(db, join(sharedData, 'mattermost-bulk-export'));
    closeDatabase(db);
    expect({ source, auto, summarySource: summary.source }).toEqual({ source: 'mattermost', auto: true, summarySource: 'mattermost' });
  });
});
