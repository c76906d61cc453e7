// Opens an export given as a folder or a .zip. A zip is unpacked into a temporary folder
// after its entry names and sizes are checked, so a hostile archive (names that climb out
// with "../", absolute paths, a small file that unpacks to gigabytes) is refused whole.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep, posix } from 'node:path';
import { unzipSync } from 'fflate';

export class ImportInputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ImportInputError';
  }
}

export interface ArchiveLimits {
  maxTotalBytes: number;
  maxRatio: number;
  maxEntries: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 200,
  maxEntries: 100_000,
};

export interface OpenedExport {
  root: string;
  files: string[]; // absolute paths of every regular file below root
  cleanup: () => void;
}

/** Lists the files of a folder export, or unpacks a zip; throws ImportInputError for unusable input. */
export function openExport(path: string, limits: ArchiveLimits = defaultArchiveLimits): OpenedExport {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new ImportInputError(`${path}: no such file or folder`, path);
  }
  if (stats.isDirectory()) return { root: resolve(path), files: listFiles(resolve(path)), cleanup: () => {} };
  if (/\.zip$/i.test(path)) return unpackZip(path, limits);
  // A single file: treat its folder as the export but offer only this file.
  return { root: dirname(resolve(path)), files: [resolve(path)], cleanup: () => {} };
}

function unpackZip(path: string, limits: ArchiveLimits): OpenedExport {
  const data = readFileSync(path);
  let declared = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter(file) {
        entries++;
        checkEntryName(file.name, path);
        declared += file.originalSize;
        if (entries > limits.maxEntries) throw new ImportInputError(`${path}: more than ${limits.maxEntries} entries`, path);
        if (declared > limits.maxTotalBytes || (file.originalSize > 64 * 1024 ** 2 && file.originalSize / Math.max(1, file.size) > limits.maxRatio)) {
          throw new ImportInputError(`${path}: refused, "${file.name}" would unpack to ${file.originalSize} bytes from ${file.size} (a decompression bomb?)`, path);
        }
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    throw new ImportInputError(`${path}: not a readable zip archive (${error instanceof Error ? error.message : String(error)})`, path);
  }
  const root = mkdtempSync(join(tmpdir(), 'chorus-import-'));
  const written: string[] = [];
  let total = 0;
  try {
    for (const [name, content] of Object.entries(files)) {
      total += content.length;
      if (total > limits.maxTotalBytes) throw new ImportInputError(`${path}: unpacks to more than ${limits.maxTotalBytes} bytes`, path);
      const target = resolve(root, ...name.split('/'));
      if (!target.startsWith(root + sep)) throw new ImportInputError(`${path}: entry "${name}" points outside the archive`, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      written.push(target);
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, files: written.sort(), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function checkEntryName(name: string, archive: string): void {
  const normal = posix.normalize(name.replace(/\\/g, '/'));
  if (name.includes('\0') || normal.startsWith('../') || normal === '..' || normal.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    throw new ImportInputError(`${archive}: refused, entry "${name}" points outside the archive (path traversal)`, archive);
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === '__MACOSX') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}
