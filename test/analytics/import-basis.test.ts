// What the monthly report's footnote names as its data basis: the newest successful import and
// the sources of all successful ones; a failed run after them changes neither.
import { describe, expect, it } from 'vitest';
import { closeDatabase, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { recordFailedRun } from '../../analytics/ingest/load';
import { getImportBasis } from '../../analytics/queries/meta';
import { freshDb, smallFixture } from '../helpers';

describe('import basis', () => {
  it('is empty before any import', async () => {
    const db = await freshDb();
    const basis = await withConnection(db, getImportBasis);
    closeDatabase(db);
    expect(basis).toEqual({ lastImport: null, sources: [] });
  });

  it('names the newest successful import and skips a failed one after it', async () => {
    const db = await freshDb();
    await loadCanonical(db, smallFixture);
    await recordFailedRun(db, 'slack', '/tmp/broken.zip', 'not a Slack export');
    const basis = await withConnection(db, getImportBasis);
    closeDatabase(db);
    expect(basis.sources).toEqual(['canonical']);
    expect(basis.lastImport?.source).toBe('canonical');
    expect(basis.lastImport?.finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});
