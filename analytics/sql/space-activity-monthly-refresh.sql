-- Rebuilds the per-space monthly activity rollup for the calendar months of local days
-- $from..$to (inclusive; pass the first and last day of whole months).
-- Parameters: $from, $to (DATE). Grain: one row per space, account and month (the month's first
-- day) with at least one counted action in the space. Months, not days: a day grain has four
-- times the rows (a reader views several spaces a day) and doubled the import's cost.
-- posts and comments: items created in the space; reactions, shares, views: acts on items of
-- the space; joins: join events whose detail names a stored space (membership, not activity).
-- Reads content_stats for each item's space (its own, else its parent's), so content_stats
-- must be refreshed first; a narrow join there is faster than content with its parents. All
-- account types are kept; the queries choose whom to count.
INSERT INTO space_activity_monthly
SELECT space_id, person_id, date_trunc('month', day)::DATE AS month,
  sum(posts)::INTEGER, sum(comments)::INTEGER, sum(reactions)::INTEGER, sum(shares)::INTEGER,
  sum(views)::INTEGER, sum(joins)::INTEGER
FROM (
  SELECT space_id, author_id AS person_id, day,
    (kind = 'post')::INTEGER AS posts, (kind = 'comment')::INTEGER AS comments,
    0 AS reactions, 0 AS shares, 0 AS views, 0 AS joins
  FROM content_stats
  WHERE day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT c.space_id, e.actor_id, e.day, 0, 0,
    (e.action = 'reaction')::INTEGER, (e.action = 'share')::INTEGER, (e.action = 'view')::INTEGER, 0
  FROM events e
  JOIN content_stats c ON c.content_id = e.content_id
  WHERE e.day BETWEEN $from::DATE AND $to::DATE AND e.action IN ('view', 'reaction', 'share')
  UNION ALL
  SELECT e.detail, e.actor_id, e.day, 0, 0, 0, 0, 0, 1
  FROM events e
  WHERE e.day BETWEEN $from::DATE AND $to::DATE AND e.action = 'join'
    AND e.detail IN (SELECT space_id FROM spaces)
) activity
WHERE space_id IS NOT NULL
GROUP BY ALL
