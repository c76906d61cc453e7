// Shared set-up of the browser tests: Chromium location, building web/dist when the sources are
// newer, a free port, and the real `chorus serve` as a child process that is stopped afterwards.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const outputDir = join(root, 'test-output');

/** Prints the loud skip notice when Chromium is missing; call once per test file. */
export function warnIfNoChromium(): void {
  if (!hasChromium) {
    console.warn(`\n!!! BROWSER TESTS SKIPPED: Chromium not found at ${chromiumPath} — install it with apt-get install -y chromium !!!\n`);
  }
}

/** Newest modification time of the dashboard sources (web/ without dist). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` when web/dist is missing or older than a source file. */
export function buildWebIfNeeded(): void {
  const index = join(root, 'web', 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(join(root, 'web'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`chorus serve exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`chorus serve did not answer /api/health within 60 s:\n${log()}`);
}

export interface RunningServer {
  base: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `chorus serve` on a free port for the database at `db`; resolves once /api/health
 * answers. `env` adds environment variables (e.g. CHORUS_USERS_FILE for tokens mode).
 */
export async function startServer(db: string, options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['analytics/cli.mjs', 'serve', '--db', db, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  };
  try {
    await waitForHealth(base, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, log: () => output, stop };
}

/** Headless Debian Chromium. WebGL (for the network map) runs on SwiftShader without a GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A served database with a browser: what most browser tests start from. */
export interface Dashboard {
  base: string;
  server: RunningServer;
  browser: Browser;
  /** The temporary folder holding the database; removed by stop(). */
  tempDir: string;
  /** Closes the browser, stops the server and removes the temporary folder. */
  stop: () => Promise<void>;
}

/**
 * Builds web/dist when stale, fills a new database in a temporary folder with the chorus command
 * `fill` (e.g. ['demo'] or ['import', 'fixtures/small']; `--db` is added), serves it with
 * `chorus serve` (environment `env` added) and launches Chromium.
 */
export async function startDashboard(name: string, fill: string[], options: { env?: Record<string, string> } = {}): Promise<Dashboard> {
  buildWebIfNeeded();
  mkdirSync(outputDir, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), `chorus-e2e-${name}-`));
  const removeTemp = () => rmSync(tempDir, { recursive: true, force: true });
  try {
    const db = join(tempDir, `${name}.duckdb`);
    execFileSync(process.execPath, ['analytics/cli.mjs', ...fill, '--db', db], { cwd: root, stdio: 'pipe', timeout: 120_000 });
    const server = await startServer(db, options);
    const browser = await launchChromium().catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    const stop = async () => {
      await browser.close();
      await server.stop();
      removeTemp();
    };
    return { base: server.base, server, browser, tempDir, stop };
  } catch (error) {
    removeTemp();
    throw error;
  }
}

/**
 * Opens `base + path` in a fresh German browser context (1280 wide) that records script errors
 * and console errors, except those matching `ignore` (an expected 400 or 401). `token` signs in
 * with the session cookie first.
 */
export async function openPage(
  browser: Browser,
  base: string,
  path: string,
  options: { height?: number; token?: string; ignore?: RegExp } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: options.height ?? 800 }, locale: 'de-DE' });
  if (options.token) await context.addCookies([{ name: 'chorus_token', value: options.token, url: base }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !options.ignore?.test(m.text())) errors.push(m.text());
  });
  await page.goto(base + path);
  return { page, errors };
}
