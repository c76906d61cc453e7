// Browser test of the dashboard against the real server: imports fixtures/small into a fresh
// database, serves it, and drives Debian's Chromium with playwright-core. Skips (loudly) when
// Chromium is not installed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, outputDir, startDashboard, warnIfNoChromium, type Dashboard } from './server';

warnIfNoChromium();

interface AdoptionItem {
  period: string;
  headcount: number;
  activeUsers: number;
  adoptionRate: number | null;
}

describe.skipIf(!hasChromium)('dashboard in Chromium (fixtures/small)', () => {
  let dashboard: Dashboard | undefined;
  let base = '';

  beforeAll(async () => {
    dashboard = await startDashboard('small', ['import', 'fixtures/small']);
    base = dashboard.base;
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const open = (path: string) => openPage(dashboard!.browser, base, path);

  const dataValue = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

  it('shows the latest month of the API as KPI cards and switches between German and English', async () => {
    const answer = (await (await fetch(`${base}/api/adoption?grain=month`)).json()) as { items: AdoptionItem[] };
    const last = answer.items[answer.items.length - 1];
    // fixtures/README.md: October 2026 has headcount 4, 1 active person, adoption 25 %.
    expect(last).toMatchObject({ period: '2026-10', headcount: 4, activeUsers: 1, adoptionRate: 0.25 });

    const { page, errors } = await open('/');
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
    const { page } = await open('/?lang=en');
    await page.getByTestId('kpi-activeUsers').waitFor();
    await page.getByTestId('lang-en').click(); // stores the choice
    await page.goto(`${base}/adoption`);
    await expect.poll(() => page.getByTestId('nav-overview').innerText()).toContain('Overview');
    await page.context().close();
  });

  it('lists the adoption figures per week and per day like the API', async () => {
    const weeks = (await (await fetch(`${base}/api/adoption?grain=week`)).json()) as { items: AdoptionItem[] };
    const { page, errors } = await open('/adoption');
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
    const { page } = await open('/?department=IT');
    await page.getByTestId('privacy-note').waitFor();
    expect(await page.getByTestId('kpi-activeUsers').count()).toBe(0);
    await page.context().close();
  });

  it('shows the table counts and the last import on the data page', async () => {
    const { page, errors } = await open('/data');
    await page.getByTestId('table-counts').waitFor();
    expect(await page.getByTestId('count-people').getAttribute('data-value')).toBe('7');
    expect(await page.getByTestId('count-events').getAttribute('data-value')).toBe('11');
    expect(await page.getByTestId('last-import').innerText()).toContain('fixtures/small');
    await page.screenshot({ path: join(outputDir, 'dashboard-data.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
