// Browser test of the influencer ranking, the person page and the network map against the real
// server on the demo organisation (2,000 people, 12 months, metrics computed by `chorus demo`).
// Skips (loudly) when Chromium is not installed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, outputDir, startDashboard, warnIfNoChromium, type Dashboard } from './server';

warnIfNoChromium();

interface RankedPerson {
  personId: string;
  displayName: string | null;
  rank: number;
  roles: string[];
}

describe.skipIf(!hasChromium)('influencers, person and network pages in Chromium (demo organisation)', () => {
  let dashboard: Dashboard | undefined;
  let base = '';

  beforeAll(async () => {
    dashboard = await startDashboard('influencers', ['demo']);
    base = dashboard.base;
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const open = (path: string) => openPage(dashboard!.browser, base, path);

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(base + path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it('lists the same first five people in the same order as the API and explains a place on demand', async () => {
    const top = await api<{ items: RankedPerson[] }>('/api/influencers?limit=5');
    expect(top.items).toHaveLength(5);
    const { page, errors } = await open('/influencers');
    await page.getByTestId('influencer-name').first().waitFor();

    const names = (await page.getByTestId('influencer-name').allInnerTexts()).slice(0, 5);
    expect(names).toEqual(top.items.map((p) => p.displayName ?? p.personId));
    expect(await page.getByTestId('influencer-row').count()).toBe(50); // the first page
    expect(await page.getByTestId('influencers-csv').getAttribute('href')).toContain('format=csv');

    await page.getByTestId('expand-row').first().click();
    await page.getByTestId('explanation').waitFor();
    expect((await page.getByTestId('explanation').locator('li').count()) > 0).toBe(true);

    await page.screenshot({ path: join(outputDir, 'influencers.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows only brokers when the broker role is chosen', async () => {
    const brokers = await api<{ items: RankedPerson[]; total: number }>('/api/influencers?role=broker&limit=5000');
    expect(brokers.total).toBeGreaterThan(0);
    const { page, errors } = await open('/influencers');
    await page.getByTestId('influencer-name').first().waitFor();

    await page.getByTestId('role-broker').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('role')).toBe('broker');
    const rows = page.getByTestId('influencer-row');
    await expect.poll(() => rows.count()).toBe(Math.min(50, brokers.total));
    for (let i = 0; i < (await rows.count()); i++) {
      expect(await rows.nth(i).locator('[data-role="broker"]').count()).toBe(1);
    }
    expect(await page.getByTestId('influencers-csv').getAttribute('href')).toContain('role=broker');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the first person’s page with the same rank', async () => {
    const { page, errors } = await open('/influencers');
    const first = page.getByTestId('influencer-row').first();
    await first.waitFor();
    const rank = Number(await first.getAttribute('data-rank'));
    const name = await first.getByTestId('influencer-name').innerText();

    await first.getByTestId('influencer-name').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/people\//);
    await page.getByTestId('kpi-rank').waitFor();
    expect(Number(await page.getByTestId('kpi-rank').getAttribute('data-value'))).toBe(rank);
    expect(await page.locator('h1').innerText()).toBe(name);
    await page.locator('[data-testid="rank-chart"] .recharts-line').first().waitFor();
    await page.getByTestId('ties-in').locator('tbody tr').first().waitFor();

    await page.screenshot({ path: join(outputDir, 'person.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the network with sigma and the department matrix like the API', async () => {
    const matrix = await api<{ departments: string[] }>('/api/network/matrix');
    const { page, errors } = await open('/network');
    await page.locator('[data-testid="network-map"] canvas').first().waitFor();
    expect(await page.locator('[data-testid="network-map"] canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('department-matrix').waitFor();
    expect(await page.getByTestId('department-matrix').locator('tbody tr').count()).toBe(matrix.departments.length);

    // The layout runs about two seconds in a worker; shoot the settled map.
    await page.locator('.network-status').waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({ path: join(outputDir, 'network.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
