// Importer of edge lists and ONA exports: lines "source target [timestamp] [weight]"
// separated by spaces, tabs, commas or semicolons, with or without a header, with LF, CRLF or
// "\r\r\n" line ends (as email-Eu-core is found in the wild), plus an optional node file that
// labels people ("person department", or a CSV whose header names id, department, location,
// job_title, name, email, manager).
//
// Mapping: every edge → one row of interactions (channel "edgelist" unless `channel` says
// otherwise; weight 1 unless the file gives one; a decimal comma is read). Self-loops are kept
// as rows (the graph drops them). Nodes → people with their labels; people named only by edges
// become flagged placeholders (the loading pipeline does that). Ids are namespaced with
// `idPrefix` (default "edgelist:"). Without a header the third column is a timestamp when it
// reads as one (ISO date-time, or Unix seconds ≥ 10^9) and a weight otherwise; the fourth is
// the weight. The node file is the one named by `nodes`, else the file whose name says labels,
// nodes, people, persons, vertices or attributes.
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { Database } from '../db';
import { ImportInputError } from './archive';
import type { ImportOptions } from './canonical';
import { fillStoredAttributes, ignoredFilesWarning, runImport, type ImportContext, type StagedRow } from './import-kit';
import type { ImportSummary } from './load';
import { isBlankFile, normaliseName, parseDateTime, parseDecimal, readLines } from './tabular';

export type EdgeColumn = 'source' | 'target' | 'timestamp' | 'weight' | 'skip';

export interface EdgeListOptions extends ImportOptions {
  /** The node (label) file; found by name when absent. */
  nodes?: string;
  /** Prefix that namespaces person ids (default "edgelist:"). */
  idPrefix?: string;
  /** Channel of the interactions (default "edgelist"; e.g. "email", "ona"). */
  channel?: string;
  /** Columns of a file without header, in order (default source, target, then guessed). */
  columns?: EdgeColumn[];
  /** Text encoding; guessed when absent (UTF-8, else Windows-1252). */
  encoding?: string;
}

const edgeAliases: Record<Exclude<EdgeColumn, 'skip'>, string[]> = {
  source: ['source', 'src', 'from', 'sender', 'source_id', 'from_id', 'ego', 'node1', 'u', 'von', 'absender', 'quelle'],
  target: ['target', 'dst', 'to', 'recipient', 'receiver', 'target_id', 'to_id', 'alter', 'node2', 'v', 'an', 'empfaenger', 'ziel'],
  timestamp: ['timestamp', 'time', 'date', 'datetime', 'occurred_at', 'ts', 'created_at', 'zeit', 'datum', 'zeitpunkt'],
  weight: ['weight', 'w', 'count', 'value', 'strength', 'gewicht', 'anzahl', 'wert'],
};

const nodeAliases = {
  id: ['id', 'person_id', 'node', 'node_id', 'person', 'user', 'user_id', 'vertex', 'name_id'],
  display_name: ['name', 'display_name', 'full_name', 'label_name'],
  email: ['email', 'e_mail', 'mail'],
  department: ['department', 'dept', 'abteilung', 'label', 'group', 'community', 'team', 'unit'],
  location: ['location', 'standort', 'site', 'office', 'country', 'city'],
  job_title: ['job_title', 'title', 'position', 'role', 'funktion'],
  manager_id: ['manager', 'manager_id', 'vorgesetzter'],
} as const;

const nodeFileName = /(label|node|people|person|vert|attribute|member)/i;
const textFile = /\.(txt|csv|tsv|edges?|el|edgelist|dat|ncol|net)$|^[^.]+$/i;
const notData = /readme|licen[cs]e|notice|copying|changelog|\.md$|\.json$/i;

/**
 * Imports an edge list (a file, or a folder or .zip with edge files and an optional node file)
 * in one transaction and returns the summary. Throws ImportInputError (failed run recorded,
 * nothing else written) for a missing path or node file, no edge file, an empty edge file, or
 * a header without source and target columns.
 */
