-- Question effect (DESIGN.md) of the posts created in one range of local days: posts that ask
-- (a question mark ending a sentence, or the question kind) against the others.
-- Parameters: $from, $to (DATE, inclusive), $department, $location (author's; VARCHAR or NULL),
--   $space (space label or NULL), $voice ('all' | 'employee' | 'official').
-- Output: two rows, "group" 'questions' then 'others'. comments: comments below the posts by
-- other accounts (direct and nested); answered: posts with at least one; answerRate = answered /
-- posts; medianHoursToFirstResponse: median over answered posts of the hours from the post to
-- its first comment by another account, leaving out replies dated before the post
-- (misdatedReplies counts those; such a reply still answers). Seconds come from two epochs: the
-- epoch of a timestamp difference (an interval) is ten times slower here.
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
),
groups AS (SELECT * FROM (VALUES ('questions', true, 1), ('others', false, 2)) AS g(name, asks, ord))
SELECT
  g.name AS "group",
  count(i.content_id)::INTEGER AS posts,
  coalesce(sum(i.comments), 0)::INTEGER AS comments,
  (sum(i.comments) / nullif(count(i.content_id), 0))::DOUBLE AS "commentsPerPost",
  count(i.content_id) FILTER (WHERE i.comments > 0)::INTEGER AS answered,
  (count(i.content_id) FILTER (WHERE i.comments > 0) / nullif(count(i.content_id), 0))::DOUBLE AS "answerRate",
  quantile_cont((epoch(i.first_response_at) - epoch(i.created_at)) / 3600, 0.5)::DOUBLE AS "medianHoursToFirstResponse",
  count(i.first_response_at)::INTEGER AS "timedResponses",
  coalesce(sum(i.misdated_replies), 0)::INTEGER AS "misdatedReplies"
FROM groups g
LEFT JOIN items i ON i.is_question = g.asks
GROUP BY g.name, g.ord
ORDER BY g.ord
