// Which importer an export needs, recognised from its files (names, headers, first lines);
// `chorus import` says what it detected, and --source overrides it.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../db';
import { ImportInputError, openExport } from './archive';
import { loadCanonical, type ImportOptions } from './canonical';
import { loadEdgeList, looksLikeEdgeList } from './edge-list';
import { loadGenericCsv, looksLikeGenericCsv } from './generic-csv';
import { loadHrRoster, looksLikeHrRoster } from './hr-roster';
import type { ImportSummary } from './load';
import { loadM365, looksLikeM365 } from './m365';
import { loadMattermost } from './mattermost';
import { loadSlack } from './slack';
import { loadStackExchange } from './stackexchange';
import { loadVivaEngage, looksLikeVivaEngage } from './viva-engage';

export const importSources = ['canonical', 'slack', 'mattermost', 'stackexchange', 'viva-engage', 'm365', 'edgelist', 'hr-roster', 'generic-csv'] as const;
export type ImportSource = (typeof importSources)[number];

const loaders: Record<ImportSource, (db: Database, path: string, options: ImportOptions) => Promise<ImportSummary>> = {
  canonical: loadCanonical,
  slack: loadSlack,
  mattermost: loadMattermost,
  stackexchange: loadStackExchange,
  'viva-engage': loadVivaEngage,
  m365: loadM365,
  edgelist: loadEdgeList,
  'hr-roster': loadHrRoster,
  'generic-csv': loadGenericCsv,
};

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  } finally {
    closeSync(fd);
  }
}

/** The source an export's files look like, or null. `files` are paths of every file in it. */
export function detectSource(files: string[]): ImportSource | null {
  const names = new Set(files.map((f) => basename(f).toLowerCase()));
  const has = (name: string) => names.has(name);
  if ((has('people.csv') || has('people.jsonl')) && [...names].some((n) => /^(content|events|interactions)\.(csv|jsonl|ndjson)$/.test(n))) return 'canonical';
  if (has('users.json') && has('channels.json')) return 'slack';
  // Canonical activity files without a people file: the canonical importer says what is missing.
  if ([...names].some((n) => /^(content|events|interactions)\.(csv|jsonl|ndjson)$/.test(n))) return 'canonical';
  if (has('posts.xml')) return 'stackexchange';
  const mattermost = files.some((f) => /\.(jsonl|json)$/i.test(f) && /"type"\s*:\s*"version"/.test(firstLine(f)));
  if (mattermost) return 'mattermost';
  if (looksLikeVivaEngage(files)) return 'viva-engage';
  if (looksLikeM365(files)) return 'm365';
  if (looksLikeGenericCsv(files)) return 'generic-csv';
  if (looksLikeHrRoster(files)) return 'hr-roster';
  if (looksLikeEdgeList(files)) return 'edgelist';
  if ([...names].some((n) => /^(people|spaces|social|programmes)\.(csv|jsonl|ndjson)$/.test(n))) return 'canonical';
  return null;
}

/**
 * Imports an export with the importer for `source`, or the detected one. Returns the summary
 * and the source used. Throws ImportInputError when nothing recognises the files.
 */
export async function loadAny(db: Database, path: string, options: ImportOptions & { source?: ImportSource } = {}): Promise<{ summary: ImportSummary; source: ImportSource; detected: boolean }> {
  let source = options.source;
  if (!source) {
    const opened = openExport(path);
    try {
      source = detectSource(opened.files) ?? undefined;
      if (!source) {
        const listed = opened.files.slice(0, 8).map((f) => basename(f)).join(', ');
        throw new ImportInputError(
          `${options.displayPath ?? path}: the export is not recognised (files: ${listed || 'none'}). Pass --source with one of: ${importSources.join(', ')}.`,
          path,
        );
      }
    } finally {
      opened.cleanup();
    }
  }
  const summary = await loaders[source](db, path, options);
  return { summary, source, detected: options.source === undefined };
}
