// Shared set-up of the browser tests: Chromium location, building web/dist when the sources are
// newer, a free port, and the real `chorus serve` as a child process that is stopped afterwards.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

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
