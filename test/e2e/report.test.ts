// The monthly report as a file: `chorus report` writes one self-contained HTML document that opens
// without network, and with Chromium an A4 PDF with one page per section whose first page is not
// blank (poppler's pdfinfo and pdftoppm check it). Runs the real CLI on the demo organisation.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, outputDir, root, startServer, warnIfNoChromium, buildWebIfNeeded, type RunningServer } from './server';

const hasPoppler = ['pdfinfo', 'pdftoppm'].every((tool) => spawnSync('which', [tool]).status === 0);
warnIfNoChromium();
if (!hasPoppler) console.warn('\n!!! PDF CHECKS SKIPPED: pdfinfo/pdftoppm not found — install them with apt-get install -y poppler-utils !!!\n');

const tempDir = mkdtempSync(join(tmpdir(), 'chorus-report-e2e-'));
const db = join(tempDir, 'demo.duckdb');
beforeAll(() => {
  execFileSync(process.execPath, ['analytics/cli.mjs', 'demo', '--db', db], { cwd: root, stdio: 'pipe', timeout: 150_000 });
}, 180_000);
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const report = (...args: string[]) => spawnSync(process.execPath, ['analytics/cli.mjs', 'report', '--db', db, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

/** Every src=, href= and url() target of a document that leaves it (scheme or protocol-relative). */
function externalReferences(html: string): string[] {
  const targets = [...html.matchAll(/\b(?:src|href|xlink:href|action|poster)\s*=\s*["']?([^"'\s>]*)/gi), ...html.matchAll(/url\(\s*["']?([^"')]*)/gi), ...html.matchAll(/@import\s+["']([^"']*)/gi)].map((m) => m[1]);
  return targets.filter((t) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(t) && !/^(?:data|#)/i.test(t));
}

describe('chorus report', () => {
  it('writes one HTML file with no external reference, no script and the month in the language asked for', () => {
    const out = join(tempDir, 'report-en.html');
    const run = report('--month', '2026-10', '--lang', 'en', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('report of 2026-10, en, 3 A4 pages');
    const html = readFileSync(out, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(html).toContain('<title>Monthly adoption report October 2026</title>');
    expect(html).toMatch(/Adoption (rose|fell) by [\d.]+ percentage points? to \d+% in October\.|Adoption held at \d+% in October/);
  });

  it('refuses a malformed month and a month outside the data with exit code 2 and a reason', () => {
    const bad = report('--month', '2026-13', '--out', join(tempDir, 'x.html'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--month must be a month as YYYY-MM/);
    const outside = report('--month', '2027-01', '--out', join(tempDir, 'x.html'));
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('No data for 2027-01: the data covers 2025-11-01 to 2026-10-31');
    expect(existsSync(join(tempDir, 'x.html'))).toBe(false);
  });

  it.skipIf(!hasChromium)('opens offline in Chromium without a single request', async () => {
    const out = join(tempDir, 'report-de.html');
    expect(report('--month', '2026-09', '--out', out).status).toBe(0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${out}`);
      expect(await page.locator('.report-page').count()).toBe(3);
      expect(await page.locator('svg.report-chart').count()).toBeGreaterThanOrEqual(3);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!hasChromium || !hasPoppler)('renders an A4 PDF with the expected pages, the first one not blank', () => {
    const html = join(tempDir, 'report.html');
    const pdf = join(tempDir, 'report.pdf');
    const run = report('--month', '2026-10', '--lang', 'de', '--out', html, '--pdf', pdf);
    expect(run.status, run.stderr).toBe(0);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(3);
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const prefix = join(tempDir, 'page');
    execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', pdf, prefix]);
    const file = readdirPgm(tempDir);
    const { width, height, pixels } = readPgm(readFileSync(file));
    let dark = 0;
    for (const p of pixels) if (p < 160) dark++;
    const share = dark / (width * height);
    // Text, tiles and the trend chart: a few percent of the page is ink; a blank page has none.
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5);
    mkdirSync(outputDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(outputDir, 'report-page')]);
  });
});

function readdirPgm(dir: string): string {
  const name = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.pgm'));
  if (!name) throw new Error(`pdftoppm wrote no .pgm into ${dir}`);
  return join(dir, name);
}

/** Parses a binary PGM (P5, maxval ≤ 255) as pdftoppm -gray writes it. */
function readPgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[i]))) token += String.fromCharCode(data[i++]);
    fields.push(token);
  }
  if (fields[0] !== 'P5') throw new Error(`not a binary PGM: ${fields[0]}`);
  const [width, height] = [Number(fields[1]), Number(fields[2])];
  return { width, height, pixels: data.subarray(i + 1, i + 1 + width * height) };
}

// The dashboard's Report page shows the same document.
describe.skipIf(!hasChromium)('the Report page of the dashboard', () => {
  let server: RunningServer;
  beforeAll(async () => {
    buildWebIfNeeded();
    server = await startServer(db);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the report of the month in the URL, with a month picker, print and download', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.goto(`${server.base}/report/2026-09`);
      await page.locator('.chorus-report[data-month="2026-09"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('report-month').inputValue()).toBe('2026-09');
      const api = await (await fetch(`${server.base}/api/reports/monthly/2026-09`)).json();
      expect(await page.locator('.chorus-report .narrative p').first().textContent()).toBe(api.narrative[0]);
      await page.getByTestId('report-month').selectOption('2026-10');
      await page.locator('.chorus-report[data-month="2026-10"]').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).pathname).toBe('/report/2026-10');
      await expect(page.getByTestId('report-print').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('report-download').isVisible()).resolves.toBe(true);
      mkdirSync(outputDir, { recursive: true });
      await page.screenshot({ path: join(outputDir, 'report-page.png'), fullPage: false });
      // Printing the page hides the shell: no navigation or filter bar in print media.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.side-nav').isVisible()).toBe(false);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('goes from /report to the latest complete month', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.base}/report`);
      await page.locator('.chorus-report[data-month="2026-10"]').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).pathname).toBe('/report/2026-10');
    } finally {
      await browser.close();
    }
  });
});
