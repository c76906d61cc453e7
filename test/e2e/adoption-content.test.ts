// Browser test of the Adoption and Content pages on the demo organisation: changing the
// department in the filter bar changes the funnel and the heat table to the API's figures for
// that department, and the Content page lists the API's top posts with a working CSV link.
// One server and one browser for the file; skips (loudly) when Chromium is not installed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, outputDir, startDashboard, warnIfNoChromium, type Dashboard } from './server';

warnIfNoChromium();

interface FunnelStep {
  step: string;
  people: number;
}
interface HeatItem {
  group: string;
  adoptionRate: number | null;
  cells: Array<{ month: string; status: string; adoptionRate: number | null }>;
}
interface TopPost {
  rank: number;
  title: string | null;
  engagement: number;
}

describe.skipIf(!hasChromium)('Adoption and Content pages in Chromium (demo organisation)', () => {
  let dashboard: Dashboard | undefined;
  let base = '';
  let period = { from: '', to: '' };

  beforeAll(async () => {
    dashboard = await startDashboard('adoption-content', ['demo']);
    base = dashboard.base;
    period = ((await (await fetch(`${base}/api/meta`)).json()) as { dataPeriod: { from: string; to: string } }).dataPeriod;
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const open = (path: string) => openPage(dashboard!.browser, base, path);

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(base + path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

  it('changes the funnel and the heat table to the figures of the department chosen in the filter bar', async () => {
    const range = `from=${period.from}&to=${period.to}`;
    const all = await api<{ current: { funnel: FunnelStep[] } }>(`/api/participation?${range}`);
    const marketing = await api<{ current: { funnel: FunnelStep[] } }>(`/api/participation?${range}&department=Marketing`);
    const heat = await api<{ items: HeatItem[] }>(`/api/adoption/breakdown/months?by=department&${range}`);
    const people = (f: { current: { funnel: FunnelStep[] } }, step: string) => f.current.funnel.find((s) => s.step === step)!.people;
    // The demo has more than one department, so Marketing's funnel is a part of the whole.
    expect(people(marketing, 'headcount')).toBeLessThan(people(all, 'headcount'));

    const { page, errors } = await open('/adoption');
    await page.getByTestId('funnel-headcount').waitFor();
    expect(await value(page, 'funnel-headcount')).toBe(people(all, 'headcount'));
    expect(await value(page, 'funnel-creators')).toBe(people(all, 'creators'));
    const marketingRow = heat.items.find((i) => i.group === 'Marketing')!;
    expect(await value(page, 'heat-Marketing-period')).toBe(marketingRow.adoptionRate);
    const lastMonth = marketingRow.cells[marketingRow.cells.length - 1];
    expect(lastMonth.status).toBe('shown');
    expect(await value(page, `heat-Marketing-${lastMonth.month}`)).toBe(lastMonth.adoptionRate);

    await page.getByRole('combobox', { name: 'Abteilung' }).selectOption('Marketing');
    await expect.poll(() => new URL(page.url()).searchParams.get('department')).toBe('Marketing');
    await expect.poll(() => value(page, 'funnel-headcount')).toBe(people(marketing, 'headcount'));
    for (const step of ['visitors', 'reactors', 'commenters', 'creators']) expect(await value(page, `funnel-${step}`), step).toBe(people(marketing, step));
    // Filtered to Marketing, the heat table has Marketing's row only, with the same figures.
    const filtered = await api<{ items: HeatItem[] }>(`/api/adoption/breakdown/months?by=department&${range}&department=Marketing`);
    expect(filtered.items.map((i) => i.group)).toEqual(['Marketing']);
    await expect.poll(() => page.locator('[data-testid="heat-table"] tbody tr').count()).toBe(1);
    expect(await value(page, 'heat-Marketing-period')).toBe(filtered.items[0].adoptionRate);
    expect(await page.getByTestId('heat-csv').getAttribute('href')).toContain('department=Marketing');

    await page.screenshot({ path: join(outputDir, 'adoption-content-adoption.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists the top posts of the API on the Content page with a CSV link that answers the same posts', async () => {
    const range = `from=${period.from}&to=${period.to}`;
    const top = await api<{ items: TopPost[] }>(`/api/content/top?${range}&limit=50&sort=engagement`);
    expect(top.items.length).toBe(50);

    const { page, errors } = await open('/content');
    const rows = page.locator('[data-testid="top-posts"] table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10); // first page of 10
    const firstCells = await rows.first().locator('td').allInnerTexts();
    expect(firstCells[0]).toBe('1');
    expect(firstCells[1]).toBe(top.items[0].title ?? '(ohne Titel)');
    expect(Number(firstCells[2].replace(/\./g, ''))).toBe(top.items[0].engagement);

    const href = await page.getByTestId('top-posts-csv').getAttribute('href');
    expect(href).toContain('/api/content/top');
    expect(href).toContain('format=csv');
    const csv = await fetch(base + href!);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].startsWith('rank,contentId,title,')).toBe(true);
    expect(lines.length).toBe(1 + top.items.length);

    // Every KPI card carries its definition from /api/definitions.
    const definitions = await api<{ items: Array<{ key: string; de: string }> }>('/api/definitions');
    const tooltip = await page.locator('[data-testid="content-kpis"] .info-bubble').first().innerText();
    expect(tooltip).toBe(definitions.items.find((d) => d.key === 'posts')!.de);

    await page.getByTestId('voice').locator('.recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: join(outputDir, 'adoption-content-content.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
