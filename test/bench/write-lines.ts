// Streams generated lines into a file in 1 MB chunks, honouring back-pressure: what the
// benchmarks use to write synthetic exports of millions of rows without holding them in memory.
import { createWriteStream } from 'node:fs';

/** Writes each line followed by a newline to `path` (created or replaced); resolves when flushed. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}
