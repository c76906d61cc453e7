-- Rollups for the engagement and content analytics, so requests never aggregate raw events:
--   content_stats: one row per item (post or comment) with its lifetime views, distinct
--     viewers, reactions, comments below it (direct and nested), shares, engagement and first
--     response; content attributes are copied so the content queries read this table alone.
--   space_activity_monthly: per space, account and calendar month, what the account did in the
--     space (posts, comments, reactions, shares, views) and whether it joined it.
-- Both are refreshed inside the import transaction (refreshRollups in analytics/ingest/load.ts:
-- content_stats for the items a run touched, space_activity_monthly for the months it touched).
-- Definitions: docs/metrics.md. The statements below fill both tables from data already stored
-- when an older database is upgraded; they are the refresh statements of
-- analytics/sql/content-stats-insert.sql and space-activity-monthly-refresh.sql over everything
-- (test/analytics/content-stats.test.ts checks that both give the same rows).

CREATE TABLE content_stats (
  content_id VARCHAR NOT NULL,
  author_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,              -- post | comment
  format VARCHAR NOT NULL,
  space_id VARCHAR,                   -- own space, else the parent's
  day DATE NOT NULL,                  -- local day of creation
  created_at TIMESTAMPTZ NOT NULL,
  is_question BOOLEAN NOT NULL,
  syndicated BOOLEAN NOT NULL,        -- external_url is set
  views INTEGER NOT NULL,             -- view events by others (not the author, not bots)
  viewers INTEGER NOT NULL,           -- distinct such viewers
  reactions INTEGER NOT NULL,
  comments INTEGER NOT NULL,          -- comments below the item, direct and nested, by others
  shares INTEGER NOT NULL,
  engagement INTEGER NOT NULL,        -- reactions + comments + shares
  first_response_at TIMESTAMPTZ,      -- earliest comment by another account dated at or after the item
  misdated_replies INTEGER NOT NULL   -- comments by others dated before the item (bad data)
);

CREATE TABLE space_activity_monthly (
  space_id VARCHAR NOT NULL,
  person_id VARCHAR NOT NULL,
  month DATE NOT NULL,                -- first day of the local calendar month
  posts INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  reactions INTEGER NOT NULL,
  shares INTEGER NOT NULL,
  views INTEGER NOT NULL,
  joins INTEGER NOT NULL
);

CREATE OR REPLACE TEMP TABLE content_touched AS SELECT content_id FROM content;

INSERT INTO content_stats
WITH RECURSIVE
items AS (
  SELECT c.content_id, c.author_id, c.kind, c.format, coalesce(c.space_id, p.space_id) AS space_id,
    c.day, c.created_at, c.is_question, c.external_url IS NOT NULL AS syndicated
  FROM content c
  LEFT JOIN content p ON p.content_id = c.parent_id
  WHERE c.content_id IN (SELECT content_id FROM content_touched)
),
below(ancestor_id, ancestor_author, ancestor_at, content_id, author_id, created_at, depth) AS (
  SELECT i.content_id, i.author_id, i.created_at, c.content_id, c.author_id, c.created_at, 1
  FROM content c JOIN items i ON i.content_id = c.parent_id
  UNION ALL
  SELECT b.ancestor_id, b.ancestor_author, b.ancestor_at, c.content_id, c.author_id, c.created_at, b.depth + 1
  FROM below b JOIN content c ON c.parent_id = b.content_id
  WHERE b.depth < 100
),
replies AS (
  SELECT d.ancestor_id AS content_id,
    count(*) AS comments,
    min(d.created_at) FILTER (WHERE d.created_at >= d.ancestor_at) AS first_response_at,
    count(*) FILTER (WHERE d.created_at < d.ancestor_at) AS misdated
  FROM (SELECT DISTINCT ancestor_id, ancestor_author, ancestor_at, content_id, author_id, created_at FROM below WHERE ancestor_id <> content_id) d
  WHERE d.author_id <> d.ancestor_author AND d.author_id NOT IN (SELECT person_id FROM people WHERE account_type = 'bot')
  GROUP BY d.ancestor_id
),
acts AS (
  SELECT e.content_id,
    count(*) FILTER (WHERE e.action = 'view') AS views,
    count(DISTINCT e.actor_id) FILTER (WHERE e.action = 'view') AS viewers,
    count(*) FILTER (WHERE e.action = 'reaction') AS reactions,
    count(*) FILTER (WHERE e.action = 'share') AS shares
  FROM events e
  JOIN items i ON i.content_id = e.content_id
  WHERE e.action IN ('view', 'reaction', 'share') AND e.actor_id <> i.author_id
    AND e.actor_id NOT IN (SELECT person_id FROM people WHERE account_type = 'bot')
  GROUP BY e.content_id
)
SELECT
  i.content_id, i.author_id, i.kind, i.format, i.space_id, i.day, i.created_at, i.is_question, i.syndicated,
  coalesce(x.views, 0)::INTEGER,
  coalesce(x.viewers, 0)::INTEGER,
  coalesce(x.reactions, 0)::INTEGER,
  coalesce(r.comments, 0)::INTEGER,
  coalesce(x.shares, 0)::INTEGER,
  (coalesce(x.reactions, 0) + coalesce(r.comments, 0) + coalesce(x.shares, 0))::INTEGER,
  r.first_response_at,
  coalesce(r.misdated, 0)::INTEGER
FROM items i
LEFT JOIN acts x ON x.content_id = i.content_id
LEFT JOIN replies r ON r.content_id = i.content_id;

DROP TABLE content_touched;

INSERT INTO space_activity_monthly
SELECT space_id, person_id, date_trunc('month', day)::DATE AS month,
  sum(posts)::INTEGER, sum(comments)::INTEGER, sum(reactions)::INTEGER, sum(shares)::INTEGER,
  sum(views)::INTEGER, sum(joins)::INTEGER
FROM (
  SELECT space_id, author_id AS person_id, day,
    (kind = 'post')::INTEGER AS posts, (kind = 'comment')::INTEGER AS comments,
    0 AS reactions, 0 AS shares, 0 AS views, 0 AS joins
  FROM content_stats
  UNION ALL
  SELECT c.space_id, e.actor_id, e.day, 0, 0,
    (e.action = 'reaction')::INTEGER, (e.action = 'share')::INTEGER, (e.action = 'view')::INTEGER, 0
  FROM events e
  JOIN content_stats c ON c.content_id = e.content_id
  WHERE e.action IN ('view', 'reaction', 'share')
  UNION ALL
  SELECT e.detail, e.actor_id, e.day, 0, 0, 0, 0, 0, 1
  FROM events e
  WHERE e.action = 'join'
    AND e.detail IN (SELECT space_id FROM spaces)
) activity
WHERE space_id IS NOT NULL
GROUP BY ALL;
