-- Rebuilds the per-person daily activity rollup for local days $from..$to (inclusive).
-- Joins are not activity (noise, DESIGN.md); views, logins, mentions and praise are.
-- Grain: one row per person and day with at least one counted action.
INSERT INTO activity_daily
SELECT person_id, day,
  sum(posts)::INTEGER, sum(comments)::INTEGER, sum(reactions)::INTEGER, sum(shares)::INTEGER,
  sum(views)::INTEGER, sum(other_events)::INTEGER
FROM (
  SELECT author_id AS person_id, day, (kind = 'post')::INTEGER AS posts, (kind = 'comment')::INTEGER AS comments,
         0 AS reactions, 0 AS shares, 0 AS views, 0 AS other_events
  FROM content WHERE day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT actor_id, day, 0, 0, (action = 'reaction')::INTEGER, (action = 'share')::INTEGER, (action = 'view')::INTEGER,
         (action IN ('mention', 'praise', 'login'))::INTEGER
  FROM events WHERE day BETWEEN $from::DATE AND $to::DATE AND action <> 'join'
) activity
GROUP BY person_id, day
