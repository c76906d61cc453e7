// Reading tabular export files in JavaScript, for importers that must transform rows before
// staging them (namespaced ids, value mappings, German dates): the text encoding of a file
// (UTF-8 with or without byte-order mark, UTF-16 with one, else Windows-1252 as German Excel
// writes it), CSV records with the physical line each starts on, plain lines for edge lists,
// and the value parsers those files need (dates in several notations, decimal commas).
// Files are read in chunks, so a large export is never held in memory whole.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ImportInputError } from './archive';

const CHUNK = 1 << 20;

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of a byte-order mark to skip (0 when there is none). */
  bomBytes: number;
}

/**
 * The text encoding of a file: a byte-order mark decides; without one, a file that is valid
 * UTF-8 throughout is UTF-8 and any other is read as Windows-1252 (German Excel's "CSV").
 * `forced` overrides the guess (a BOM is still skipped). Throws ImportInputError for a file
 * that holds NUL bytes without a UTF-16 mark (binary data or UTF-16 without byte-order mark).
 */
export function detectEncoding(path: string, label: string, forced?: string): DetectedEncoding {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    if (n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: normaliseEncoding(forced, label) ?? 'utf-8', bomBytes: 3 };
    if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
    if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
    const chosen = normaliseEncoding(forced, label);
    if (chosen) return { encoding: chosen, bomBytes: 0 };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    let utf8 = true;
    for (;;) {
      const size = readSync(fd, buffer, 0, CHUNK, position);
      if (size === 0) break;
      const chunk = buffer.subarray(0, size);
      if (position === 0 && chunk.subarray(0, 4096).includes(0)) {
        throw new ImportInputError(`${label}: not a text file (it holds NUL bytes: binary data, or UTF-16 without a byte-order mark)`, label);
      }
      position += size;
      if (utf8) {
        try {
          decoder.decode(chunk, { stream: true });
        } catch {
          utf8 = false;
          break;
        }
      }
    }
    if (utf8) {
      try {
        decoder.decode();
      } catch {
        utf8 = false; // ends inside a multi-byte character: a truncated file, read as Windows-1252
      }
    }
    return { encoding: utf8 ? 'utf-8' : 'windows-1252', bomBytes: 0 };
  } finally {
    closeSync(fd);
  }
}

function normaliseEncoding(name: string | undefined, label: string): TextEncoding | null {
  if (!name) return null;
  const key = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (key === 'utf-8' || key === 'utf8') return 'utf-8';
  if (['windows-1252', 'cp1252', 'latin1', 'latin-1', 'iso-8859-1', 'iso-8859-15', 'ansi'].includes(key)) return 'windows-1252';
  if (key === 'utf-16le' || key === 'utf-16') return 'utf-16le';
  if (key === 'utf-16be') return 'utf-16be';
  throw new ImportInputError(`${label}: unknown encoding "${name}" (use utf-8 or windows-1252)`, label, 'encoding');
}

/**
 * Decoded text of a file, chunk by chunk, without the byte-order mark. The file is opened for
 * each chunk only, so a generator abandoned half-way holds no file descriptor.
 */
