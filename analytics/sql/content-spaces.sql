-- Activity and reach per space in the calendar months of one range of local days (space activity
-- is kept per month: the API widens the range to whole months), before the minimum group size is
-- applied (the API folds small spaces into "(other)").
-- Parameters: $from, $to (DATE, inclusive), $department, $location (of the acting accounts;
--   VARCHAR or NULL = all), $only (JSON array of space labels, or NULL). NULL: one row per space;
--   an array: one row for the union of those spaces ("space" NULL), each person counted once.
-- Output grain: one row per space label (name, else id) with activity; kind and official from
-- spaces (NULL for the union row and for spaces not in spaces.csv). posts, comments,
-- reactions, shares, views: acts in the space in those months by person and official accounts;
-- activeUsers (the space's reach): person accounts that did any of them; contributors: person
-- accounts that posted or commented; viewers: person accounts that viewed; engagement =
-- reactions + comments + shares made in those months. Counted per person first, then per space:
-- faster than three distinct counts.
WITH actors AS (
  SELECT person_id, account_type = 'person' AS is_person FROM people
  WHERE account_type IN ('person', 'official')
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
-- Summed per (space, person) first, on the narrow ids; names and account types join afterwards.
per_space_person AS (
  SELECT space_id, person_id, sum(posts) AS posts, sum(comments) AS comments, sum(reactions) AS reactions,
    sum(shares) AS shares, sum(views) AS views
  FROM space_activity_monthly
  WHERE month BETWEEN date_trunc('month', $from::DATE)::DATE AND $to::DATE
    AND posts + comments + reactions + shares + views > 0
  GROUP BY space_id, person_id
),
acts AS (
  SELECT coalesce(s.name, a.space_id) AS label, s.kind, coalesce(s.is_official, false) AS official,
    a.person_id, r.is_person, a.posts, a.comments, a.reactions, a.shares, a.views
  FROM per_space_person a
  JOIN actors r ON r.person_id = a.person_id
  LEFT JOIN spaces s ON s.space_id = a.space_id
  WHERE $only IS NULL OR list_contains($only::JSON::VARCHAR[], coalesce(s.name, a.space_id))
),
per_person AS (
  SELECT CASE WHEN $only IS NULL THEN label END AS label, person_id, bool_or(is_person) AS is_person,
    any_value(kind) AS kind, bool_or(official) AS official,
    sum(posts) AS posts, sum(comments) AS comments, sum(reactions) AS reactions, sum(shares) AS shares, sum(views) AS views
  FROM acts
  GROUP BY 1, 2
)
SELECT
  label AS space,
  CASE WHEN label IS NOT NULL THEN any_value(kind) END AS kind,
  CASE WHEN label IS NOT NULL THEN bool_or(official) END AS official,
  sum(posts)::INTEGER AS posts,
  sum(comments)::INTEGER AS comments,
  sum(reactions)::INTEGER AS reactions,
  sum(shares)::INTEGER AS shares,
  sum(views)::INTEGER AS views,
  (sum(reactions) + sum(comments) + sum(shares))::INTEGER AS engagement,
  count(*) FILTER (WHERE is_person)::INTEGER AS "activeUsers",
  count(*) FILTER (WHERE is_person AND posts + comments > 0)::INTEGER AS contributors,
  count(*) FILTER (WHERE is_person AND views > 0)::INTEGER AS viewers
FROM per_person
GROUP BY label
ORDER BY label NULLS LAST
