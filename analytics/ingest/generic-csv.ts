// Importer of any other tool's activity log as a CSV with a column mapping: `mapping.json`
// next to the CSV (or `<name>.mapping.json`, or the `mapping` option) names the columns that
// hold actor, time, action, content and target, and may map action values to canonical
// actions, e.g. {"Gefällt mir": "reaction", "Aufruf": "view"}. German Excel files work:
// ";" delimiter, Windows-1252 or UTF-8 with byte-order mark, "dd.mm.yyyy HH:MM" times (read in
// the configured time zone, Europe/Berlin by default) and decimal commas.
//
// Mapping of a row by its (mapped) action:
// - post → content (kind post; id from the content column, else the id column, else derived)
// - comment → content (kind comment) whose parent is the item in the content column
// - view, reaction, share → an event on the item in the content column (which must be a post
//   or comment of this file or already stored; page views of pages that are not content in
//   Chorus should be mapped to "login", which counts the person as active that day)
// - mention, praise → an event addressed to the person in the target column
// - login, join → an event of the actor
// - interaction → a person-to-person tie to the target (weight column optional; channel
//   from the mapping, default "generic")
// Ids are namespaced with `idPrefix` (default "generic:"): people "<prefix><actor>", content
// "<prefix>content:<id>", spaces (a space column's values) "<prefix>space:<name>". Actors and targets are not described by the file, so they become
// flagged placeholder accounts unless another import knows them. Without an id column an
// event's id is a hash of the row plus its occurrence number, so two identical rows are two
// facts and a re-import matches them row for row.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { Database } from '../db';
import { ImportInputError } from './archive';
import type { ImportOptions } from './canonical';
import { cell, rejectRow, runImport, storedContentIds, usableRecord, type ImportContext, type StagedRow } from './import-kit';
import type { ImportSummary } from './load';
import { normaliseName, openCsv, parseDateTime, parseDecimal, type CsvRecord } from './tabular';

export const canonicalActions = ['post', 'comment', 'view', 'reaction', 'share', 'mention', 'praise', 'login', 'join', 'interaction'] as const;
export type GenericAction = (typeof canonicalActions)[number];

const fields = ['actor', 'time', 'action', 'content', 'target', 'id', 'space', 'title', 'body', 'detail', 'weight'] as const;
type Field = (typeof fields)[number];

const mappingSchema = z
  .object({
    columns: z.partialRecord(z.enum(fields), z.string().min(1)).optional(),
    actions: z.record(z.string(), z.enum(canonicalActions)).optional(),
    defaultAction: z.enum(canonicalActions).optional(),
    dateFormat: z.string().min(2).optional(),
    delimiter: z.string().min(1).max(3).optional(),
    encoding: z.string().optional(),
    idPrefix: z.string().max(40).optional(),
    channel: z.string().max(40).optional(),
  })
  .catchall(z.unknown());

/** A column mapping: which header names the fields, how actions and dates are written. */
export interface GenericMapping {
  columns?: Partial<Record<Field, string>>;
  /** Source value → canonical action (compared trimmed and case-insensitively). */
  actions?: Record<string, GenericAction>;
  /** The action of every row when the file has no action column. */
  defaultAction?: GenericAction;
  /** Pattern of the time column (tokens yyyy yy mm dd HH MM SS), e.g. "dd.mm.yyyy HH:MM". */
  dateFormat?: string;
  delimiter?: string;
  encoding?: string;
  idPrefix?: string;
  channel?: string;
}

export interface GenericCsvOptions extends ImportOptions {
  /** The mapping; when absent, mapping.json (or <csv name>.mapping.json) next to the CSV. */
  mapping?: GenericMapping;
}

/**
 * Imports a CSV activity log through a column mapping, in one transaction. Throws
 * ImportInputError (failed run recorded, nothing else written) for a missing or empty file,
 * no or an invalid mapping, a mapping that names a column the header lacks, or no actor or
 * time column.
 */
