// Opt-outs and retention: the people who are never listed, and pruning of old activity.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './db';
import { refreshRollups } from './ingest/load';
import { computePseudonym } from './ingest/load';

export interface OptOutRow {
  personId: string;
  addedAt: string;
  note: string | null;
}

/**
 * Resolves a person given by id or e-mail to the stored person id (pseudonymised ids: the
 * raw id is hashed with the secret first). Returns null when nobody matches.
 */
export async function resolvePerson(c: DuckDBConnection, idOrEmail: string, pseudonymSecret?: string): Promise<string | null> {
  const candidates = [idOrEmail, ...(pseudonymSecret ? [computePseudonym(pseudonymSecret, idOrEmail)] : [])];
  for (const id of candidates) {
    const rows = await queryRows<{ id: string }>(c, 'SELECT person_id AS id FROM people WHERE person_id = $id', { id });
    if (rows.length > 0) return rows[0].id;
  }
  const byEmail = await queryRows<{ id: string }>(c, 'SELECT person_id AS id FROM identities WHERE lower(email) = lower($email)', { email: idOrEmail });
  return byEmail.length === 1 ? byEmail[0].id : null;
}

/** Adds a person to the opt-out list (idempotent). */
export async function addOptOut(c: DuckDBConnection, personId: string, note: string | null): Promise<void> {
  await c.run('INSERT INTO opt_outs VALUES ($id, now(), $note) ON CONFLICT (person_id) DO NOTHING', { id: personId, note });
}

/** Removes a person from the opt-out list; returns whether they were on it. */
export async function removeOptOut(c: DuckDBConnection, personId: string): Promise<boolean> {
  return (await c.run('DELETE FROM opt_outs WHERE person_id = $id', { id: personId })).rowsChanged > 0;
}

/** The opt-out list, oldest first. */
export function getOptOuts(c: DuckDBConnection): Promise<OptOutRow[]> {
  return queryRows<OptOutRow>(c, `SELECT person_id AS "personId", strftime(timezone('UTC', added_at), '%Y-%m-%dT%H:%M:%SZ') AS "addedAt", note FROM opt_outs ORDER BY added_at, person_id`);
}

export interface PruneResult {
  cutoff: string;
  content: number;
  events: number;
  interactions: number;
}

/**
 * Deletes content, events and interactions of local days before `cutoff` (YYYY-MM-DD), refreshes
 * the daily rollup and records the pruning in prune_log, all in one transaction.
 */
export async function pruneActivity(c: DuckDBConnection, cutoff: string, actor: string): Promise<PruneResult> {
  await c.run('BEGIN TRANSACTION');
  try {
    const content = (await c.run('DELETE FROM content WHERE day < $cutoff::DATE', { cutoff })).rowsChanged;
    const events = (await c.run('DELETE FROM events WHERE day < $cutoff::DATE', { cutoff })).rowsChanged;
    const interactions = (await c.run('DELETE FROM interactions WHERE day < $cutoff::DATE', { cutoff })).rowsChanged;
    await c.run('DELETE FROM activity_daily WHERE day < $cutoff::DATE', { cutoff });
    await refreshRollups(c, null);
    await c.run('INSERT INTO prune_log VALUES (now(), $cutoff::DATE, $content, $events, $interactions, $actor)', { cutoff, content, events, interactions, actor });
    await c.run('COMMIT');
    return { cutoff, content, events, interactions };
  } catch (error) {
    await c.run('ROLLBACK');
    throw error;
  }
}

/** The cutoff day for "older than N months/days/years" counted back from `today` (YYYY-MM-DD). */
export function computeCutoff(olderThan: string, today: string): string {
  const match = /^(\d{1,4})([dmy])$/.exec(olderThan.trim());
  if (!match) throw new Error(`"${olderThan}" is not an age: use for example 24m, 90d or 2y`);
  const n = Number(match[1]);
  const d = new Date(`${today}T00:00:00Z`);
  if (match[2] === 'd') d.setUTCDate(d.getUTCDate() - n);
  else if (match[2] === 'm') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
}