export function* readTextChunks(path: string, detected: DetectedEncoding): Generator<string> {
  const decoder = new TextDecoder(detected.encoding);
  const buffer = Buffer.alloc(CHUNK);
  let position = detected.bomBytes;
  for (;;) {
    const fd = openSync(path, 'r');
    let size: number;
    try {
      size = readSync(fd, buffer, 0, CHUNK, position);
    } finally {
      closeSync(fd);
    }
    if (size === 0) break;
    position += size;
    const text = decoder.decode(buffer.subarray(0, size), { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** True when the file has no bytes at all (or only a byte-order mark and blanks). */
export function isBlankFile(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  if (size > 4096) return false;
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    readSync(fd, buffer, 0, size, 0);
    return buffer.toString('latin1').replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').replace(/\0/g, '').trim() === '';
  } finally {
    closeSync(fd);
  }
}

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  line: number;
  fields: string[];
  /** The record's text as found (capped at 4,000 characters). */
  raw: string;
  /** Set when the record cannot be read (a quote never closed). */
  error?: string;
}

const RAW_CAP = 4000;

/**
 * Parses CSV text pushed in pieces into records. Line breaks are LF, CRLF, CR and runs like
 * "\r\r\n": a break character right after a CR continues the same break, so each of those
 * counts as one line. A break inside quotes belongs to the field. A quote in the middle of an
 * unquoted field is kept as a character. Blank lines are not records.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private raw = '';
  private quoted = false; // inside a quoted field
  private afterQuote = false; // just read a quote inside a quoted field
  private line = 1;
  private recordLine = 1;
  private prev = '';
  private inRecord = false;

  constructor(private readonly delimiter: string) {}

  /** Feeds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const isBreak = ch === '\n' || ch === '\r';
      const continuation = isBreak && this.prev === '\r';
      this.prev = ch;
      if (!this.inRecord) {
        if (isBreak) {
          if (!continuation) this.line++;
          continue;
        }
        this.inRecord = true;
        this.recordLine = this.line;
        this.raw = '';
      }
      if (this.quoted && !this.afterQuote) {
        if (ch === '"') this.afterQuote = true;
        else {
          this.field += ch;
          if (isBreak && !continuation) this.line++;
        }
        this.appendRaw(ch);
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (ch === '"') {
          this.field += '"';
          this.appendRaw(ch);
          continue;
        }
        this.quoted = false; // that quote closed the field; what follows is read normally
      }
      if (isBreak) {
        this.fields.push(this.field);
        out.push(this.finish());
        this.line++;
      } else if (ch === d) {
        this.fields.push(this.field);
        this.field = '';
        this.appendRaw(ch);
      } else if (ch === '"' && this.field.trim() === '') {
        this.quoted = true;
        this.field = '';
        this.appendRaw(ch);
      } else {
        this.field += ch;
        this.appendRaw(ch);
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if one was open. */
  end(): CsvRecord[] {
    if (!this.inRecord) return [];
    const unterminated = this.quoted && !this.afterQuote;
    this.fields.push(this.field);
    const record = this.finish();
    if (unterminated) record.error = 'a quoted field is never closed (unbalanced " quote); the rest of the file was read into it';
    return [record];
  }

  private appendRaw(ch: string): void {
    if (this.raw.length < RAW_CAP) this.raw += ch;
  }

  private finish(): CsvRecord {
    const record: CsvRecord = { line: this.recordLine, fields: this.fields, raw: this.raw };
    this.fields = [];
    this.field = '';
    this.quoted = false;
    this.afterQuote = false;
    this.inRecord = false;
    return record;
  }
}

/** Picks the delimiter of a header line: the most frequent of , ; tab and | outside quotes. */
export function guessDelimiter(line: string): ',' | ';' | '\t' | '|' {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best: ',' | ';' | '\t' | '|' = ',';
  for (const d of [';', '\t', '|'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export interface OpenedCsv {
  label: string;
  encoding: TextEncoding;
  delimiter: string;
  /** Header names as written (trimmed). */
  header: string[];
  headerLine: number;
  /** The data records after the header (a generator: read once). */
  records: Generator<CsvRecord>;
}

/**
 * Opens a CSV file: detects encoding and delimiter, reads the header record and returns a
 * generator over the data records. Throws ImportInputError for an empty file or one whose
 * header cannot be read.
 */
export function openCsv(path: string, label: string, options: { encoding?: string; delimiter?: string } = {}): OpenedCsv {
  if (isBlankFile(path)) throw new ImportInputError(`${label}: the file is empty (no header row)`, label);
  const detected = detectEncoding(path, label, options.encoding);
  const chunks = readTextChunks(path, detected);
  // Read until the first line is complete, for the delimiter guess; those chunks are parsed first.
  let buffered = '';
  let firstLine: string | null = null;
  while (firstLine === null) {
    const next = chunks.next();
    if (next.done) break;
    buffered += next.value;
    const match = /^[\r\n]*([^\r\n]*)[\r\n]/.exec(buffered);
    if (match) firstLine = match[1];
  }
  if (firstLine === null) firstLine = buffered.replace(/^[\r\n]+/, '');
  if (firstLine.trim() === '') throw new ImportInputError(`${label}: the file is empty (no header row)`, label);
  const delimiter = options.delimiter ? unescapeDelimiter(options.delimiter) : guessDelimiter(firstLine);
  const parser = new CsvParser(delimiter);
  const all = (function* (): Generator<CsvRecord> {
    yield* parser.push(buffered);
    for (let next = chunks.next(); !next.done; next = chunks.next()) yield* parser.push(next.value);
    yield* parser.end();
  })();
  const first = all.next();
  if (first.done) throw new ImportInputError(`${label}: the file is empty (no header row)`, label);
  const headerRecord = first.value;
  if (headerRecord.error) throw new ImportInputError(`${label}: the header row cannot be read (${headerRecord.error})`, label);
  const header = headerRecord.fields.map((h) => h.trim());
  return { label, encoding: detected.encoding, delimiter, header, headerLine: headerRecord.line, records: all };
}

function unescapeDelimiter(d: string): string {
  if (d === '\\t' || d.toLowerCase() === 'tab') return '\t';
  if (d.length !== 1) throw new ImportInputError(`delimiter must be one character, got "${d}"`, undefined, 'delimiter');
  return d;
}

export interface TextLine {
  line: number;
  text: string;
}

/** The lines of a text file with their physical numbers; line breaks as in CsvParser. */
export function* readLines(path: string, label: string, encoding?: string): Generator<TextLine> {
  const detected = detectEncoding(path, label, encoding);
  let line = 1;
  let current = '';
  let prev = 0;
  for (const chunk of readTextChunks(path, detected)) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch !== 10 && ch !== 13) {
        prev = ch;
        continue;
      }
      const continuation = prev === 13;
      prev = ch;
      if (!continuation) {
        current += chunk.slice(start, i);
        yield { line, text: current };
        current = '';
        line++;
      }
      start = i + 1;
    }
    current += chunk.slice(start);
  }
  if (current !== '') yield { line, text: current };
}

/** Lower-case, umlauts spelled out, only letters and digits: "E-Mail" → "email", "Führungskraft" → "fuehrungskraft". */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * Parses a date or date-time to canonical text: "YYYY-MM-DD" for a date, and
 * "YYYY-MM-DDTHH:MM:SS" plus the offset when one was written ("Z", "+02:00"); without one the
 * database reads it in the configured time zone. Accepts ISO 8601, "YYYY/MM/DD HH:MM:SS +0000",
 * a trailing "UTC", German "dd.mm.yyyy[ HH:MM[:SS]]" (also two-digit years), or the pattern
 * `format` (tokens yyyy yy mm dd HH MM SS, e.g. "dd.mm.yyyy HH:MM"; other characters literal).
 * Returns null when the text is not such a date or names an impossible one (31.02.).
 */
export function parseDateTime(text: string, format?: string): { value: string; hasTime: boolean } | null {
  const t = text.trim();
  if (t === '') return null;
  if (format) return parseWithFormat(t, format);
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return build(expandYear(m[3]), m[2], m[1], m[4], m[5], m[6], undefined, undefined);
  return null;
}

function expandYear(y: string): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n < 70 ? 2000 + n : 1900 + n);
}

