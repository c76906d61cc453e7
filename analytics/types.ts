// Row types shared with the API and, as types only, with the web client.

export type Grain = 'day' | 'week' | 'month';

export interface AdoptionRow {
  period: string;
  headcount: number;
  activeUsers: number;
  adoptionRate: number | null;
  contributors: number;
  creators: number;
  stickiness: number | null;
}

export interface DataPeriod {
  from: string | null;
  to: string | null;
}

export interface GroupSize {
  dimension: 'department' | 'location' | 'space';
  group: string;
  people: number;
}

export interface TableCounts {
  people: number;
  spaces: number;
  content: number;
  events: number;
  interactions: number;
  social: number;
  programmes: number;
  importRuns: number;
  importRejects: number;
}

export interface ImportRun {
  runId: number;
  source: string;
  path: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  filesRead: number;
  rowsRead: number;
  loaded: Record<string, number> | null;
  duplicates: number;
  rejected: number;
  placeholders: number;
  message: string | null;
}

export interface ImportRejectRow {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  raw: string | null;
  reason: string;
}
