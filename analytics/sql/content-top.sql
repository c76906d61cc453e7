-- Top posts created in one range of local days, by an allow-listed sort key ({{order}} comes
-- from analytics/queries/content-engagement.ts, never from request text). Posts of opted-out
-- authors are not listed (they still count in every aggregate).
-- Parameters: $from, $to (DATE, inclusive), $department, $location (author's; VARCHAR or NULL),
--   $space (space label or NULL), $voice ('all' | 'employee' | 'official'), $format (post
--   format or NULL), $syndicated (BOOLEAN or NULL), $limit (INTEGER).
-- Output grain: one row per post, in rank order. title: the title, else the start of the body;
-- engagementRate = engagement / viewers (NULL without views); department: the author's (the API
-- folds small groups); externalUrl: set for syndicated posts.
WITH items AS (
  SELECT cs.*, coalesce(sp.name, cs.space_id) AS space_label, au.account_type, au.department,
    cs.engagement / nullif(cs.viewers, 0) AS rate
  FROM content_stats cs
  JOIN people au ON au.person_id = cs.author_id
  LEFT JOIN spaces sp ON sp.space_id = cs.space_id
  WHERE cs.kind = 'post' AND cs.day BETWEEN $from::DATE AND $to::DATE
    AND (au.account_type = 'person' AND $voice IN ('all', 'employee') OR au.account_type = 'official' AND $voice IN ('all', 'official'))
    AND ($department IS NULL OR au.department = $department)
    AND ($location IS NULL OR au.location = $location)
    AND ($space IS NULL OR coalesce(sp.name, cs.space_id) = $space)
    AND ($format IS NULL OR cs.format = $format)
    AND ($syndicated IS NULL OR cs.syndicated = $syndicated)
    AND cs.author_id NOT IN (SELECT person_id FROM opt_outs)
),
-- ORDER BY ... LIMIT runs as a top-n (no full sort); the rank is numbered on the kept rows only.
kept AS (
  SELECT * FROM items ORDER BY {{order}}, created_at DESC, content_id LIMIT $limit
),
listed AS (
  SELECT *, row_number() OVER (ORDER BY {{order}}, created_at DESC, content_id) AS rank FROM kept
)
SELECT
  l.rank::INTEGER AS rank,
  l.content_id AS "contentId",
  coalesce(c.title, left(regexp_replace(c.body, '\s+', ' ', 'g'), 120)) AS title,
  strftime(l.day, '%Y-%m-%d') AS day,
  l.format AS format,
  l.space_label AS space,
  CASE WHEN l.account_type = 'official' THEN 'official' ELSE 'employee' END AS voice,
  l.department AS department,
  l.is_question AS "isQuestion",
  c.external_url AS "externalUrl",
  l.views AS views,
  l.viewers AS viewers,
  l.reactions AS reactions,
  l.comments AS comments,
  l.shares AS shares,
  l.engagement AS engagement,
  l.rate::DOUBLE AS "engagementRate"
FROM listed l
JOIN content c ON c.content_id = l.content_id
ORDER BY l.rank
