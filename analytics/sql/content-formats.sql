-- Format mix of the posts created in one range of local days, with engagement per format.
-- Parameters: $from, $to (DATE, inclusive), $department, $location (author's; VARCHAR or NULL),
--   $space (space label or NULL), $voice ('all' | 'employee' | 'official').
-- Output grain: one row per format with posts, most posts first. share: the format's posts /
-- all posts; engagementPerPost; engagementRate = engagement / viewers over posts with views.
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
)
SELECT
  format,
  count(*)::INTEGER AS posts,
  (count(*) / sum(count(*)) OVER ())::DOUBLE AS share,
  sum(views)::INTEGER AS views,
  sum(viewers)::INTEGER AS viewers,
  sum(reactions)::INTEGER AS reactions,
  sum(comments)::INTEGER AS comments,
  sum(shares)::INTEGER AS shares,
  sum(engagement)::INTEGER AS engagement,
  (sum(engagement) / count(*))::DOUBLE AS "engagementPerPost",
  (sum(engagement) FILTER (WHERE viewers > 0) / nullif(sum(viewers), 0))::DOUBLE AS "engagementRate"
FROM items
GROUP BY format
ORDER BY posts DESC, format