export async function loadEdgeList(db: Database, path: string, options: EdgeListOptions = {}): Promise<ImportSummary> {
  return runImport(db, 'edgelist', path, options, async (context) => {
    const { edges, nodes, ignored } = pickFiles(context, path, options.nodes);
    await importEdgeList(context, edges, nodes, ignored, options);
  });
}

/**
 * True when a file looks like an edge list: a header naming source and target, or a name
 * that says edges/links/e-mail/network with 2–4 fields per line, or lines of 2–4 numbers.
 */
export function looksLikeEdgeList(files: string[]): boolean {
  return files.some((f) => {
    if (!textFile.test(basename(f)) || notData.test(basename(f)) || nodeFileName.test(basename(f))) return false;
    try {
      const lines: string[][] = [];
      for (const { text } of readLines(f, basename(f))) {
        if (isComment(text)) continue;
        lines.push(splitFields(text, pickSeparator(text)));
        if (lines.length >= 5) break;
      }
      if (lines.length === 0) return false;
      if (headerColumns(lines[0])) return true;
      const shaped = lines.every((l) => l.length >= 2 && l.length <= 4);
      if (shaped && /(edge|link|mail|ona|network|graph|tie|contact)/i.test(basename(f))) return true;
      return shaped && lines.length >= 2 && lines.every((l) => l.every((t) => /^-?\d+([.,]\d+)?$/.test(t)));
    } catch {
      return false;
    }
  });
}

function pickFiles(context: ImportContext, path: string, nodesOption: string | undefined): { edges: string[]; nodes: string | null; ignored: string[] } {
  let nodes: string | null = null;
  if (nodesOption) {
    nodes = resolve(nodesOption);
    if (isMissing(nodes)) throw new ImportInputError(`${nodesOption}: node file not found`, nodesOption);
  }
  const candidates = context.files.filter((f) => textFile.test(basename(f)) && !notData.test(basename(f)) && f !== nodes);
  const named = nodes ? [] : candidates.filter((f) => nodeFileName.test(basename(f)));
  const edgeCandidates = candidates.filter((f) => !named.includes(f));
  if (edgeCandidates.length === 0) throw new ImportInputError(`${path}: no edge list file found`, path);
  // Use the shallowest folder that holds an edge file; copies in sub-folders are not read twice.
  const depth = (f: string) => relative(context.root, f).split(sep).length;
  const top = Math.min(...edgeCandidates.map(depth));
  const folder = dirname(edgeCandidates.find((f) => depth(f) === top)!);
  const edges = edgeCandidates.filter((f) => dirname(f) === folder);
  const localNodes = named.filter((f) => dirname(f) === folder);
  if (!nodes && localNodes.length > 1) {
    throw new ImportInputError(`${path}: several node files (${localNodes.map(context.label).join(', ')}); name one with the nodes option`, context.label(localNodes[0]));
  }
  if (!nodes && localNodes.length === 1) nodes = localNodes[0];
  const ignored = context.files.filter((f) => !edges.includes(f) && f !== nodes && !notData.test(basename(f)));
  return { edges, nodes, ignored };
}

function isMissing(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return true;
  }
}

