// npm run loadtest: 50 concurrent dashboard users on the demo organisation while an import
// runs through the API. Prints latency (p50/p95/p99) and errors overall, per endpoint and
// during the import, and checks that reads stay consistent (every answer shows the data
// either before or after the import, never a half-written state). Asserts nothing.
// Flags: --users N (default 50), --seconds N (default 30).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { buildSyntheticEdges } from '../../analytics/graph/synthetic';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const users = flag('users', 50);
const seconds = flag('seconds', 30);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'analytics', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'chorus-load-'));
const db = join(dir, 'load.duckdb');
const port = 18_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const fmt = (n: number) => n.toFixed(1);

process.stdout.write(`Preparing the demo organisation in ${db} …\n`);
if (spawnSync(process.execPath, [cli, 'demo', '--db', db], { stdio: 'ignore' }).status !== 0) throw new Error('chorus demo failed');

// The concurrent import: 5,000 new people with 200,000 e-mail interactions, as a zip.
const synthetic = buildSyntheticEdges({ people: 5000, edges: 200_000, seed: 5 });
const people = ['person_id,department', ...Array.from({ length: 5000 }, (_, i) => `load${i},Abteilung ${(synthetic.community[i] % 8) + 1}`)].join('\n');
const interactions = ['source_id,target_id,occurred_at,channel,weight'];
for (let i = 0; i < synthetic.sources.length; i++) interactions.push(`load${synthetic.sources[i]},load${synthetic.targets[i]},2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+02:00,email,${synthetic.weights[i]}`);
const zip = zipSync({ 'people.csv': strToU8(people), 'interactions.csv': strToU8(interactions.join('\n')) });
writeFileSync(join(dir, 'import.zip'), zip);

const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CHORUS_RATE_LIMIT: '1000000' } });
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('running at') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const meta = (await (await fetch(`${base}/api/meta`)).json()) as { departments: Array<{ name: string; suppressed: boolean }> };
const departments = meta.departments.filter((d) => !d.suppressed).map((d) => d.name);
const influencers = (await (await fetch(`${base}/api/influencers?limit=50`)).json()) as { items: Array<{ personId: string }> };
const before = (await (await fetch(`${base}/api/health`)).json()) as { tables: { interactions: number; people: number } };

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
const mix: Array<[string, () => string]> = [
  ['meta', () => '/api/meta'],
  ['adoption month', () => '/api/adoption?grain=month'],
  ['adoption week + department', () => `/api/adoption?grain=week&department=${encodeURIComponent(pick(departments))}`],
  ['influencers', () => '/api/influencers?limit=50'],
  ['person', () => `/api/people/${pick(influencers.items).personId}`],
  ['network', () => '/api/network?limit=150'],
  ['matrix', () => '/api/network/matrix'],
  ['health', () => '/api/health'],
];

interface Sample { name: string; ms: number; ok: boolean; during: boolean }
const samples: Sample[] = [];
const seen = new Set<string>();
let importing = false;
let importResult = '';
const end = Date.now() + seconds * 1000;

async function user(): Promise<void> {
  while (Date.now() < end) {
    const [name, url] = pick(mix);
    const began = performance.now();
    let ok = false;
    try {
      const res = await fetch(base + url());
      const body = await res.text();
      ok = res.ok;
      if (name === 'health' && ok) {
        const t = (JSON.parse(body) as { tables: { interactions: number; people: number } }).tables;
        seen.add(`${t.people}/${t.interactions}`);
      }
    } catch {
      ok = false;
    }
    samples.push({ name, ms: performance.now() - began, ok, during: importing });
  }
}

async function runImport(): Promise<void> {
  await new Promise((r) => setTimeout(r, 3000));
  importing = true;
  const began = performance.now();
  const res = await fetch(`${base}/api/imports`, { method: 'POST', body: readFileSync(join(dir, 'import.zip')), headers: { 'content-type': 'application/zip', 'x-file-name': 'load.zip' } });
  importResult = `${res.status} in ${fmt((performance.now() - began) / 1000)} s`;
  importing = false;
}

process.stdout.write(`Load: ${users} concurrent users for ${seconds} s on ${base}, an import after 3 s\n`);
await Promise.all([...Array.from({ length: users }, user), runImport()]);
const after = (await (await fetch(`${base}/api/health`)).json()) as { tables: { interactions: number; people: number } };
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const report = (label: string, list: Sample[]) => {
  const ms = list.map((s) => s.ms);
  process.stdout.write(`  ${label.padEnd(30)} ${String(list.length).padStart(6)} req  errors ${String(list.filter((s) => !s.ok).length).padStart(3)}  p50 ${fmt(pct(ms, 50)).padStart(7)} ms  p95 ${fmt(pct(ms, 95)).padStart(7)} ms  p99 ${fmt(pct(ms, 99)).padStart(7)} ms\n`);
};
process.stdout.write(`\nimport through the API: ${importResult}\n`);
report('all requests', samples);
report('during the import', samples.filter((s) => s.during));
report('outside the import', samples.filter((s) => !s.during));
for (const [name] of mix) report(name, samples.filter((s) => s.name === name));
const allowed = new Set([`${before.tables.people}/${before.tables.interactions}`, `${after.tables.people}/${after.tables.interactions}`]);
const inconsistent = [...seen].filter((s) => !allowed.has(s));
process.stdout.write(`\nconsistency: health answers showed ${[...seen].join(', ')} (people/interactions); before ${[...allowed][0]}, after ${[...allowed].at(-1)}: ${inconsistent.length === 0 ? 'consistent' : `INCONSISTENT: ${inconsistent.join(', ')}`}\n`);
process.stdout.write(`goal: p95 under 300 ms, zero errors\n`);
