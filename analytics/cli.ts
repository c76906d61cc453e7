// The chorus command: import, demo, serve, start. Each step of `npm start` can be run alone.
// `serve` and `start` hand over to api/server (loaded on demand), so analytics/ itself stays
// free of HTTP.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, DatabaseLockedError, openDatabase, withConnection, type Database } from './db';
import { ImportInputError } from './ingest/archive';
import { loadCanonical } from './ingest/canonical';
import { importSources, loadAny, type ImportSource } from './ingest/detect';
import type { ImportSummary, PrivacyOptions, ProgressEvent } from './ingest/load';
import { runMetricsJob } from './jobs/person-metrics';
import { getTableCounts } from './queries/meta';

const usage = `Usage: chorus <command> [options]

Commands:
  import <folder|zip>   import an export (source detected: canonical, slack, mattermost, stackexchange,
                        viva-engage, m365, edgelist, hr-roster, generic-csv; --source to choose),
                        then compute the influence metrics of every standard period
  metrics               recompute the influence metrics of every standard period
  optout add|remove|list [<id|email>] [--note text]
                        people who are never listed, ranked, drawn or named (aggregates still count them)
  prune --older-than <24m|90d|2y>
                        delete activity older than that, and record that it did
  demo                  generate the demo organisation and import it
  report --month YYYY-MM [--lang de|en] [--out report.html] [--pdf report.pdf]
         [--department name] [--location name]
                        write the monthly adoption report as one self-contained HTML file (and PDF
                        with headless Chromium)
  serve                 serve dashboard and API on an existing database
  start                 build the dashboard when needed, load the demo into an empty database, serve
  dev                   like start, plus the Vite dev server with hot reload on port 5173

Options:
  --db <file>           database file (default data/chorus.duckdb, or CHORUS_DB)
  --port <n>            port for serve/start (default 8787, or PORT)
  --json                import: print exactly one JSON object on stdout
  --source <name>       import: the importer to use instead of the detected one
  --quiet               import: no progress lines on stderr
  --help                this text
`;

interface Args {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const valued = new Set(['db', 'port', 'people', 'events', 'seed', 'source', 'note', 'older-than', 'month', 'lang', 'out', 'pdf', 'department', 'location']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (valued.has(name)) {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
        flags.set(name, value);
        i++;
      } else flags.set(name, true);
    } else positional.push(arg);
  }
  return { command: positional.shift(), positional, flags };
}

function fail(message: string, code = 2): never {
  process.stderr.write(`chorus: ${message}\n`);
  process.exit(code);
}

async function settings(args: Args) {
  const { loadConfig } = await import('../api/config');
  const port = args.flags.get('port');
  if (port !== undefined && (typeof port !== 'string' || !/^\d+$/.test(port))) fail('--port needs a number');
  const db = args.flags.get('db');
  return loadConfig(process.env, {
    dbPath: typeof db === 'string' ? db : undefined,
    port: typeof port === 'string' ? Number(port) : undefined,
  });
}

async function open(path: string, timeZone: string, memoryLimit?: string): Promise<Database> {
  try {
    return await openDatabase(path, { timeZone, memoryLimit });
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(error.message, 3);
    throw error;
  }
}

const number = new Intl.NumberFormat('en');

function progressPrinter(quiet: boolean) {
  return (e: ProgressEvent) => {
    if (quiet || e.seconds < 0.5) return;
    const rate = e.rows !== undefined && e.seconds > 0 ? `, ${number.format(Math.round(e.rows / e.seconds))} rows/s` : '';
    const rows = e.rows !== undefined ? `: ${number.format(e.rows)} rows` : '';
    process.stderr.write(`  ${e.phase}${rows} in ${e.seconds.toFixed(2)} s${rate}\n`);
  };
}

