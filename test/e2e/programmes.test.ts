// Browser test of the programmes page against the real server on fixtures/programme (figures in
// fixtures/programme/README.md), with a minimum group size of 3 so the three evaluated members
// are shown; and in tokens mode as an executive, who sees the aggregates but not the members.
// Skips (loudly) when Chromium is not installed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../api/access';
import { buildWebIfNeeded, hasChromium, launchChromium, openPage, outputDir, root, startServer, warnIfNoChromium, type RunningServer } from './server';

warnIfNoChromium();

describe.skipIf(!hasChromium)('programmes page in Chromium (fixtures/programme)', () => {
  let tempDir = '';
  let server: RunningServer | undefined;
  let execServer: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    buildWebIfNeeded();
    tempDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-programmes-'));
    const db = join(tempDir, 'programme.duckdb');
    execFileSync(process.execPath, ['analytics/cli.mjs', 'import', join(root, 'fixtures', 'programme'), '--db', db, '--quiet'], { cwd: root, stdio: 'pipe', timeout: 120_000 });
    // A second server needs its own file (a database file is locked by the process that opens it).
    const execDb = join(tempDir, 'programme-exec.duckdb');
    copyFileSync(db, execDb);
    if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${execDb}.wal`);
    server = await startServer(db, { env: { CHORUS_MIN_GROUP_SIZE: '3' } });
    const users = join(tempDir, 'users.json');
    writeFileSync(users, JSON.stringify([{ name: 'Vorstand', role: 'exec', tokenSha256: hashToken('token-exec-0123456789') }]));
    execServer = await startServer(execDb, { env: { CHORUS_MIN_GROUP_SIZE: '3', CHORUS_USERS_FILE: users } });
    browser = await launchChromium();
    mkdirSync(outputDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await execServer?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  const open = (base: string, path: string, options: { token?: string } = {}) => openPage(browser!, base, path, { height: 900, ...options });

  it('shows the hand-computed effect, the crossing week and the members with their comparison people', async () => {
    const { page, errors } = await open(server!.base, '/programmes?window=30');
    await page.getByTestId('members-table').locator('tbody tr').first().waitFor();

    expect(await page.getByTestId('programme-picker').inputValue()).toBe('Botschafter Test');
    // Difference-in-differences over the three pairs: reach 5/3, engagement 7/3, posting 5/3.
    expect(Number(await page.getByTestId('did-reach').getAttribute('data-value'))).toBeCloseTo(5 / 3, 12);
    expect(Number(await page.getByTestId('did-engagement').getAttribute('data-value'))).toBeCloseTo(7 / 3, 12);
    expect(await page.getByTestId('did-reach').innerText()).toBe('+1,7');
    // With three members needed per week the members overtake the corporate accounts in W12.
    expect(await page.getByTestId('crossing').getAttribute('data-week')).toBe('2026-W12');
    expect(await page.getByTestId('crossing').innerText()).toContain('KW 12/2026');
    const members = await page.getByTestId('members-table').locator('tbody tr').allInnerTexts();
    expect(members.map((r) => r.split('\t')[0])).toEqual(['Milan Zwei', 'Mara Eins', 'Mia Drei', 'Moritz Vier']);
    expect(members[1]).toContain('Cem Zwei'); // m1's comparison person, c1 being taken by m2
    expect(await page.getByTestId('nav-programmes').count()).toBe(1);

    await page.screenshot({ path: join(outputDir, 'programmes.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps programme and window in the URL and offers every table as a CSV download', async () => {
    const { page, errors } = await open(server!.base, '/programmes');
    await page.getByTestId('programme-impact').waitFor();
    await page.getByTestId('window-picker').selectOption('60');
    await expect.poll(() => new URL(page.url()).searchParams.get('window')).toBe('60');
    // The tables refill for the new window one after another: wait until all five are back.
    await expect.poll(() => page.locator('a[download]').count(), { timeout: 30_000 }).toBe(5); // list, impact, external, voice, members
    const hrefs = await page.locator('a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      expect(href).toContain('format=csv');
      const res = await fetch(server!.base + href);
      expect(res.headers.get('content-type'), href).toContain('text/csv');
    }
    expect(hrefs.find((h) => h.includes('/impact'))).toContain('window=60');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('speaks English', async () => {
    const { page, errors } = await open(server!.base, '/programmes?lang=en&window=30');
    await page.getByTestId('crossing').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Ambassador programmes');
    expect(await page.getByTestId('crossing').innerText()).toContain('Week 12, 2026');
    await page.screenshot({ path: join(outputDir, 'programmes-en.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an executive the aggregates but not the members one by one', async () => {
    const { page, errors } = await open(execServer!.base, '/programmes?window=30', { token: 'token-exec-0123456789' });
    await page.getByTestId('programme-voice').waitFor();
    await page.getByTestId('did-reach').waitFor();
    expect(await page.getByTestId('members-table').count()).toBe(0);
    expect(await page.getByText('nur für die Rollen Projektleitung und Administration').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
