-- Engagement KPIs of the posts created in one range of local days (docs/metrics.md), each post
-- with its lifetime figures from content_stats.
-- Parameters: $from, $to (DATE, inclusive), $department, $location (author's; VARCHAR or NULL),
--   $space (space label: name, else id; or NULL), $voice ('all' | 'employee' | 'official'),
--   $syndicated (BOOLEAN or NULL = all posts).
-- Output: one row. Bot posts never count. viewers: distinct viewers summed over posts;
-- engagementRate = engagement / viewers over the posts that have views (NULL without views);
-- answered: posts with at least one comment by another account.
WITH items AS (
  SELECT cs.*
  FROM content_stats cs
  JOIN people au ON au.person_id = cs.author_id
  LEFT JOIN spaces sp ON sp.space_id = cs.space_id
  WHERE cs.kind = 'post' AND cs.day BETWEEN $from::DATE AND $to::DATE
    AND (au.account_type = 'person' AND $voice IN ('all', 'employee') OR au.account_type = 'official' AND $voice IN ('all', 'official'))
    AND ($department IS NULL OR au.department = $department)
    AND ($location IS NULL OR au.location = $location)
    AND ($space IS NULL OR coalesce(sp.name, cs.space_id) = $space)
    AND ($syndicated IS NULL OR cs.syndicated = $syndicated)
)
SELECT
  count(*)::INTEGER AS posts,
  count(DISTINCT author_id)::INTEGER AS authors,
  count(*) FILTER (WHERE is_question)::INTEGER AS questions,
  coalesce(sum(views), 0)::INTEGER AS views,
  coalesce(sum(viewers), 0)::INTEGER AS viewers,
  coalesce(sum(reactions), 0)::INTEGER AS reactions,
  coalesce(sum(comments), 0)::INTEGER AS comments,
  coalesce(sum(shares), 0)::INTEGER AS shares,
  coalesce(sum(engagement), 0)::INTEGER AS engagement,
  (sum(engagement) / nullif(count(*), 0))::DOUBLE AS "engagementPerPost",
  (sum(engagement) FILTER (WHERE viewers > 0) / nullif(sum(viewers), 0))::DOUBLE AS "engagementRate",
  count(*) FILTER (WHERE comments > 0)::INTEGER AS answered
FROM items
