-- Unanswered questions: question posts created in one range of local days without any comment
-- by another account, oldest first. Posts of opted-out authors are not listed.
-- Parameters: $from, $to (DATE, inclusive), $department, $location (author's; VARCHAR or NULL),
--   $space (space label or NULL), $voice ('all' | 'employee' | 'official'), $asOf (DATE: the
--   last day with data, for the age), $limit (INTEGER).
-- Output grain: one row per post. title: the title, else the start of the body; space: label;
-- department: the author's (the API folds small groups); ageDays: days from the post to $asOf.
WITH items AS (
  SELECT cs.*, coalesce(sp.name, cs.space_id) AS space_label, au.account_type, au.department
  FROM content_stats cs
  JOIN people au ON au.person_id = cs.author_id
  LEFT JOIN spaces sp ON sp.space_id = cs.space_id
  WHERE cs.kind = 'post' AND cs.day BETWEEN $from::DATE AND $to::DATE
    AND (au.account_type = 'person' AND $voice IN ('all', 'employee') OR au.account_type = 'official' AND $voice IN ('all', 'official'))
    AND ($department IS NULL OR au.department = $department)
    AND ($location IS NULL OR au.location = $location)
    AND ($space IS NULL OR coalesce(sp.name, cs.space_id) = $space)
    AND cs.is_question AND cs.comments = 0
    AND cs.author_id NOT IN (SELECT person_id FROM opt_outs)
),
listed AS (SELECT * FROM items ORDER BY created_at, content_id LIMIT $limit)
SELECT
  l.content_id AS "contentId",
  coalesce(c.title, left(regexp_replace(c.body, '\s+', ' ', 'g'), 120)) AS title,
  strftime(l.day, '%Y-%m-%d') AS day,
  strftime(timezone('UTC', l.created_at), '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  greatest(0, datediff('day', l.day, $asOf::DATE))::INTEGER AS "ageDays",
  l.format AS format,
  l.space_label AS space,
  CASE WHEN l.account_type = 'official' THEN 'official' ELSE 'employee' END AS voice,
  l.department AS department,
  l.views AS views,
  l.viewers AS viewers,
  l.reactions AS reactions,
  l.shares AS shares
FROM listed l
JOIN content c ON c.content_id = l.content_id
ORDER BY l.created_at, l.content_id
