-- Internal reach, engagement received and posting of people in given windows of days (the
-- before/after windows of programme members and of their comparison people).
-- Parameters: $windows (VARCHAR: a JSON array of {"id", "person", "from", "to"}, days inclusive;
--   ids unique). A JSON list keeps this one bound statement for any number of windows.
-- Output grain: one row per window id, also windows without any activity (zeros).
--   reach: distinct other person accounts reached in the window, by the pairs of
--     reach-stage.sql (viewed, reacted to, shared or commented on the person's content; were
--     mentioned or praised by the person; a direct interaction; undated interactions count in
--     every window) — keep both definitions together.
--   engagement: reactions + comments + shares of the items (posts and comments) the person
--     created in the window, with their lifetime figures from content_stats (docs/metrics.md).
--   posts, comments: items the person authored in the window (activity_daily).
WITH windows AS (
  SELECT unnest(from_json($windows::JSON, '[{"id":"VARCHAR","person":"VARCHAR","from":"DATE","to":"DATE"}]'), recursive := true)
),
subjects AS (SELECT DISTINCT person FROM windows),
bounds AS (SELECT min("from") AS lo, max("to") AS hi FROM windows),
pairs AS (
  SELECT c.author_id AS person, e.actor_id AS other, e.day
  FROM events e JOIN content c ON c.content_id = e.content_id
  WHERE e.action IN ('view', 'reaction', 'share')
    AND c.author_id IN (SELECT person FROM subjects)
    AND e.day BETWEEN (SELECT lo FROM bounds) AND (SELECT hi FROM bounds)
  UNION ALL
  SELECT p.author_id, c.author_id, c.day
  FROM content c JOIN content p ON p.content_id = c.parent_id
  WHERE c.kind = 'comment' AND p.author_id IN (SELECT person FROM subjects)
    AND c.day BETWEEN (SELECT lo FROM bounds) AND (SELECT hi FROM bounds)
  UNION ALL
  SELECT actor_id, target_id, day FROM events
  WHERE action IN ('mention', 'praise') AND target_id IS NOT NULL AND actor_id IN (SELECT person FROM subjects)
    AND day BETWEEN (SELECT lo FROM bounds) AND (SELECT hi FROM bounds)
  UNION ALL
  SELECT source_id, target_id, day FROM interactions
  WHERE source_id IN (SELECT person FROM subjects)
),
reach AS (
  SELECT w.id, count(DISTINCT pr.other) AS reach
  FROM windows w
  JOIN pairs pr ON pr.person = w.person AND (pr.day IS NULL OR pr.day BETWEEN w."from" AND w."to")
  JOIN people o ON o.person_id = pr.other AND o.account_type = 'person'
  WHERE pr.other <> pr.person
  GROUP BY w.id
),
engagement AS (
  SELECT w.id, sum(cs.engagement) AS engagement
  FROM windows w JOIN content_stats cs ON cs.author_id = w.person AND cs.day BETWEEN w."from" AND w."to"
  GROUP BY w.id
),
posting AS (
  SELECT w.id, sum(a.posts) AS posts, sum(a.comments) AS comments
  FROM windows w JOIN activity_daily a ON a.person_id = w.person AND a.day BETWEEN w."from" AND w."to"
  GROUP BY w.id
)
SELECT w.id AS id,
  coalesce(r.reach, 0)::INTEGER AS reach,
  coalesce(e.engagement, 0)::INTEGER AS engagement,
  coalesce(p.posts, 0)::INTEGER AS posts,
  coalesce(p.comments, 0)::INTEGER AS comments
FROM windows w
LEFT JOIN reach r ON r.id = w.id
LEFT JOIN engagement e ON e.id = w.id
LEFT JOIN posting p ON p.id = w.id
ORDER BY w.id