async function importEdgeList(context: ImportContext, edgeFiles: string[], nodeFile: string | null, ignored: string[], options: EdgeListOptions): Promise<void> {
  const { session, personId } = context;
  const prefix = options.idPrefix ?? 'edgelist:';
  const pid = (raw: string) => personId(prefix + raw);
  const channel = options.channel ?? 'edgelist';
  const label = (f: string) => (f.startsWith(context.root + sep) ? context.label(f) : basename(f));

  const people: StagedRow[] = [];
  if (nodeFile) people.push(...readNodes(context, nodeFile, label(nodeFile), pid, options.encoding));

  // Edges stream into the stage: a file of millions of lines is never held as rows.
  let comments = 0;
  function* edges(): Generator<StagedRow> {
    for (const path of edgeFiles) {
      const file = label(path);
      if (isBlankFile(path)) throw new ImportInputError(`${file}: the file is empty (no edges)`, file);
      let layout: EdgeColumn[] | null = options.columns ?? null;
      let separator: string | null = null;
      let first = true;
      for (const line of readLines(path, file, options.encoding)) {
        if (isComment(line.text)) {
          if (line.text.trim() !== '') comments++;
          continue;
        }
        separator ??= pickSeparator(line.text);
        const fields = splitFields(line.text, separator);
        if (first) {
          first = false;
          const named = headerColumns(fields);
          if (named) {
            layout = named;
            continue;
          }
          if (!options.columns && looksLikeOtherHeader(fields)) {
            throw new ImportInputError(`${file}: the header "${fields.join(' ')}" names no source and target column (use source/target, from/to or sender/recipient)`, file, 'source');
          }
        }
        layout ??= guessLayout(fields);
        const parsed = parseEdge(fields, layout);
        if ('error' in parsed) {
          session.rejectEarly({ file, line: line.line, column: parsed.column, value: parsed.value, reason: parsed.error, raw: line.text } as never);
          continue;
        }
        yield { file, line: line.line, values: { source_id: pid(parsed.source), target_id: pid(parsed.target), occurred_at: parsed.at, channel, weight: parsed.weight } };
      }
      if (first) throw new ImportInputError(`${file}: the file holds no edges (only comments or blank lines)`, file);
    }
  }
  await fillStoredAttributes(context.connection, people);
  await session.stageRows('people', people);
  await session.stageRows('interactions', edges());
  if (comments > 0) session.warnings.push(`${comments} comment line${comments === 1 ? '' : 's'} (# or %) skipped`);
  const ignoredWarning = ignoredFilesWarning(ignored.map(label), 'edge list');
  if (ignoredWarning) session.warnings.push(ignoredWarning);
  if (!nodeFile) session.warnings.push('No node file: every person is a placeholder without department or location');
}

function readNodes(context: ImportContext, path: string, file: string, pid: (raw: string) => string, encoding?: string): StagedRow[] {
  const { session } = context;
  if (isBlankFile(path)) throw new ImportInputError(`${file}: the node file is empty`, file);
  const out: StagedRow[] = [];
  const seen = new Map<string, number>();
  let separator: string | null = null;
  let columns: Partial<Record<keyof typeof nodeAliases, number>> | null = null;
  let width = 0;
  for (const line of readLines(path, file, encoding)) {
    if (isComment(line.text)) continue;
    separator ??= pickSeparator(line.text);
    const fields = splitFields(line.text, separator);
    if (columns === null) {
      const names = fields.map(normaliseName);
      const idIndex = names.findIndex((n) => (nodeAliases.id as readonly string[]).map(normaliseName).includes(n));
      if (idIndex >= 0 && !/^\d+$/.test(fields[idIndex])) {
        columns = {};
        for (const key of Object.keys(nodeAliases) as (keyof typeof nodeAliases)[]) {
          const index = names.findIndex((n) => nodeAliases[key].map(normaliseName).includes(n));
          if (index >= 0) columns[key] = index;
        }
        width = fields.length;
        continue;
      }
      columns = { id: 0, department: 1 }; // "person label" without header
      width = 0;
    }
    const reject = (column: string | null, value: string | null, reason: string) =>
      session.rejectEarly({ file, line: line.line, column, value, reason, raw: line.text } as never);
    if (width > 0 && fields.length !== width) {
      reject(null, null, `malformed row: ${fields.length} fields where the header has ${width}`);
      continue;
    }
    if (width === 0 && fields.length > 2) {
      reject(null, null, `malformed row: ${fields.length} fields where "person label" has 2`);
      continue;
    }
    const get = (key: keyof typeof nodeAliases) => {
      const i = columns![key];
      const v = i === undefined ? undefined : fields[i];
      return v === undefined || v === '' ? null : v;
    };
    const id = get('id');
    if (!id) {
      reject('id', null, 'missing person id');
      continue;
    }
    if (seen.has(id)) {
      reject('id', id, `duplicate person id (line ${seen.get(id)} has the same one)`);
      continue;
    }
    seen.set(id, line.line);
    const manager = get('manager_id');
    out.push({
      file,
      line: line.line,
      values: {
        person_id: pid(id),
        display_name: get('display_name'),
        email: get('email'),
        department: get('department'),
        location: get('location'),
        job_title: get('job_title'),
        manager_id: manager ? pid(manager) : null,
      },
    });
  }
  return out;
}