export async function loadGenericCsv(db: Database, path: string, options: GenericCsvOptions = {}): Promise<ImportSummary> {
  return runImport(db, 'generic-csv', path, options, async (context) => {
    const csvFiles = context.files.filter((f) => /\.(csv|txt|tsv)$/i.test(f));
    if (csvFiles.length === 0) throw new ImportInputError(`${path}: no CSV file found`, path);
    if (csvFiles.length > 1) throw new ImportInputError(`${path}: several CSV files (${csvFiles.map(context.label).join(', ')}); import one at a time`, context.label(csvFiles[1]));
    const csvPath = csvFiles[0];
    const mapping = options.mapping ? checkMapping(options.mapping, 'mapping option') : readMapping(csvPath, context.files);
    await importGeneric(context, csvPath, mapping);
  });
}

/** True when the files hold a CSV and a mapping.json (or <name>.mapping.json) for it. */
export function looksLikeGenericCsv(files: string[]): boolean {
  const csv = files.filter((f) => /\.(csv|txt|tsv)$/i.test(f));
  return csv.length === 1 && (files.some((f) => basename(f).toLowerCase() === 'mapping.json') || files.some((f) => basename(f).toLowerCase() === mappingNameFor(csv[0]).toLowerCase()));
}

function mappingNameFor(csvPath: string): string {
  return `${basename(csvPath).replace(/\.[^.]+$/, '')}.mapping.json`;
}

function readMapping(csvPath: string, files: string[]): GenericMapping {
  const candidates = [join(dirname(csvPath), mappingNameFor(csvPath)), join(dirname(csvPath), 'mapping.json'), ...files.filter((f) => basename(f).toLowerCase() === 'mapping.json')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new ImportInputError(`${basename(csvPath)}: no column mapping (put mapping.json next to the CSV, naming the columns for actor, time and action)`, 'mapping.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(found, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportInputError(`${basename(found)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, basename(found));
  }
  return checkMapping(parsed, basename(found));
}

function checkMapping(input: unknown, label: string): GenericMapping {
  const result = mappingSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportInputError(`${label}: invalid mapping at "${issue.path.join('.') || '(top)'}": ${issue.message}`, label, issue.path.map(String).join('.') || undefined);
  }
  const m = result.data;
  // Field names may also be given at the top level ({"actor": "Benutzer", ...}).
  const columns: Partial<Record<Field, string>> = { ...(m.columns ?? {}) };
  for (const field of fields) {
    const value = (m as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() !== '' && columns[field] === undefined) columns[field] = value;
    else if (value !== undefined && typeof value !== 'string') throw new ImportInputError(`${label}: "${field}" must name a column`, label, field);
  }
  return { columns, actions: m.actions, defaultAction: m.defaultAction, dateFormat: m.dateFormat, delimiter: m.delimiter, encoding: m.encoding, idPrefix: m.idPrefix, channel: m.channel };
}

/** A row read through the mapping (before the checks that need the whole file). */
interface MappedRow {
  action: GenericAction;
  actor: string;
  time: string;
  item: string | null;
  target: string | null;
  id: string | null;
  detail: string | null;
}

const actsOnContent: readonly GenericAction[] = ['comment', 'view', 'reaction', 'share'];

/**
 * Numbers repeats of the same derived key (1, 2, …) in file order. Keys seen once are kept as
 * 52-bit numbers only, so millions of rows cost little memory; a collision of two different
 * keys just numbers the later one 2, which is still unique and stable on re-import.
 */
class Occurrences {
  private readonly seen = new Set<number>();
  private readonly repeats = new Map<string, number>();

  next(key: string): number {
    const short = parseInt(key.slice(0, 13), 16);
    if (!this.seen.has(short)) {
      this.seen.add(short);
      return 1;
    }
    const n = (this.repeats.get(key) ?? 1) + 1;
    this.repeats.set(key, n);
    return n;
  }
}

