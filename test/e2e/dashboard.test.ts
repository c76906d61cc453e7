// Browser test of the dashboard against the real server: imports fixtures/small into a fresh
// database, serves it, and drives Debian's Chromium with playwright-core. Skips (loudly) when
// Chromium is not installed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfNeeded, hasChromium, launchChromium, outputDir, root, startServer, warnIfNoChromium, type RunningServer } from './server';

warnIfNoChromium();

interface AdoptionItem {
  period: string;
  headcount: number;
  activeUsers: number;
  adoptionRate: number | null;
}

describe.skipIf(!hasChromium)('dashboard in Chromium (fixtures/small)', () => {
  let tempDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let base = '';

  beforeAll(async () => {
    buildWebIfNeeded();
    tempDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-'));
    const db = join(tempDir, 'e2e.duckdb');
    execFileSync(process.execPath, ['analytics/cli.mjs', 'import', 'fixtures/small', '--db', db], { cwd: root, stdio: 'pipe' });
    server = await startServer(db);
    base = server.base;
    browser = await launchChromium();
    mkdirSync(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  /** A fresh page at 1280×800 that records script errors and console errors (CSP violations included). */
  async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(base + path);
    return { page, errors };
  }

  const dataValue = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

  it('shows the latest month of the API as KPI cards and switches between German and English', async () => {
    const answer = (await (await fetch(`${base}/api/adoption?grain=month`)).json()) as { items: AdoptionItem[] };
    const last = answer.items[answer.items.length - 1];
    // fixtures/README.md: October 2026 has headcount 4, 1 active person, adoption 25 %.
    expect(last).toMatchObject({ period: '2026-10', headcount: 4, activeUsers: 1, adoptionRate: 0.25 });

    const { page, errors } = await openPage('/');
    await page.getByTestId('kpi-activeUsers').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();

    expect(await dataValue(page, 'kpi-activeUsers')).toBe(last.activeUsers);
    expect(await dataValue(page, 'kpi-adoptionRate')).toBe(last.adoptionRate);
    expect(await dataValue(page, 'kpi-headcount')).toBe(last.headcount);

    // German by default: German labels and decimal comma.
    await expect.poll(() => page.getByTestId('nav-overview').innerText()).toContain('Überblick');
    expect(await page.getByTestId('kpi-adoptionRate').innerText()).toMatch(/^25,0\s%$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // September had 5 active people, October 1: the change is shown as −4.
    expect(await page.getByTestId('kpi-change-activeUsers').innerText()).toContain('−4');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('nav-overview').innerText()).toContain('Overview');
    expect(await page.getByTestId('kpi-adoptionRate').innerText()).toBe('25.0%');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

    await page.getByTestId('lang-de').click();
    await expect.poll(() => page.getByTestId('nav-overview').innerText()).toContain('Überblick');
    expect(await page.getByTestId('kpi-adoptionRate').innerText()).toMatch(/^25,0\s%$/);

    await page.screenshot({ path: join(outputDir, 'dashboard-overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the language after a reload from localStorage', async () => {
    const { page } = await openPage('/?lang=en');
    await page.getByTestId('kpi-activeUsers').waitFor();
    await page.getByTestId('lang-en').click(); // stores the choice
    await page.goto(`${base}/adoption`);
    await expect.poll(() => page.getByTestId('nav-overview').innerText()).toContain('Overview');
    await page.context().close();
  });

  it('lists the adoption figures per week and per day like the API', async () => {
    const weeks = (await (await fetch(`${base}/api/adoption?grain=week`)).json()) as { items: AdoptionItem[] };
    const { page, errors } = await openPage('/adoption');
    await page.locator('table.data-table tbody tr').first().waitFor();
    expect(await page.locator('table.data-table tbody tr').count()).toBe(weeks.items.length);
    expect(await page.getByTestId('csv-link').getAttribute('href')).toContain('grain=week');

    await page.getByTestId('grain-day').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('grain')).toBe('day');
    await expect.poll(() => page.getByTestId('csv-link').getAttribute('href')).toContain('grain=day');
    await page.screenshot({ path: join(outputDir, 'dashboard-adoption.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a privacy note instead of figures for a department below the minimum group size', async () => {
    // In fixtures/small every department has fewer than 5 people.
    const { page } = await openPage('/?department=IT');
    await page.getByTestId('privacy-note').waitFor();
    expect(await page.getByTestId('kpi-activeUsers').count()).toBe(0);
    await page.context().close();
  });

  it('shows the table counts and the last import on the data page', async () => {
    const { page, errors } = await openPage('/data');
    await page.getByTestId('table-counts').waitFor();
    expect(await page.getByTestId('count-people').getAttribute('data-value')).toBe('7');
    expect(await page.getByTestId('count-events').getAttribute('data-value')).toBe('11');
    expect(await page.getByTestId('last-import').innerText()).toContain('fixtures/small');
    await page.screenshot({ path: join(outputDir, 'dashboard-data.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
