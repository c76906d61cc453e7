-- Lifetime engagement of each item in content_touched (DESIGN.md "engagement of an item").
-- No parameters; reads the temporary table content_touched (content-stats-touched.sql).
-- Output grain: one content_stats row per touched item that is stored in content.
-- What counts (docs/metrics.md): views, reactions and shares of the item, and comments
-- anywhere below it (direct and nested), each made by an account other than the item's
-- author and not by a bot. first_response_at is the earliest such comment dated at or after
-- the item; a comment dated before the item is bad data: it counts as a comment (and
-- answers a question) but not for the time to first response, and misdated_replies counts it.
-- An item without a space of its own takes its parent's. Threads are followed at most 100
-- levels (UNION ALL is much faster than UNION here; DISTINCT drops repeats from a cycle of bad
-- parent ids). Each reply row carries its ancestor's author and time, so no join can pair
-- items by an inequality (DuckDB planned such a join as a cross product and ran out of memory).
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
LEFT JOIN replies r ON r.content_id = i.content_id
