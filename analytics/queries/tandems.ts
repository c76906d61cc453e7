// Tandem suggestions (analytics/sql/tandems.sql) with a reason in words for each pair.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';

export interface TandemRow {
  hesitantId: string;
  hesitantName: string | null;
  hesitantDepartment: string | null;
  hesitantPosts: number;
  hesitantComments: number;
  hesitantViews: number;
  hesitantReactions: number;
  posterId: string;
  posterName: string | null;
  posterDepartment: string | null;
  posterPosts: number;
  /** What the hesitant colleague did towards the poster in the period. */
  views: number;
  reactions: number;
  comments: number;
  shares: number;
  /** Direct ties either way: mentions, praise, e-mail or meetings. */
  direct: number;
  sameDepartment: boolean;
  score: number;
}

export interface TandemFilter {
  from: string;
  to: string;
  department?: string | null;
  /** Posts in the period that make an active poster (default 5). */
  minPosts?: number;
  /** Items (posts and comments) a hesitant colleague may have written at most (default 2). */
  maxItems?: number;
  /** Views plus reactions that make an active reader (default 10). */
  minReads?: number;
  /** Hesitant colleagues one poster is paired with at most (default 3), so no one poster gets them all. */
  maxPerPoster?: number;
  limit?: number;
}

export const tandemDefaults = { minPosts: 5, maxItems: 2, minReads: 10, maxPerPoster: 3, limit: 200 } as const;

/**
 * Chooses tandems from scored candidate pairs (best first): the pairs are taken in that order,
 * each hesitant colleague once, each poster at most `maxPerPoster` times; a colleague whose best
 * poster is taken goes to their next best. Without a cap every colleague gets their best poster.
 * Returns at most `limit` pairs, best score first.
 */
export function computeTandems<T extends { hesitantId: string; posterId: string }>(pairs: readonly T[], options: { maxPerPoster: number; limit: number }): T[] {
  const paired = new Set<string>();
  const load = new Map<string, number>();
  const out: T[] = [];
  for (const pair of pairs) {
    if (out.length >= options.limit) break;
    if (paired.has(pair.hesitantId)) continue;
    const n = load.get(pair.posterId) ?? 0;
    if (n >= options.maxPerPoster) continue;
    paired.add(pair.hesitantId);
    load.set(pair.posterId, n + 1);
    out.push(pair);
  }
  return out;
}

/** Tandem pairs of a period, best score first (see computeTandems). Empty when no one qualifies. */
export async function getTandems(connection: DuckDBConnection, f: TandemFilter): Promise<TandemRow[]> {
  const pairs = await queryRows<TandemRow>(connection, readSql('tandems'), {
    from: f.from,
    to: f.to,
    department: f.department ?? null,
    minPosts: f.minPosts ?? tandemDefaults.minPosts,
    maxItems: f.maxItems ?? tandemDefaults.maxItems,
    minReads: f.minReads ?? tandemDefaults.minReads,
  });
  return computeTandems(pairs, { maxPerPoster: f.maxPerPoster ?? tandemDefaults.maxPerPoster, limit: f.limit ?? tandemDefaults.limit });
}

/**
 * Why a pair was suggested, from its figures, strongest tie first: "Auf Beiträge von Anna Berg
 * 7× reagiert, 2× kommentiert; gleiche Abteilung" / "Reacted 7×, commented 2× on posts by Anna
 * Berg; same department". The poster is named by display name, else by id.
 */
export function explainTandem(row: TandemRow, lang: 'de' | 'en'): string {
  const who = row.posterName ?? row.posterId;
  const de = lang === 'de';
  const acts: Array<[number, string]> = [
    [row.comments * 3, de ? `${row.comments}× kommentiert` : `commented ${row.comments}×`],
    [row.reactions, de ? `${row.reactions}× reagiert` : `reacted ${row.reactions}×`],
    [row.shares * 4, de ? `${row.shares}× geteilt` : `shared ${row.shares}×`],
    [row.views * 0.25, de ? `${row.views}× gelesen` : `read ${row.views}×`],
  ];
  const done = acts.filter(([weight]) => weight > 0).sort((a, b) => b[0] - a[0]).map(([, text]) => text);
  const parts: string[] = [];
  if (done.length > 0) parts.push(de ? `Auf Beiträge von ${who} ${done.join(', ')}` : `${done.join(', ')} on posts by ${who}`.replace(/^./, (c) => c.toUpperCase()));
  if (row.direct > 0) {
    const contacts = de ? `${row.direct} direkte${row.direct === 1 ? 'r' : ''} Kontakt${row.direct === 1 ? '' : 'e'}` : `${row.direct} direct contact${row.direct === 1 ? '' : 's'}`;
    parts.push(done.length > 0 ? contacts : de ? `${contacts} mit ${who}` : `${contacts} with ${who}`);
  }
  if (row.sameDepartment) parts.push(de ? 'gleiche Abteilung' : 'same department');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
