// Browser test of the pilot group page against the real server on the demo organisation:
// the same group as the API, the size slider and an exclusion through the URL, an infeasible
// quota explained, saving two groups and comparing them. Skips (loudly) without Chromium.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, outputDir, startDashboard, warnIfNoChromium, type Dashboard } from './server';

warnIfNoChromium();

describe.skipIf(!hasChromium)('pilot group page in Chromium (demo organisation)', () => {
  let dashboard: Dashboard | undefined;
  let base = '';

  beforeAll(async () => {
    dashboard = await startDashboard('pilot', ['demo']);
    base = dashboard.base;
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const open = (path: string) => openPage(dashboard!.browser, base, path, { height: 900, ignore: /status of 400/ });

  const memberNames = (page: Page) => page.getByTestId('pilot-members').locator('tbody tr td:nth-child(2)').allInnerTexts();

  it('shows the group the API builds, with its coverage, curve and tandems', async () => {
    const api = (await (await fetch(`${base}/api/pilot-group`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ size: 10 }) })).json()) as {
      members: Array<{ displayName: string | null; personId: string }>;
      reached: number;
    };
    const { page, errors } = await open('/pilot');
    await page.getByTestId('pilot-members').locator('tbody tr').first().waitFor();
    expect(await memberNames(page)).toEqual(api.members.map((m) => m.displayName ?? m.personId));
    expect(Number(await page.getByTestId('pilot-reached').getAttribute('data-value'))).toBe(api.reached);
    expect(Number(await page.getByTestId('pilot-gain').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="coverage-chart"] .recharts-line').count()).toBe(2);
    await page.getByTestId('pilot-tandems').locator('tbody tr').first().waitFor();
    await page.screenshot({ path: join(outputDir, 'pilot.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows the size in the URL and excludes a member on click', async () => {
    const { page, errors } = await open('/pilot?size=5');
    const rows = page.getByTestId('pilot-members').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    const first = (await memberNames(page))[0];
    await page.getByTestId('exclude-member').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('exclude')).not.toBeNull();
    await expect.poll(async () => (await memberNames(page)).includes(first)).toBe(false);
    expect(await page.getByTestId('exclusions').innerText()).toContain(first);

    // Excluding by name: the search offers the ranked people of the period.
    const ranked = (await (await fetch(`${base}/api/influencers?limit=2`)).json()) as { items: Array<{ personId: string; displayName: string; department: string }> };
    const second = ranked.items[1];
    await page.getByTestId('exclude-search').click();
    await page.getByTestId('exclude-search').fill(`${second.displayName} (${second.department})`);
    await expect.poll(() => new URL(page.url()).searchParams.get('exclude')?.split(',') ?? []).toContain(second.personId);
    await expect.poll(async () => (await memberNames(page)).includes(second.displayName)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('explains a quota that cannot be met, and one on a group too small to name', async () => {
    const { page, errors } = await open(`/pilot?size=10&quotas=${encodeURIComponent('department:Geschäftsführung:8:')}`);
    await page.getByTestId('pilot-infeasible').waitFor();
    // Geschäftsführung has 7 people: the API's reason, worded in German on the page.
    expect(await page.getByTestId('pilot-infeasible').innerText()).toContain('Abteilung „Geschäftsführung“ (min. 8): Die Gruppe hat nur 7 mögliche Kandidatinnen und Kandidaten.');
    // Recht has 4 people, below the minimum group size: no quota on it (the editor disables it too).
    await page.goto(`${base}/pilot?size=3&quotas=${encodeURIComponent('department:Recht:1:')}`);
    await expect.poll(() => page.getByTestId('pilot-infeasible').innerText()).toContain('Abteilung „Recht“: Diese Gruppe ist kleiner als die Mindestgruppengröße.');
    expect(await page.locator('[data-testid="quota-group"] option[value="Recht"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('saves two groups and compares them', async () => {
    const { page, errors } = await open('/pilot?size=10');
    await page.getByTestId('pilot-members').locator('tbody tr').first().waitFor();
    await page.getByTestId('pilot-save-name').fill('Zehn');
    await page.getByTestId('pilot-save-button').click();
    await page.getByTestId('pilot-saved').getByText('Zehn').waitFor();
    await page.goto(`${base}/pilot?size=3`);
    await page.getByTestId('pilot-members').locator('tbody tr').nth(2).waitFor();
    await page.getByTestId('pilot-save-name').fill('Drei');
    await page.getByTestId('pilot-save-button').click();
    await page.getByTestId('pilot-saved').getByText('Drei').waitFor();
    await page.getByTestId('compare-pick-a').selectOption({ label: 'Zehn' });
    await page.getByTestId('compare-pick-b').selectOption({ label: 'Drei' });
    await page.getByTestId('compare-overlap').waitFor();
    // The greedy prefix: the group of three is the first three of the group of ten.
    expect(await page.getByTestId('compare-overlap').locator('li').count()).toBe(3);
    expect(await page.getByTestId('compare-union').getAttribute('data-value')).toBe(await page.getByTestId('compare-a').getAttribute('data-value'));
    await page.getByTestId('pilot-compare').screenshot({ path: join(outputDir, 'pilot-compare.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