function printSummary(s: ImportSummary): void {
  const lines = [
    `Imported ${s.path} (${s.source}) in ${s.seconds.toFixed(1)} s, run ${s.runId}`,
    `  read        ${number.format(s.read)} rows`,
    `  loaded      people ${number.format(s.loaded.people)}, content ${number.format(s.loaded.content)}, events ${number.format(s.loaded.events)}, interactions ${number.format(s.loaded.interactions)}` +
      `, spaces ${s.other.spaces}, social ${s.other.social}, programmes ${s.other.programmes}`,
    `  placeholder accounts created: ${s.placeholders}`,
    `  duplicates  ${number.format(s.duplicates)} (already stored or repeated; skipped)`,
    `  rejected    ${number.format(s.rejected)}`,
  ];
  for (const r of s.rejects) lines.push(`    ${r.file}${r.line ? `:${r.line}` : ''}${r.column ? ` [${r.column}]` : ''}: ${r.reason}`);
  if (s.rejected > s.rejects.length) lines.push(`    … and ${s.rejected - s.rejects.length} more (see the Data page or import_rejects)`);
  for (const w of s.warnings.slice(0, 10)) lines.push(`  note: ${w}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function jsonSummary(s: ImportSummary) {
  return {
    source: s.source,
    runId: s.runId,
    loaded: s.loaded,
    other: s.other,
    byKind: s.byKind,
    byAction: s.byAction,
    placeholders: s.placeholders,
    read: s.read,
    duplicates: s.duplicates,
    rejected: s.rejected,
    rejects: s.rejects.map((r) => ({ file: r.file, line: r.line, column: r.column, reason: r.reason })),
    warnings: s.warnings,
    seconds: Number(s.seconds.toFixed(3)),
  };
}

async function importCommand(args: Args): Promise<void> {
  const path = args.positional[0];
  const json = args.flags.has('json');
  if (!path) fail('import needs a path: chorus import <folder|zip>');
  const source = args.flags.get('source');
  if (source !== undefined && !(importSources as readonly string[]).includes(String(source))) fail(`unknown --source "${String(source)}"; use one of: ${importSources.join(', ')}`);
  const config = await settings(args);
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  try {
    if (!args.flags.has('quiet')) process.stderr.write(`Importing ${path} into ${config.dbPath}\n`);
    const { summary, source: used, detected } = await loadAny(db, path, {
      source: source as ImportSource | undefined,
      onProgress: progressPrinter(args.flags.has('quiet')),
      privacy: { pseudonymSecret: config.pseudonymSecret, identities: config.identities },
    });
    if (!json && !args.flags.has('quiet')) process.stderr.write(`${detected ? 'Detected' : 'Read as'} source: ${used}\n`);
    if (!json) printSummary(summary);
    const changed = Object.values(summary.loaded).some((n) => n > 0) || Object.values(summary.other).some((n) => n > 0) || summary.placeholders > 0;
    // Nothing new (the same export again): the stored metrics are still right.
    const metrics = changed ? await computeMetrics(db, json || args.flags.has('quiet')) : { periods: 0, seconds: 0 };
    if (json) process.stdout.write(`${JSON.stringify({ ...jsonSummary(summary), metrics })}\n`);
  } catch (error) {
    if (error instanceof ImportInputError) {
      if (json) process.stdout.write(`${JSON.stringify({ source: source ?? null, error: error.message, file: error.file ?? null, column: error.column ?? null })}\n`);
      closeDatabase(db);
      fail(error.message, 2);
    }
    throw error;
  } finally {
    try {
      closeDatabase(db);
    } catch {
      // already closed on the error path
    }
  }
}

/** Runs the metrics job and reports one line (unless quiet); returns periods and seconds. */
async function computeMetrics(db: Database, quiet: boolean): Promise<{ periods: number; seconds: number }> {
  const began = Date.now();
  const periods = await runMetricsJob(db);
  const seconds = Number(((Date.now() - began) / 1000).toFixed(2));
  if (!quiet) process.stderr.write(`Influence metrics computed for ${periods.length} periods in ${seconds.toFixed(1)} s\n`);
  return { periods: periods.length, seconds };
}

async function optOutCommand(args: Args): Promise<void> {
  const [action, who] = args.positional;
  if (!['add', 'remove', 'list'].includes(action ?? '')) fail('usage: chorus optout add|remove|list [<id|email>]');
  if (action !== 'list' && !who) fail(`chorus optout ${action} needs a person id or e-mail`);
  const config = await settings(args);
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  try {
    const { addOptOut, getOptOuts, removeOptOut, resolvePerson } = await import('./privacy');
    if (action === 'list') {
      const rows = await withConnection(db, getOptOuts);
      process.stdout.write(rows.length === 0 ? 'Nobody has opted out.\n' : `${rows.map((r) => `${r.personId}\t${r.addedAt}\t${r.note ?? ''}`).join('\n')}\n`);
      return;
    }
    const id = await withConnection(db, (c) => resolvePerson(c, who!, config.pseudonymSecret));
    if (!id) fail(`nobody with id or e-mail "${who}" is in the database`, 2);
    const note = args.flags.get('note');
    if (action === 'add') await withConnection(db, (c) => addOptOut(c, id, typeof note === 'string' ? note : null));
    else if (!(await withConnection(db, (c) => removeOptOut(c, id)))) process.stdout.write(`${id} was not on the opt-out list.\n`);
    process.stdout.write(`${action === 'add' ? 'Opted out' : 'Removed from the opt-out list'}: ${id}. Recomputing the rankings …\n`);
    await computeMetrics(db, false);
  } finally {
    closeDatabase(db);
  }
}

async function pruneCommand(args: Args): Promise<void> {
  const age = args.flags.get('older-than');
  if (typeof age !== 'string') fail('usage: chorus prune --older-than <24m|90d|2y>');
  const config = await settings(args);
  const { computeCutoff, pruneActivity } = await import('./privacy');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  let cutoff: string;
  try {
    cutoff = computeCutoff(age, today);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  try {
    const result = await withConnection(db, (c) => pruneActivity(c, cutoff, 'cli'));
    process.stdout.write(`Pruned activity before ${result.cutoff}: ${number.format(result.content)} items, ${number.format(result.events)} events, ${number.format(result.interactions)} interactions (recorded in prune_log).\n`);
    await computeMetrics(db, false);
  } finally {
    closeDatabase(db);
  }
}

async function metricsCommand(args: Args): Promise<void> {
  const config = await settings(args);
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  try {
    await computeMetrics(db, false);
  } finally {
    closeDatabase(db);
  }
}

/** Generates the demo organisation into a temporary folder and imports it. */
async function loadDemo(db: Database, options: { people?: number; seed?: number; quiet?: boolean; privacy?: PrivacyOptions }): Promise<ImportSummary> {
  const { generateDemo } = await import('../fixtures/generate');
  const dir = mkdtempSync(join(tmpdir(), 'chorus-demo-'));
  try {
    const began = Date.now();
    const generated = await generateDemo(dir, { people: options.people, seed: options.seed });
    if (!options.quiet) {
      process.stderr.write(
        `Generated the demo organisation: ${number.format(generated.people)} people, ${number.format(generated.content)} items, ` +
          `${number.format(generated.events)} events in ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
      );
    }
    const summary = await loadCanonical(db, dir, { onProgress: progressPrinter(Boolean(options.quiet)), privacy: options.privacy });
    await computeMetrics(db, Boolean(options.quiet));
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function demoCommand(args: Args): Promise<void> {
  const config = await settings(args);
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  try {
    const people = args.flags.get('people');
    const summary = await loadDemo(db, {
      people: typeof people === 'string' ? Number(people) : undefined,
      privacy: { pseudonymSecret: config.pseudonymSecret, identities: config.identities },
    });
    printSummary(summary);
  } finally {
    closeDatabase(db);
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/dist with Vite when it is missing or older than the sources. */
async function buildWebIfNeeded(): Promise<void> {
  const index = join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stderr.write('Building the dashboard (vite build) …\n');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function serveCommand(args: Args, start: boolean, dev = false): Promise<void> {
  const config = await settings(args);
  if (start && !dev) await buildWebIfNeeded();
  const db = await open(config.dbPath, config.timeZone, config.memoryLimit);
  if (start) {
    const counts = await withConnection(db, getTableCounts);
    if (counts.people === 0) {
      process.stderr.write(`The database ${config.dbPath} is empty: loading the demo organisation …\n`);
      const began = Date.now();
      const summary = await loadDemo(db, { privacy: { pseudonymSecret: config.pseudonymSecret, identities: config.identities } });
      process.stderr.write(
        `Demo loaded: ${number.format(summary.loaded.people)} people, ${number.format(summary.loaded.events)} events ` +
          `(import ${summary.seconds.toFixed(1)} s, ${((Date.now() - began) / 1000).toFixed(1)} s with generation and metrics)\n`,
      );
    }
  }
  const { startServer, closeOnSignals } = await import('../api/server');
  let server;
  try {
    server = await startServer(db, config);
  } catch (error) {
    closeDatabase(db);
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  closeOnSignals(server, db);
  process.stdout.write(`Chorus is running at ${server.url} (database ${config.dbPath}); Ctrl+C stops it.\n`);
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({ configFile: join(root, 'vite.config.ts'), server: { proxy: { '/api': server.url.replace(/\/$/, '') } } });
    await vite.listen();
    process.stdout.write(`Dashboard with hot reload at ${vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}\n`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.command || args.flags.has('help') || args.command === 'help') {
    process.stdout.write(usage);
    return;
  }
  switch (args.command) {
    case 'import':
      return importCommand(args);
    case 'demo':
      return demoCommand(args);
    case 'metrics':
      return metricsCommand(args);
    case 'optout':
      return optOutCommand(args);
    case 'prune':
      return pruneCommand(args);
    case 'report': {
      const { reportCommand } = await import('./report/cli-report');
      const config = await settings(args);
      const flag = (name: string) => {
        const value = args.flags.get(name);
        return typeof value === 'string' ? value : undefined;
      };
      const code = await reportCommand({
        dbPath: config.dbPath,
        timeZone: config.timeZone,
        minGroupSize: config.minGroupSize,
        month: flag('month'),
        lang: flag('lang'),
        out: flag('out'),
        pdf: flag('pdf'),
        department: flag('department'),
        location: flag('location'),
      });
      if (code !== 0) process.exit(code);
      return;
    }
    case 'serve':
      return serveCommand(args, false);
    case 'start':
      return serveCommand(args, true);
    case 'dev':
      return serveCommand(args, true, true);
    default:
      fail(`unknown command "${args.command}"\n\n${usage}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`chorus: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