function isComment(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith('#') || t.startsWith('%') || t.startsWith('//');
}

/** Tab, semicolon or comma when the line holds one (in that order), else runs of blanks. */
function pickSeparator(text: string): string {
  if (text.includes('\t')) return '\t';
  if (text.includes(';')) return ';';
  if (text.includes(',')) return ',';
  return ' ';
}

function splitFields(text: string, separator: string): string[] {
  const t = text.trim();
  const parts = separator === '\t' || separator === ' ' ? t.split(/\s+/) : t.split(separator);
  return parts.map((p) => p.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
}

function headerColumns(fields: string[]): EdgeColumn[] | null {
  const names = fields.map(normaliseName);
  const columns = names.map((n) => {
    for (const key of Object.keys(edgeAliases) as (keyof typeof edgeAliases)[]) if (edgeAliases[key].map(normaliseName).includes(n)) return key;
    return 'skip' as const;
  });
  return columns.includes('source') && columns.includes('target') ? columns : null;
}

/** A first line of words that reads as a header, but without source and target ("sender_mail;receiver_mail;date"). */
function looksLikeOtherHeader(fields: string[]): boolean {
  if (fields.some((f) => /^\d/.test(f))) return false;
  const known = new Set([...Object.values(edgeAliases).flat(), 'id', 'name'].map(normaliseName));
  return fields.some((f) => known.has(normaliseName(f)));
}

function guessLayout(fields: string[]): EdgeColumn[] {
  const layout: EdgeColumn[] = ['source', 'target'];
  if (fields.length >= 3) layout.push(readsAsTime(fields[2]) ? 'timestamp' : 'weight');
  if (fields.length >= 4) layout.push(layout[2] === 'timestamp' ? 'weight' : 'timestamp');
  return layout;
}

function readsAsTime(text: string): boolean {
  if (/^\d+$/.test(text)) return Number(text) >= 1e9;
  return parseDateTime(text) !== null;
}

type ParsedEdge = { source: string; target: string; at: string | null; weight: string | null } | { error: string; column: string | null; value: string | null };

function parseEdge(fields: string[], layout: EdgeColumn[]): ParsedEdge {
  if (fields.length < 2) return { error: 'an edge needs a source and a target', column: 'target', value: null };
  if (fields.length > layout.length) return { error: `malformed row: ${fields.length} fields where ${layout.length} are expected (${layout.join(', ')})`, column: null, value: null };
  const get = (c: EdgeColumn) => {
    const i = layout.indexOf(c);
    const v = i >= 0 ? fields[i] : undefined;
    return v === undefined || v === '' ? null : v;
  };
  const source = get('source');
  const target = get('target');
  if (!source) return { error: 'missing source', column: 'source', value: null };
  if (!target) return { error: 'missing target', column: 'target', value: null };
  const timeRaw = get('timestamp');
  let at: string | null = null;
  if (timeRaw) {
    if (/^\d+$/.test(timeRaw)) {
      const n = Number(timeRaw);
      const ms = n >= 1e12 ? n : n * 1000;
      const d = new Date(ms);
      if (n < 1e9 || Number.isNaN(d.getTime()) || d.getUTCFullYear() > 2200) return { error: 'unparsable timestamp (expected ISO 8601 or Unix seconds)', column: 'timestamp', value: timeRaw };
      at = d.toISOString();
    } else {
      const parsed = parseDateTime(timeRaw);
      if (!parsed) return { error: 'unparsable timestamp (expected ISO 8601 or Unix seconds)', column: 'timestamp', value: timeRaw };
      at = parsed.value;
    }
  }
  const weightRaw = get('weight');
  let weight: string | null = null;
  if (weightRaw) {
    const w = parseDecimal(weightRaw);
    if (w === null || !(w > 0)) return { error: 'weight must be a positive number', column: 'weight', value: weightRaw };
    weight = String(w);
  }
  return { source, target, at, weight };
}
