// `chorus report`: writes the monthly report as one self-contained HTML file, and with --pdf
// renders that file to an A4 PDF in headless Chromium (when installed; otherwise it says how to
// install it, still writes the HTML and exits non-zero). Opens the database read-only, so it runs
// next to a reading process; a server holding the file is named in the error (exit 3).
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeDatabase, DatabaseLockedError, openDatabase, withConnection, type Database } from '../db';
import { getDataPeriod } from '../queries/meta';
import { getLatestCompleteMonth, getMonthlyReport, ReportMonthError, type ReportLang } from './monthly-report';
import { countReportPages, renderReportHtml } from './render-html';

export interface ReportCommandOptions {
  dbPath: string;
  timeZone: string;
  minGroupSize: number;
  month?: string;
  lang?: string;
  out?: string;
  pdf?: string;
  department?: string;
  location?: string;
  /** Where to look for Chromium (default chromiumCandidates). */
  chromiumPaths?: string[];
}

/** Where Debian and Ubuntu install Chromium. */
export const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first of `paths` that exists (an installed Chromium), or null. */
export function findChromium(paths: string[] = chromiumCandidates): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

/**
 * Renders a self-contained HTML document to an A4 PDF with headless Chromium at `executablePath`
 * (the document's own @page rules set size and margins). Nothing is loaded from the network.
 */
export async function renderPdf(html: string, pdfPath: string, executablePath: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // Refuse every request: the document must not need any.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`chorus: ${text}\n`);

/**
 * Runs `chorus report`; returns the exit code: 0 written, 2 bad input (month, language, no data),
 * 3 database held by another process, 4 --pdf without Chromium (the HTML is written anyway).
 */
export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const lang = (options.lang ?? 'de') as ReportLang;
  if (lang !== 'de' && lang !== 'en') {
    complain(`--lang must be de or en, not "${options.lang}"`);
    return 2;
  }
  if (options.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) {
    complain(`--month must be a month as YYYY-MM (for example 2026-10), not "${options.month}"`);
    return 2;
  }
  if (!existsSync(options.dbPath)) {
    complain(`the database ${options.dbPath} does not exist; import data first (chorus import or chorus demo) or pass --db`);
    return 2;
  }
  let db: Database;
  try {
    db = await openDatabase(options.dbPath, { timeZone: options.timeZone, readOnly: true });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      complain(error.message);
      return 3;
    }
    throw error;
  }
  let html: string;
  let pages: number;
  let month: string;
  try {
    const report = await withConnection(db, async (conn) => {
      const chosen = options.month ?? getLatestCompleteMonth(await getDataPeriod(conn));
      if (!chosen) throw new ReportMonthError('empty', 'The database holds no activity yet; import data first.');
      return getMonthlyReport(conn, {
        month: chosen,
        lang,
        minGroupSize: options.minGroupSize,
        department: options.department,
        location: options.location,
        timeZone: options.timeZone,
      });
    });
    month = report.month;
    html = renderReportHtml(report);
    pages = countReportPages(report);
  } catch (error) {
    if (error instanceof ReportMonthError) {
      complain(error.message);
      return 2;
    }
    throw error;
  } finally {
    closeDatabase(db);
  }
  const out = resolve(options.out ?? `chorus-report-${month}-${lang}.html`);
  writeFileSync(out, html);
  say(`Wrote ${out} (report of ${month}, ${lang}, ${pages} A4 ${pages === 1 ? 'page' : 'pages'} when printed).`);
  if (!options.pdf) return 0;
  const paths = options.chromiumPaths ?? chromiumCandidates;
  const chromium = findChromium(paths);
  if (!chromium) {
    complain(`--pdf needs Chromium, which is not installed (looked for ${paths.join(', ')}); install it with: apt-get install -y chromium`);
    return 4;
  }
  const pdf = resolve(options.pdf);
  await renderPdf(html, pdf, chromium);
  say(`Wrote ${pdf} (A4, ${pages} ${pages === 1 ? 'page' : 'pages'}).`);
  return 0;
}
