import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { CsvParser, detectEncoding, openCsv, parseCount, parseDateTime, parseDecimal, readLines } from '../../../analytics/ingest/tabular';
import { cleanExports, writeExport } from '../../helpers';

afterAll(cleanExports);

function parse(text: string, delimiter = ',') {
  const parser = new CsvParser(delimiter);
  return [...parser.push(text), ...parser.end()].map((r) => ({ line: r.line, fields: r.fields, ...(r.error ? { error: true } : {}) }));
}

describe('CsvParser', () => {
  it('counts LF, CRLF, CR and "\\r\\r\\n" as one line break each and skips blank lines', () => {
    expect(parse('a,b\r\r\n1,2\r\n\r\n3,4\r5,6\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quotes, and counts those lines', () => {
    expect(parse('x;"a;b ""c""\nd"\ny;z', ';')).toEqual([
      { line: 1, fields: ['x', 'a;b "c"\nd'] },
      { line: 3, fields: ['y', 'z'] },
    ]);
  });

  it('gives the same records however the text is split into pieces', () => {
    const text = 'h1,h2\r\n"q\r\nx",2\r\n3,4\r\n';
    const whole = parse(text);
    const parser = new CsvParser(',');
    const pieces = [...text].flatMap((ch) => parser.push(ch)).concat(parser.end());
    expect(pieces.map((r) => ({ line: r.line, fields: r.fields }))).toEqual(whole);
  });

  it('marks a quote that is never closed', () => {
    expect(parse('a,b\n1,"open\n2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'open\n2,3\n'], error: true },
    ]);
  });
});

describe('encodings', () => {
  it('reads UTF-8 with BOM, Windows-1252 and UTF-16 with BOM alike', () => {
    const text = 'Name;Ort\nJürgen;Köln\n';
    const dir = writeExport({
      'utf8.csv': Buffer.from(`\uFEFF${text}`, 'utf8'),
      'cp1252.csv': Buffer.from(text, 'latin1'),
      'utf16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    });
    for (const [file, encoding] of [['utf8.csv', 'utf-8'], ['cp1252.csv', 'windows-1252'], ['utf16.csv', 'utf-16le']]) {
      const csv = openCsv(join(dir, file), file);
      expect(csv.encoding).toBe(encoding);
      expect([csv.header, ...[...csv.records].map((r) => r.fields)]).toEqual([['Name', 'Ort'], ['Jürgen', 'Köln']]);
    }
  });

  it('refuses UTF-16 without a byte-order mark as not a text file', () => {
    const dir = writeExport({ 'x.csv': Buffer.from('a,b\n1,2\n', 'utf16le') });
    expect(() => detectEncoding(join(dir, 'x.csv'), 'x.csv')).toThrow(ImportInputError);
  });

  it('numbers lines of a "\\r\\r\\n" file like an editor does', () => {
    const dir = writeExport({ 'e.txt': '0\t1\r\r\n2\t3\r\r\n' });
    expect([...readLines(join(dir, 'e.txt'), 'e.txt')]).toEqual([{ line: 1, text: '0\t1' }, { line: 2, text: '2\t3' }]);
  });
});

describe('values', () => {
  it('reads ISO, Yammer, German and patterned times; refuses impossible dates', () => {
    expect(parseDateTime('2026-09-01T07:00:00Z')?.value).toBe('2026-09-01T07:00:00Z');
    expect(parseDateTime('2026/09/03 08:00:00 +0000')?.value).toBe('2026-09-03T08:00:00+00:00');
    expect(parseDateTime('03.09.2026 14:05')?.value).toBe('2026-09-03T14:05:00');
    expect(parseDateTime('3.9.26')?.value).toBe('2026-09-03');
    expect(parseDateTime('09/03/2026 14:05', 'mm/dd/yyyy HH:MM')?.value).toBe('2026-09-03T14:05:00');
    expect(parseDateTime('31.09.2026')).toBeNull();
    expect(parseDateTime('29.02.2025')).toBeNull();
    expect(parseDateTime('gestern')).toBeNull();
  });

  it('reads decimal commas and points, and whole counts with thousands separators', () => {
    expect([parseDecimal('1,5'), parseDecimal('1.234,5'), parseDecimal('1,234.5'), parseDecimal('2'), parseDecimal('1,2,3'), parseDecimal('x')]).toEqual([1.5, 1234.5, 1234.5, 2, null, null]);
    expect([parseCount('12'), parseCount('1.234'), parseCount('1,234'), parseCount('1,5'), parseCount('-1')]).toEqual([12, 1234, 1234, null, null]);
  });
});
