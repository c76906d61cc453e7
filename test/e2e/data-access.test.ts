// Browser test of uploading an export on the data page and of access in the dashboard, against
// the real server: (a) local single-user mode, an empty database, a zip of fixtures/small
// uploaded through the file input, then a zip without people.csv; (b) tokens mode with a users
// file: sign-in page, a wrong token, an exec without person-level navigation, and an admin who
// finds their visit of a person page in the audit log. Skips (loudly) without Chromium.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfNeeded, hasChromium, launchChromium, outputDir, root, startServer, warnIfNoChromium, type RunningServer } from './server';

warnIfNoChromium();

const fixture = join(root, 'fixtures', 'small');

/** A zip of the CSV files of fixtures/small, optionally without some of them. */
function fixtureZip(without: string[] = []): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(fixture)) if (name.endsWith('.csv') && !without.includes(name)) files[name] = readFileSync(join(fixture, name));
  return Buffer.from(zipSync(files));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A fresh German page at 1280×800 that records script errors and console errors, except the
 * browser's own log line for an answer status the test provokes on purpose (`expected`).
 */
async function openPage(browser: Browser, url: string, expected: RegExp): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) errors.push(m.text());
  });
  await page.goto(url);
  return { page, context, errors };
}

describe.skipIf(!hasChromium)('data page upload and access in Chromium', () => {
  let tempDir = '';
  let browser: Browser | undefined;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    buildWebIfNeeded();
    tempDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-data-'));
    browser = await launchChromium();
    mkdirSync(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('local mode: uploads fixtures/small into an empty database, lists the run, and names the missing people.csv', async () => {
    const server = await startServer(join(tempDir, 'empty.duckdb'));
    servers.push(server);
    // The upload without people.csv answers 400 on purpose.
    const { page, context, errors } = await openPage(browser!, `${server.base}/data`, /status of 400 \(Bad Request\)/);

    // Local single-user mode says so, and the empty database says how to fill it.
    await page.getByTestId('upload-input').waitFor({ state: 'attached' });
    expect(await page.getByTestId('access-mode').getAttribute('data-mode')).toBe('local');
    expect(await page.getByTestId('access-mode').innerText()).toContain('Lokaler Einzelplatzmodus');
    expect(await page.getByTestId('count-people').getAttribute('data-value')).toBe('0');
    await page.getByTestId('empty-database').waitFor();

    await page.getByTestId('upload-input').setInputFiles({ name: 'small.zip', mimeType: 'application/zip', buffer: fixtureZip() });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 30_000 });
    const loaded = async (table: string) => Number(await page.getByTestId(`loaded-${table}`).getAttribute('data-value'));
    expect(await loaded('people')).toBe(7);
    expect(await loaded('content')).toBe(7);
    expect(await loaded('events')).toBe(11);
    expect(await loaded('interactions')).toBe(2);
    expect(await summary.innerText()).toContain('Import abgeschlossen');
    expect(Number(await page.getByTestId('summary-rejected').getAttribute('data-value'))).toBe(0);
    expect(Number(await page.getByTestId('summary-duplicates').getAttribute('data-value'))).toBe(0);

    // The cached answers were dropped: the table counts and the history show the new run.
    await expect.poll(() => page.getByTestId('count-people').getAttribute('data-value')).toBe('7');
    const history = page.getByTestId('import-history');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    const firstRun = await history.locator('tbody tr').first().innerText();
    expect(firstRun).toContain('small.zip');
    expect(firstRun).toContain('erfolgreich');
    await page.screenshot({ path: join(outputDir, 'data-upload.png'), fullPage: true });

    // A zip without people.csv: the server's message names the missing file.
    await page.getByTestId('upload-input').setInputFiles({ name: 'no-people.zip', mimeType: 'application/zip', buffer: fixtureZip(['people.csv']) });
    const error = page.getByTestId('upload-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-code')).toBe('unusable_input');
    expect(await page.getByTestId('upload-error-message').innerText()).toContain('people.csv');
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    // The failed run is in the history too, newest first.
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').first().innerText()).toContain('fehlgeschlagen');
    await page.screenshot({ path: join(outputDir, 'data-upload-error.png'), fullPage: false });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('tokens mode: sign-in page, wrong token, exec without person-level pages, admin reads the audit log', async () => {
    const db = join(tempDir, 'tokens.duckdb');
    execFileSync(process.execPath, ['analytics/cli.mjs', 'import', 'fixtures/small', '--db', db], { cwd: root, stdio: 'pipe' });
    const usersFile = join(tempDir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify([
        { name: 'Ada', role: 'admin', tokenSha256: sha256('admin-secret-token') },
        { name: 'Erik', role: 'exec', tokenSha256: sha256('exec-secret-token') },
      ]),
    );
    const server = await startServer(db, { env: { CHORUS_USERS_FILE: usersFile } });
    servers.push(server);
    // 401 answers bring up the sign-in page (and the wrong token gets one).
    const { page, context, errors } = await openPage(browser!, `${server.base}/`, /status of 401 \(Unauthorized\)/);

    // Without a cookie every request answers 401: the sign-in page replaces the dashboard.
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('nav-overview').count()).toBe(0);
    await page.getByTestId('sign-in-token').fill('not-a-token');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').innerText()).toBe('Das Token ist nicht gültig.');
    await page.screenshot({ path: join(outputDir, 'sign-in.png'), fullPage: false });

    // An executive: aggregates only, so no person-level entries and no audit log.
    await page.getByTestId('sign-in-token').fill('exec-secret-token');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-overview').waitFor();
    await page.getByTestId('kpi-activeUsers').waitFor();
    expect(await page.getByTestId('session-user').innerText()).toBe('Erik');
    expect(await page.getByTestId('session-role').getAttribute('data-role')).toBe('exec');
    expect(await page.getByTestId('access-mode').getAttribute('data-mode')).toBe('tokens');
    for (const hidden of ['influencers', 'network', 'pilot', 'audit', 'content']) expect(await page.getByTestId(`nav-${hidden}`).count()).toBe(0);
    expect(await page.getByTestId('nav-adoption').count()).toBe(1);
    // A direct link to a person-level page explains the refusal instead of failing.
    await page.goto(`${server.base}/influencers`);
    await page.getByTestId('access-note').waitFor();
    expect(await page.getByTestId('access-note').getAttribute('data-reason')).toBe('role');
    await page.screenshot({ path: join(outputDir, 'signed-in-exec.png'), fullPage: false });

    // Signing out deletes the cookie and reloads into the sign-in page.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();

    // An administrator visits a person, then finds that visit in the audit log.
    await page.getByTestId('sign-in-token').fill('admin-secret-token');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-audit').waitFor();
    expect(await page.getByTestId('nav-influencers').count()).toBe(1);
    await page.goto(`${server.base}/people/p1`);
    await page.getByTestId('person-page').waitFor();
    await page.getByTestId('nav-audit').click();
    const log = page.getByTestId('audit-log');
    await log.locator('tbody tr').first().waitFor();
    const entries = await log.locator('tbody tr').allInnerTexts();
    const visit = entries.find((text) => text.includes('/api/people/p1'));
    expect(visit, entries.join('\n')).toBeDefined();
    expect(visit).toContain('Ada');
    expect(visit).toContain('Personenbezogene Ansicht');
    expect(await page.getByTestId('audit-csv').getAttribute('href')).toContain('format=csv');
    await page.screenshot({ path: join(outputDir, 'audit-log.png'), fullPage: false });

    expect(errors).toEqual([]);
    await context.close();
  });
});
