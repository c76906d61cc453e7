// Typed wrappers of the SQL that feeds the graph job.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';

export interface EdgeWeights {
  comment: number;
  share: number;
  praise: number;
  mention: number;
  reaction: number;
  interaction: number;
}

/** DESIGN.md defaults: comment 3, share 4, praise 3, mention 2, reaction 1, interactions as given. */
export const defaultEdgeWeights: EdgeWeights = { comment: 3, share: 4, praise: 3, mention: 2, reaction: 1, interaction: 1 };

export interface EdgeColumns {
  source: string[];
  target: string[];
  weight: number[];
}

function edgeSqlParams(from: string, to: string, w: EdgeWeights) {
  return {
    from,
    to,
    wComment: w.comment,
    wShare: w.share,
    wPraise: w.praise,
    wMention: w.mention,
    wReaction: w.reaction,
    interactionScale: w.interaction,
  };
}

/** Aggregated person → person edges of a period, column-wise (cheap for a million edges). */
export async function getGraphEdges(connection: DuckDBConnection, from: string, to: string, w: EdgeWeights = defaultEdgeWeights): Promise<EdgeColumns> {
  // Ordered: nodes are numbered in edge order, and sampled betweenness and Louvain depend on the
  // numbering, so the same data must always give the same order (a parallel GROUP BY does not).
  const reader = await connection.runAndReadAll(`SELECT * FROM (\n${readSql('graph-edges')}\n) ORDER BY source, target`, edgeSqlParams(from, to, w));
  const columns = reader.getColumnsObjectJS();
  return { source: columns.source as string[], target: columns.target as string[], weight: columns.weight as number[] };
}

/**
 * Aggregates the edges of a period into the temporary table `period_edges_stage` of this
 * connection (to be stored with the period's metrics) and returns them column-wise.
 */
export async function stageGraphEdges(connection: DuckDBConnection, from: string, to: string, w: EdgeWeights = defaultEdgeWeights): Promise<EdgeColumns> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE period_edges_stage AS ${readSql('graph-edges')}`, edgeSqlParams(from, to, w) as never);
  // Ordered for the same reason as in getGraphEdges: same data, same node numbering, same ranking.
  const reader = await connection.runAndReadAll('SELECT source, target, weight FROM period_edges_stage ORDER BY source, target');
  const columns = reader.getColumnsObjectJS();
  return { source: columns.source as string[], target: columns.target as string[], weight: columns.weight as number[] };
}

export interface ReachRow {
  personId: string;
  reach: number;
  crossDepartmentReach: number;
  departmentEntropy: number;
}

/**
 * Reach, cross-department reach and department entropy per person of a period. Leaves the
 * reach pairs in the temporary table `reach_stage` of this connection for the job to store.
 */
export async function getPersonReach(connection: DuckDBConnection, from: string, to: string): Promise<ReachRow[]> {
  await connection.run(readSql('reach-stage'), { from, to });
  return queryRows<ReachRow>(connection, readSql('person-reach'));
}

export interface ActivityRow {
  personId: string;
  posts: number;
  comments: number;
  answered: number;
}

/** Posts, comments and distinct people answered per author in a period. */
export function getPersonActivity(connection: DuckDBConnection, from: string, to: string): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(connection, readSql('person-activity'), { from, to });
}

export interface TopicStrengthRow {
  topic: string;
  personId: string;
  strength: number;
}

/** Topic authority rows (topic, person, distinct people engaged) of a period. */
export function getTopicAuthority(connection: DuckDBConnection, from: string, to: string): Promise<TopicStrengthRow[]> {
  return queryRows<TopicStrengthRow>(connection, readSql('topic-authority'), { from, to });
}

export interface PersonAttributes {
  personId: string;
  department: string | null;
  location: string | null;
  accountType: string;
}

/** Department, location and account type of every account. */
export function getPeopleAttributes(connection: DuckDBConnection): Promise<PersonAttributes[]> {
  return queryRows<PersonAttributes>(connection, readSql('people-attributes'));
}
