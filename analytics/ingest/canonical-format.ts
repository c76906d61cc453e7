// The canonical tables of DESIGN.md as data: their columns, which are required, and the key
// whose repetition inside one file is a duplicate. Every importer stages rows in these shapes.

export const canonicalTables = ['people', 'spaces', 'content', 'events', 'interactions', 'social', 'programmes'] as const;
export type CanonicalTable = (typeof canonicalTables)[number];

export interface TableSpec {
  columns: readonly string[];
  required: readonly string[];
  keyColumn: string; // named in messages about duplicates
}

export const tableSpecs: Record<CanonicalTable, TableSpec> = {
  people: {
    columns: ['person_id', 'display_name', 'email', 'department', 'location', 'job_title', 'manager_id', 'employed_from', 'employed_to', 'registered_at', 'account_type'],
    required: ['person_id'],
    keyColumn: 'person_id',
  },
  spaces: { columns: ['space_id', 'name', 'kind', 'is_official'], required: ['space_id'], keyColumn: 'space_id' },
  content: {
    columns: ['content_id', 'author_id', 'created_at', 'kind', 'parent_id', 'format', 'space_id', 'title', 'body', 'topics', 'external_url'],
    required: ['content_id', 'author_id', 'created_at', 'kind'],
    keyColumn: 'content_id',
  },
  events: {
    columns: ['event_id', 'occurred_at', 'actor_id', 'action', 'content_id', 'target_id', 'detail'],
    required: ['occurred_at', 'actor_id', 'action'],
    keyColumn: 'event_id',
  },
  interactions: {
    columns: ['source_id', 'target_id', 'occurred_at', 'channel', 'weight'],
    required: ['source_id', 'target_id'],
    keyColumn: 'source_id',
  },
  social: {
    columns: ['period_start', 'account', 'platform', 'followers', 'posts', 'impressions', 'reactions', 'comments', 'shares'],
    required: ['period_start', 'account'],
    keyColumn: 'period_start, account and platform',
  },
  programmes: {
    columns: ['programme', 'person_id', 'joined_on', 'left_on'],
    required: ['programme', 'person_id', 'joined_on'],
    keyColumn: 'programme, person_id and joined_on',
  },
};

/** One row as an importer produces it: canonical column → text (null or '' = absent). */
export type CanonicalRow = Partial<Record<string, string | null>>;