function build(y: string, mo: string, d: string, h?: string, mi?: string, s?: string, frac?: string, zone?: string): { value: string; hasTime: boolean } | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${y.padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return { value: date, hasTime: false };
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = '';
  if (zone) {
    const z = zone.toUpperCase();
    offset = z === 'Z' || z === 'UTC' || z === 'GMT' ? 'Z' : `${z.slice(0, 3)}:${z.slice(-2)}`;
  }
  const fraction = frac ? `.${frac.slice(0, 6)}` : '';
  return { value: `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`, hasTime: true };
}

function parseWithFormat(text: string, format: string): { value: string; hasTime: boolean } | null {
  const tokens = /yyyy|yy|dd|d|mm|m|HH|H|MM|SS/g;
  let pattern = '';
  const order: string[] = [];
  let last = 0;
  for (let match = tokens.exec(format); match; match = tokens.exec(format)) {
    pattern += escapeRegex(format.slice(last, match.index));
    const token = match[0];
    order.push(token);
    pattern += token === 'yyyy' ? '(\\d{4})' : token === 'yy' ? '(\\d{2})' : token.length === 1 ? '(\\d{1,2})' : '(\\d{1,2})';
    last = match.index + token.length;
  }
  pattern += escapeRegex(format.slice(last));
  const m = new RegExp(`^${pattern.replace(/ /g, '\\s+')}$`).exec(text);
  if (!m) return null;
  const parts: Record<string, string> = {};
  order.forEach((token, i) => {
    parts[token[0] === 'y' ? 'y' : token[0] === 'd' ? 'd' : token[0] === 'm' ? 'mo' : token[0] === 'H' ? 'h' : token === 'MM' ? 'mi' : 's'] =
      token === 'yy' ? expandYear(m[i + 1]) : m[i + 1];
  });
  if (!parts.y || !parts.mo || !parts.d) return null;
  return build(parts.y, parts.mo, parts.d, parts.h, parts.h === undefined ? undefined : (parts.mi ?? '00'), parts.s, undefined, undefined);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a number written with a decimal point or a decimal comma ("1,5", "1.234,5",
 * "1,234.5", "2"). Returns null for anything else (letters, two signs, empty).
 */
export function parseDecimal(text: string): number | null {
  let t = text.trim().replace(/\s/g, '');
  if (!/^[+-]?[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (comma >= 0) {
    if (t.indexOf(',') !== comma) return null;
    t = t.replace(',', '.');
  } else if (dot >= 0 && t.indexOf('.') !== dot) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Parses a whole non-negative count ("12"; "1.234" or "1,234" as thousands). Null otherwise. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return null;
}

/** Adds `days` to an ISO date ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
