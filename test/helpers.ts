// Test helpers: a fresh in-memory database and throwaway export folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../analytics/db';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const smallFixture = join(projectRoot, 'fixtures', 'small');
export const sharedData = join(projectRoot, '..', 'shared', 'data');

/** A new in-memory database with the schema, in Europe/Berlin. */
export function freshDb(): Promise<Database> {
  return openDatabase(':memory:', { timeZone: 'Europe/Berlin' });
}

const made: string[] = [];

/** Writes files (relative path → text or bytes) into a new temporary folder and returns it. */
export function writeExport(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-test-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Removes every folder writeExport made. */
export function cleanExports(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
