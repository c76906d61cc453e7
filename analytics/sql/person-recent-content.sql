-- A person's most recent items in a period with their engagement (DESIGN.md: reactions +
-- comments, nested included, + shares; views and distinct viewers beside it).
-- Parameters: $person, $from, $to, $limit. Output grain: one row per item, newest first.
WITH RECURSIVE mine AS (
  SELECT content_id, kind, title, body, format, created_at, space_id, is_question
  FROM content WHERE author_id = $person AND day BETWEEN $from::DATE AND $to::DATE
  ORDER BY created_at DESC LIMIT $limit
),
descendants(root_id, content_id) AS (
  SELECT m.content_id, c.content_id FROM mine m JOIN content c ON c.parent_id = m.content_id
  UNION ALL
  SELECT d.root_id, c.content_id FROM descendants d JOIN content c ON c.parent_id = d.content_id
),
replies AS (SELECT root_id, count(*) AS n FROM descendants GROUP BY root_id),
acts AS (
  SELECT e.content_id,
    count(*) FILTER (WHERE e.action = 'reaction') AS reactions,
    count(*) FILTER (WHERE e.action = 'share') AS shares,
    count(*) FILTER (WHERE e.action = 'view') AS views,
    count(DISTINCT e.actor_id) FILTER (WHERE e.action = 'view') AS viewers
  FROM events e SEMI JOIN mine m ON m.content_id = e.content_id
  GROUP BY e.content_id
)
SELECT m.content_id AS "contentId", m.kind, coalesce(m.title, left(m.body, 120)) AS title, m.format,
  strftime(timezone('UTC', m.created_at), '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", s.name AS space, m.is_question AS "isQuestion",
  coalesce(a.views, 0)::INTEGER AS views, coalesce(a.viewers, 0)::INTEGER AS viewers,
  coalesce(a.reactions, 0)::INTEGER AS reactions, coalesce(r.n, 0)::INTEGER AS comments, coalesce(a.shares, 0)::INTEGER AS shares,
  (coalesce(a.reactions, 0) + coalesce(r.n, 0) + coalesce(a.shares, 0))::INTEGER AS engagement
FROM mine m
LEFT JOIN acts a ON a.content_id = m.content_id
LEFT JOIN replies r ON r.root_id = m.content_id
LEFT JOIN spaces s ON s.space_id = m.space_id
ORDER BY m.created_at DESC
