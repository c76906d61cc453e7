// Slack import benchmark: writes a synthetic Slack workspace export (2,000 users, 50 channels,
// one pretty-printed JSON file per channel and day, ~30 % thread replies, reactions, mentions),
// imports it with loadSlack into a file database in a child process (so the peak RSS is the
// import's own) and prints time, messages per second and peak memory. Asserts nothing.
// Goal: ≥ 50,000 messages/s and < 2 GB peak RSS for 1,000,000 messages.
//
//   node --import tsx test/bench/slack-bench.ts [--messages N] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRng, randomInt, type Rng } from '../../analytics/graph/prng';

const here = fileURLToPath(import.meta.url);
const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export interface SlackBenchResult {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  peakRssMb: number;
  exportMb: number;
  generateSeconds: number;
}

/**
 * Generates a synthetic export of `messages` messages, imports it in a child process and
 * prints (and returns) the import time, messages per second and the child's peak RSS.
 */
export async function benchSlack(messages = 1_000_000, options: { keep?: boolean } = {}): Promise<SlackBenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'chorus-slack-bench-'));
  const exportDir = join(work, 'export');
  const dbPath = join(work, 'slack.duckdb');
  try {
    process.stdout.write(`\n== Slack import: synthetic export with ${fmt.format(messages)} messages, 2,000 users, 50 channels\n`);
    let began = performance.now();
    const written = writeSyntheticSlackExport(exportDir, { messages, users: 2000, channels: 50, seed: 11 });
    const generateSeconds = (performance.now() - began) / 1000;
    line('generated', `${fmt.format(written.files)} day files, ${fmt.format(written.bytes / 1024 ** 2)} MB, ${fmt.format(written.replies)} replies, ${fmt.format(written.reactions)} reactions, ${fmt.format(written.mentions)} mentions in ${fmt.format(generateSeconds)} s`);
    began = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', exportDir, dbPath], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    const child = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; read: number; loaded: Record<string, number>; rejected: number; peakRssMb: number; phases: Record<string, number> };
    const result: SlackBenchResult = {
      messages,
      seconds: child.seconds,
      messagesPerSecond: messages / child.seconds,
      peakRssMb: child.peakRssMb,
      exportMb: written.bytes / 1024 ** 2,
      generateSeconds,
    };
    line('loaded', `${fmt.format(child.loaded.content)} content, ${fmt.format(child.loaded.events)} events, ${fmt.format(child.loaded.people)} people; ${child.rejected} rejects`);
    for (const [phase, seconds] of Object.entries(child.phases)) line(`  ${phase}`, `${fmt.format(seconds)} s`);
    line('import (loadSlack + CHECKPOINT)', `${fmt.format(child.seconds)} s`);
    line('messages per second (goal ≥ 50,000)', fmt.format(Math.round(result.messagesPerSecond)));
    line('peak memory (goal < 2048 MB)', `${fmt.format(child.peakRssMb)} MB`);
    return result;
  } finally {
    if (options.keep) process.stdout.write(`  kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function line(label: string, value: string) {
  process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}

interface GenerateOptions {
  messages: number;
  users: number;
  channels: number;
  seed: number;
}

const words = 'data chart map team plan release review customer design budget office meeting launch report question idea update thanks everyone today tomorrow please draft survey workshop training'.split(' ');
const emoji = ['+1', 'heart', 'clap', 'tada', 'eyes', 'raised_hands', 'thumbsup::skin-tone-3', 'rocket'];

/**
 * Writes a Slack export with the standard layout to `dir`. Messages are spread evenly over
 * channels and 730 days; about 30 % are thread replies to a recent root of the same channel,
 * about 20 % carry reactions and 15 % mention someone. Returns what it wrote.
 */
export function writeSyntheticSlackExport(dir: string, o: GenerateOptions) {
  const rng = createRng(o.seed);
  mkdirSync(dir, { recursive: true });
  const userIds = Array.from({ length: o.users }, (_, i) => `U${(100000 + i).toString(36).toUpperCase()}`);
  const users = userIds.map((id, i) => ({
    id,
    name: `user${i}`,
    deleted: i % 97 === 0,
    is_bot: i % 500 === 499,
    real_name: `User ${i}`,
    profile: { title: i % 7 === 0 ? 'Engineer' : '', display_name: `user${i}`, real_name: `User ${i}`, email: '' },
  }));
  writeFileSync(join(dir, 'users.json'), JSON.stringify(users, null, 4));
  const channels = Array.from({ length: o.channels }, (_, i) => ({
    id: `C${(500000 + i).toString(36).toUpperCase()}`,
    name: `channel-${i}`,
    created: '1433558319',
    is_archived: false,
    members: userIds.filter((_, u) => u % o.channels === i || u % 3 === 0),
  }));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify(channels, null, 4));
  const days = 730;
  const start = Date.UTC(2024, 0, 1) / 1000;
  const perFile = Math.max(1, Math.round(o.messages / (o.channels * days)));
  let remaining = o.messages;
  let files = 0;
  let bytes = 0;
  let replies = 0;
  let reactions = 0;
  let mentions = 0;
  for (let d = 0; d < days && remaining > 0; d++) {
    const date = new Date((start + d * 86400) * 1000).toISOString().slice(0, 10);
    for (let c = 0; c < o.channels && remaining > 0; c++) {
      const count = d === days - 1 && c === o.channels - 1 ? remaining : Math.min(remaining, perFile);
      const recentRoots: string[] = [];
      const list: Record<string, unknown>[] = [];
      for (let k = 0; k < count; k++) {
        const seconds = start + d * 86400 + Math.floor((k * 86000) / count);
        const ts = `${seconds}.${String(k).padStart(6, '0')}`;
        const author = userIds[randomInt(rng, o.users)];
        const m: Record<string, unknown> = { type: 'message', user: author, text: sentence(rng), ts };
        if (recentRoots.length > 0 && rng() < 0.3) {
          m.thread_ts = recentRoots[randomInt(rng, recentRoots.length)];
          m.parent_user_id = author;
          replies++;
        } else {
          recentRoots.push(ts);
        }
        if (rng() < 0.15) {
          m.text = `<@${userIds[randomInt(rng, o.users)]}> ${m.text as string}`;
          mentions++;
        }
        if (rng() < 0.2) {
          const rs = [];
          const kinds = 1 + randomInt(rng, 3);
          const base = randomInt(rng, emoji.length);
          for (let r = 0; r < kinds; r++) {
            const who = new Set<string>();
            const n = 1 + randomInt(rng, 4);
            for (let u = 0; u < n; u++) who.add(userIds[randomInt(rng, o.users)]);
            rs.push({ name: emoji[(base + r) % emoji.length], users: [...who], count: who.size });
            reactions += who.size;
          }
          m.reactions = rs;
        }
        if (rng() < 0.02) list.push({ type: 'message', subtype: 'channel_join', user: author, text: `<@${author}> has joined the channel`, ts: `${seconds}.${String(k).padStart(5, '0')}9` });
        list.push(m);
      }
      const folder = join(dir, channels[c].name);
      if (d === 0) mkdirSync(folder, { recursive: true });
      const text = JSON.stringify(list, null, 4);
      writeFileSync(join(folder, `${date}.json`), text);
      files++;
      bytes += text.length;
      remaining -= count;
    }
  }
  return { files, bytes, replies, reactions, mentions };
}

function sentence(rng: Rng): string {
  const n = 6 + randomInt(rng, 12);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[randomInt(rng, words.length)]);
  return out.join(' ') + (rng() < 0.2 ? '?' : '.');
}

async function runChild(exportDir: string, dbPath: string) {
  const { closeDatabase, openDatabase, withConnection } = await import('../../analytics/db');
  const { loadSlack } = await import('../../analytics/ingest/slack');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  // The same memory limit the chorus command uses by default (CHORUS_MEMORY_LIMIT).
  const db = await openDatabase(dbPath, { memoryLimit: '1.5GB' });
  const began = performance.now();
  const phases: Record<string, number> = {};
  let last = began;
  const summary = await loadSlack(db, exportDir, {
    onProgress: (e) => {
      if (e.phase === 'reading slack day files') return;
      const now = performance.now();
      phases[e.phase] = (phases[e.phase] ?? 0) + (now - last) / 1000;
      last = now;
    },
  });
  await withConnection(db, (c) => c.run('CHECKPOINT'));
  phases['commit end + checkpoint'] = (performance.now() - last) / 1000;
  const seconds = (performance.now() - began) / 1000;
  closeDatabase(db);
  if (summary.rejected > 0) process.stderr.write(`slack bench: ${summary.rejected} rejects, first: ${JSON.stringify(summary.rejects[0])}\n`);
  process.stdout.write(`${JSON.stringify({ seconds, read: summary.read, loaded: summary.loaded, rejected: summary.rejected, peakRssMb: process.resourceUsage().maxRSS / 1024, phases })}\n`);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') await runChild(args[1], args[2]);
  else {
    const i = args.indexOf('--messages');
    await benchSlack(i >= 0 ? Number(args[i + 1]) : 1_000_000, { keep: args.includes('--keep') });
  }
}
