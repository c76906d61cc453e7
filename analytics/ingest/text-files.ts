// Small readers for export files: the header row of a CSV, and the physical line and raw
// text of given records, which DuckDB's parallel reader does not report for rows that a
// later check rejects. Both read only what they need, so a 1 GB file costs one pass at most.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

export interface CsvHeader {
  columns: string[];
  delimiter: ',' | ';' | '\t';
  hasBom: boolean;
}

/** Reads the first record of a CSV file; throws when the file is empty. */
export function readCsvHeader(path: string): CsvHeader {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const size = readSync(fd, buffer, 0, buffer.length, 0);
    let text = buffer.subarray(0, size).toString('utf8');
    const hasBom = text.charCodeAt(0) === 0xfeff;
    if (hasBom) text = text.slice(1);
    let end = 0;
    let quoted = false;
    while (end < text.length) {
      const ch = text[end];
      if (ch === '"') quoted = !quoted;
      else if ((ch === '\n' || ch === '\r') && !quoted) break;
      end++;
    }
    const line = text.slice(0, end);
    if (line.trim() === '') throw new Error('the file is empty (no header row)');
    const delimiter = pickDelimiter(line);
    return { columns: splitCsvLine(line, delimiter).map((c) => c.trim()), delimiter, hasBom };
  } finally {
    closeSync(fd);
  }
}

function pickDelimiter(line: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[','] >= counts[';'] && counts[','] >= counts['\t']) return ',';
  return counts[';'] >= counts['\t'] ? ';' : '\t';
}

/** Splits one CSV record (no line breaks outside quotes) into fields. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export interface RecordLocation {
  line: number;
  raw: string;
}

/**
 * Finds the physical line (1-based) and raw text of CSV records by record number, counted
 * as DuckDB counts them: the header is record 1, a line break inside quotes does not start
 * a record, blank lines are not records. Unknown record numbers are absent from the result.
 */
export function locateCsvRecords(path: string, recordNumbers: number[]): Map<number, RecordLocation> {
  const wanted = new Set(recordNumbers);
  const found = new Map<number, RecordLocation>();
  if (wanted.size === 0) return found;
  const last = Math.max(...recordNumbers);
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(CHUNK);
  let position = 0;
  let line = 1;
  let record = 0;
  let quoted = false;
  let recordStartLine = 1;
  let inRecord = false;
  let current: number[] | null = null; // bytes of a wanted record
  let pendingCr = false;
  const finish = () => {
    if (current && wanted.has(record)) {
      found.set(record, { line: recordStartLine, raw: Buffer.from(current).toString('utf8').replace(/^\uFEFF/, '') });
    }
    current = null;
    inRecord = false;
  };
  try {
    outer: for (;;) {
      const size = readSync(fd, buffer, 0, CHUNK, position);
      if (size === 0) break;
      position += size;
      for (let i = 0; i < size; i++) {
        const byte = buffer[i];
        if (byte === 0x0a && pendingCr) {
          pendingCr = false;
          if (current && quoted) (current as number[]).push(byte);
          continue;
        }
        pendingCr = false;
        const isBreak = byte === 0x0a || byte === 0x0d;
        if (!inRecord) {
          if (isBreak) {
            line++;
            pendingCr = byte === 0x0d;
            continue;
          }
          inRecord = true;
          record++;
          recordStartLine = line;
          if (record > last) break outer;
          current = wanted.has(record) ? [] : null;
        }
        if (byte === 0x22) quoted = !quoted;
        if (isBreak) {
          line++;
          pendingCr = byte === 0x0d;
          if (!quoted) {
            finish();
            continue;
          }
        }
        if (current) (current as number[]).push(byte);
      }
    }
    if (inRecord) finish();
  } finally {
    closeSync(fd);
  }
  return found;
}
