// A small streaming reader for "row files": XML documents whose root holds one empty element
// per line, <row Attr="value" … />, as the Stack Exchange data dump writes them. It reads the
// file in chunks, so memory stays flat for a dump of any size, and reports every line it
// cannot read (with its number and the reason) instead of giving up on the whole file.
// Not a general XML parser: no nested elements, no multi-line rows, no DTDs.
import { closeSync, openSync, readSync } from 'node:fs';

export interface XmlRow {
  line: number;
  attributes: Record<string, string>;
  raw: string;
}

export interface XmlRowProblem {
  line: number;
  reason: string;
  raw: string;
}

export type XmlRowItem = { row: XmlRow; problem?: undefined } | { problem: XmlRowProblem; row?: undefined };

/** What the reader saw of the document around the rows. */
export interface XmlRowsInfo {
  /** Name of the root element, null while none was seen. */
  root: string | null;
  /** Whether the root's closing tag was seen. */
  closed: boolean;
  rows: number;
  lines: number;
}

const CHUNK = 1 << 20;

/**
 * Reads `path` line by line and yields each <row …/> with its attributes (entities decoded),
 * or a problem for a line that is not a well-formed row: a broken attribute, an unknown
 * entity, an unclosed element, bytes that are not UTF-8, a row outside the root. A file that
 * ends before the root's closing tag yields a final problem (truncated). A UTF-8 byte-order
 * mark is skipped. `info` is filled in as the file is read.
 */
export function* readXmlRows(path: string, info: XmlRowsInfo = { root: null, closed: false, rows: 0, lines: 0 }): Generator<XmlRowItem> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.alloc(CHUNK);
  let pending = '';
  let lineNo = 0;
  let first = true;
  try {
    for (;;) {
      const size = readSync(fd, buffer, 0, CHUNK, null);
      let text = size === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, size), { stream: true });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      pending += text;
      let start = 0;
      for (;;) {
        const end = pending.indexOf('\n', start);
        if (end < 0) break;
        lineNo++;
        const item = classify(pending.slice(start, end), lineNo, info);
        if (item) yield item;
        start = end + 1;
      }
      pending = pending.slice(start);
      if (size === 0) break;
    }
    if (pending !== '') {
      lineNo++;
      const item = classify(pending, lineNo, info);
      if (item) yield item;
    }
    info.lines = lineNo;
    if (info.root !== null && !info.closed) {
      yield { problem: { line: lineNo, reason: `the file ends before </${info.root}> (truncated?); the rows before were read`, raw: pending.slice(-200) } };
    }
  } finally {
    closeSync(fd);
  }
}

function classify(rawLine: string, line: number, info: XmlRowsInfo): XmlRowItem | null {
  const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  const text = raw.trim();
  if (text === '') return null;
  if (text.includes('\uFFFD')) return { problem: { line, reason: 'contains bytes that are not UTF-8 (is the file in another encoding?)', raw } };
  if (text.startsWith('<row') && (text.length === 4 || /[\s/]/.test(text[4]))) {
    if (info.root === null) return { problem: { line, reason: 'a row before the root element', raw } };
    if (info.closed) return { problem: { line, reason: `a row after </${info.root}>`, raw } };
    const parsed = parseRowElement(text);
    if (typeof parsed === 'string') return { problem: { line, reason: `malformed row: ${parsed}`, raw } };
    info.rows++;
    return { row: { line, attributes: parsed, raw } };
  }
  if (text.startsWith('<?xml')) {
    if (!text.endsWith('?>')) return { problem: { line, reason: 'malformed XML declaration', raw } };
    return null;
  }
  if (text.startsWith('<!--') && text.endsWith('-->')) return null;
  const open = /^<([A-Za-z_][\w.-]*)\s*(\/?)>$/.exec(text);
  if (open && info.root === null) {
    info.root = open[1];
    info.closed = open[2] === '/';
    return null;
  }
  const close = /^<\/([A-Za-z_][\w.-]*)\s*>$/.exec(text);
  if (close && info.root !== null && close[1] === info.root && !info.closed) {
    info.closed = true;
    return null;
  }
  return { problem: { line, reason: 'not a <row … /> element', raw } };
}

/**
 * Parses one `<row a="1" b='x' />` element into its attributes, or returns the reason it is
 * malformed.
 */
export function parseRowElement(text: string): Record<string, string> | string {
  const attributes: Record<string, string> = {};
  const n = text.length;
  let i = 4; // after "<row"
  for (;;) {
    const before = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return 'the element is not closed with "/>"';
    if (text.charCodeAt(i) === 0x2f /* / */) {
      if (text.charCodeAt(i + 1) !== 0x3e || i + 2 !== n) return 'unexpected text after "/"';
      return attributes;
    }
    if (text.charCodeAt(i) === 0x3e /* > */) return 'a row must be an empty element ("/>"), found ">"';
    if (i === before) return `attributes must be separated by white space (at column ${i + 1})`;
    const nameStart = i;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    if (i === nameStart) return `unexpected character "${text[i]}" at column ${i + 1}`;
    const name = text.slice(nameStart, i);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d /* = */) return `attribute ${name} has no value`;
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return `the value of ${name} is not quoted`;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return `the value of ${name} is not closed`;
    const value = decodeXmlText(text.slice(i + 1, close));
    if (value === null) return `the value of ${name} has a bare "&", a "<" or an unknown entity`;
    if (Object.prototype.hasOwnProperty.call(attributes, name)) return `attribute ${name} appears twice`;
    attributes[name] = value;
    i = close + 1;
  }
}

/** Decodes the five XML entities and character references; null when the text is not valid XML text. */
export function decodeXmlText(text: string): string | null {
  if (text.includes('<')) return null;
  if (!text.includes('&')) return text;
  let out = '';
  let last = 0;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', last)) {
    const semi = text.indexOf(';', at);
    if (semi < 0) return null;
    const entity = text.slice(at + 1, semi);
    let decoded: string | null;
    if (entity.startsWith('#x') || entity.startsWith('#X')) decoded = codePoint(/^[0-9a-fA-F]{1,6}$/.test(entity.slice(2)) ? parseInt(entity.slice(2), 16) : NaN);
    else if (entity.startsWith('#')) decoded = codePoint(/^\d{1,7}$/.test(entity.slice(1)) ? parseInt(entity.slice(1), 10) : NaN);
    else decoded = xmlEntities[entity] ?? null;
    if (decoded === null) return null;
    out += text.slice(last, at) + decoded;
    last = semi + 1;
  }
  return out + text.slice(last);
}

const xmlEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
  return String.fromCodePoint(n);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a;
}

/** Reads the name of the document's root element from the start of a file; null when there is none. */
export function peekXmlRoot(path: string): { root: string | null; empty: boolean; notUtf8: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const size = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, size).toString('utf8').replace(/^\uFEFF/, '');
    if (text.trim() === '') return { root: null, empty: true, notUtf8: false };
    const match = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*)[\s/>]/.exec(text);
    return { root: match ? match[1] : null, empty: false, notUtf8: !match && text.includes('\uFFFD') };
  } finally {
    closeSync(fd);
  }
}