async function importGeneric(context: ImportContext, path: string, mapping: GenericMapping): Promise<void> {
  const { session, personId } = context;
  const file = context.label(path);
  const csv = openCsv(path, file, { encoding: mapping.encoding, delimiter: mapping.delimiter });
  // The second pass reads with what the first detected (no second encoding scan).
  const open = () => openCsv(path, file, { encoding: csv.encoding, delimiter: csv.delimiter });
  const width = csv.header.length;
  const normalised = csv.header.map(normaliseName);
  const col: Partial<Record<Field, number>> = {};
  for (const [field, name] of Object.entries(mapping.columns ?? {}) as [Field, string][]) {
    const index = csv.header.indexOf(name.trim()) >= 0 ? csv.header.indexOf(name.trim()) : normalised.indexOf(normaliseName(name));
    if (index < 0) throw new ImportInputError(`${file}: the mapping names column "${name}" for ${field}, but the header has no such column (found: ${csv.header.join(', ')})`, file, name);
    col[field] = index;
  }
  if (col.actor === undefined) throw new ImportInputError(`${file}: the mapping names no column for actor (required)`, file, 'actor');
  if (col.time === undefined) throw new ImportInputError(`${file}: the mapping names no column for time (required)`, file, 'time');
  if (col.action === undefined && !mapping.defaultAction) throw new ImportInputError(`${file}: the mapping names no column for action and no defaultAction`, file, 'action');

  const prefix = mapping.idPrefix ?? 'generic:';
  const person = (raw: string) => personId(prefix + raw);
  const contentKey = (raw: string) => `${prefix}content:${raw}`;
  const actionMap = new Map<string, GenericAction>();
  for (const [from, to] of Object.entries(mapping.actions ?? {})) actionMap.set(from.normalize('NFC').trim().toLowerCase(), to);
  const channel = mapping.channel ?? 'generic';
  const header = (field: Field) => (col[field] === undefined ? field : csv.header[col[field]!]);

  /** The row through the mapping, or the field and reason that make it a reject. */
  const mapRow = (record: CsvRecord): MappedRow | { field: Field; reason: string } => {
    const actor = cell(record, col.actor);
    if (!actor) return { field: 'actor', reason: 'missing actor' };
    const timeRaw = cell(record, col.time);
    const parsed = timeRaw ? parseDateTime(timeRaw, mapping.dateFormat) : null;
    if (!parsed) return { field: 'time', reason: timeRaw ? `unparsable time (expected ${mapping.dateFormat ?? 'ISO 8601 or DD.MM.YYYY HH:MM'})` : 'missing time' };
    const actionRaw = col.action === undefined ? null : cell(record, col.action);
    const action = actionRaw ? mapAction(actionRaw, actionMap) : (mapping.defaultAction ?? null);
    if (!action) {
      return { field: 'action', reason: actionRaw ? `unknown action "${actionRaw}" (map it to one of ${canonicalActions.join(', ')} in the mapping's "actions")` : 'missing action' };
    }
    const item = cell(record, col.content);
    const target = cell(record, col.target);
    if (actsOnContent.includes(action) && !item) return { field: 'content', reason: `missing content (the item this ${action} is about)` };
    if ((action === 'mention' || action === 'praise' || action === 'interaction') && !target) return { field: 'target', reason: `missing target (the person this ${action} addresses)` };
    const time = parsed.hasTime ? parsed.value : `${parsed.value}T00:00:00`;
    return { action, actor, time, item, target, id: cell(record, col.id), detail: cell(record, col.detail) };
  };

  // Pass 1: which posts the file holds and which items rows act on (no rejects yet).
  const postIds = new Set<string>();
  const referenced = new Set<string>();
  for (const record of csv.records) {
    if (record.error || record.fields.length !== width) continue;
    const row = mapRow(record);
    if ('reason' in row) continue;
    if (row.action === 'post' && (row.item ?? row.id)) postIds.add(contentKey((row.item ?? row.id)!));
    else if (actsOnContent.includes(row.action)) referenced.add(contentKey(row.item!));
  }
  const stored = await storedContentIds(context.connection, [...referenced].filter((c) => !postIds.has(c)));

  // Pass 2: rows to stage. Events (the bulk) stream into the stage; the rest is collected.
  const content: StagedRow[] = [];
  const interactions: StagedRow[] = [];
  const spaces = new Map<string, StagedRow>();
  const seenPosts = new Set<string>();
  const occurrences = new Occurrences();
  const derived = (kind: string, parts: (string | null)[]) => {
    const hash = createHash('md5').update(`${kind}\u0001${parts.map((p) => p ?? '').join('\u0001')}`).digest('hex').slice(0, 20);
    return `${kind}:${hash}:${occurrences.next(hash)}`;
  };
  const spaceOf = (record: CsvRecord) => {
    const name = cell(record, col.space);
    if (!name) return null;
    const sid = `${prefix}space:${name}`;
    if (!spaces.has(sid)) spaces.set(sid, { file, line: record.line, values: { space_id: sid, name, kind: 'community' } });
    return sid;
  };
  let notFound = 0;
  function* events(): Generator<StagedRow> {
    for (const record of open().records) {
      if (!usableRecord(session, record, width, file)) continue;
      const row = mapRow(record);
      const reject = (field: Field, reason: string) => rejectRow(session, record, file, header(field), cell(record, col[field]), reason);
      if ('reason' in row) {
        reject(row.field, row.reason);
        continue;
      }
      const { action, actor, time, item, target, id, detail } = row;
      if (action === 'post') {
        const cid = contentKey(item ?? id ?? derived('post', [actor, time, cell(record, col.title), cell(record, col.body)]));
        if (seenPosts.has(cid)) {
          reject(item ? 'content' : 'id', 'duplicate post id (an earlier row has the same one)');
          continue;
        }
        seenPosts.add(cid);
        content.push({ file, line: record.line, values: contentValues(record, col, cid, person(actor), time, 'post', null, spaceOf(record)) });
      } else if (actsOnContent.includes(action)) {
        const cid = contentKey(item!);
        if (!postIds.has(cid) && !stored.has(cid)) {
          notFound++;
          reject('content', 'content not found (the item is not a post of this file nor stored); map page views of other pages to "login"');
          continue;
        }
        if (action === 'comment') {
          const own = contentKey(id ?? derived('comment', [actor, time, item, cell(record, col.body)]));
          content.push({ file, line: record.line, values: contentValues(record, col, own, person(actor), time, 'comment', cid, spaceOf(record)) });
        } else {
          const eventId = id ? `${prefix}event:${id}` : prefix + derived('h', [time, actor, action, item, detail]);
          yield { file, line: record.line, values: { event_id: eventId, occurred_at: time, actor_id: person(actor), action, content_id: cid, detail } };
        }
      } else if (action === 'interaction') {
        const weightRaw = cell(record, col.weight);
        const weight = weightRaw ? parseDecimal(weightRaw) : 1;
        if (weight === null || !(weight > 0)) {
          reject('weight', 'weight must be a positive number (a decimal comma is fine)');
          continue;
        }
        interactions.push({ file, line: record.line, values: { source_id: person(actor), target_id: person(target!), occurred_at: time, channel, weight: String(weight) } });
      } else {
        const eventId = id ? `${prefix}event:${id}` : prefix + derived('h', [time, actor, action, target, item, detail]);
        const targetId = action === 'mention' || action === 'praise' ? person(target!) : null;
        yield { file, line: record.line, values: { event_id: eventId, occurred_at: time, actor_id: person(actor), action, target_id: targetId, detail } };
      }
    }
  }
  await session.stageRows('events', events());
  if (notFound > 0) session.warnings.push(`${notFound} row${notFound === 1 ? '' : 's'} acted on content that is neither a post of this file nor stored (rejected)`);
  if (csv.encoding === 'windows-1252') session.warnings.push(`${file}: read as Windows-1252 (not valid UTF-8)`);
  await session.stageRows('spaces', spaces.values());
  await session.stageRows('content', content);
  await session.stageRows('interactions', interactions);
}

function mapAction(raw: string, actionMap: Map<string, GenericAction>): GenericAction | null {
  const key = raw.normalize('NFC').trim().toLowerCase();
  const mapped = actionMap.get(key);
  if (mapped) return mapped;
  return (canonicalActions as readonly string[]).includes(key) ? (key as GenericAction) : null;
}

function contentValues(record: CsvRecord, col: Partial<Record<Field, number>>, cid: string, author: string, time: string, kind: 'post' | 'comment', parent: string | null, space: string | null): StagedRow['values'] {
  const body = col.body === undefined ? null : record.fields[col.body];
  return { content_id: cid, author_id: author, created_at: time, kind, parent_id: parent, space_id: space, title: cell(record, col.title), body: body && body.trim() !== '' ? body : null };
}
