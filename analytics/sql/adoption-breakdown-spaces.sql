-- Adoption per space in the calendar months of one range of local days (space activity is kept
-- per month: the API widens the range to whole months), before the minimum group size is applied.
-- Spaces have no member lists in the canonical format, so a space's headcount is its known
-- audience: person accounts employed in the range who did anything in the space (posted,
-- commented, viewed, reacted, shared, or joined it) in any month up to that of $to. activeUsers:
-- person accounts with a post, comment, view, reaction or share in the space in the months of
-- the range (a join alone is not activity).
-- Parameters: $from, $to (DATE, inclusive), $department, $location (VARCHAR or NULL = all),
--   $only (JSON array of space labels, or NULL). NULL: one row per space; an array: one row
--   for the union of those spaces ("group" NULL), each person counted once.
-- A space's label is its name, else its id (as in meta-groups.sql).
WITH population AS (
  SELECT person_id,
    (employed_from IS NULL OR employed_from <= $to::DATE) AND (employed_to IS NULL OR employed_to >= $from::DATE) AS employed
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
-- The known audience (space_audience: first contact up to $to) and who was active in the range.
space_people AS (
  SELECT k.space_id, k.person_id, a.person_id IS NOT NULL AS active
  FROM space_audience k
  LEFT JOIN (
    SELECT DISTINCT space_id, person_id FROM space_activity_monthly
    WHERE month BETWEEN date_trunc('month', $from::DATE)::DATE AND $to::DATE
      AND posts + comments + reactions + shares + views > 0
  ) a ON a.space_id = k.space_id AND a.person_id = k.person_id
  WHERE k.first_month <= $to::DATE
),
members AS (
  SELECT coalesce(s.name, sp.space_id) AS label, sp.person_id, sp.active, p.employed
  FROM space_people sp
  JOIN population p ON p.person_id = sp.person_id
  LEFT JOIN spaces s ON s.space_id = sp.space_id
  WHERE $only IS NULL OR list_contains($only::JSON::VARCHAR[], coalesce(s.name, sp.space_id))
),
-- Spaces sharing a label (and the union row) count each person once.
per_person AS (
  SELECT CASE WHEN $only IS NULL THEN label END AS label, person_id, bool_or(active) AS active, bool_or(employed) AS employed
  FROM members
  GROUP BY 1, 2
)
SELECT
  label AS "group",
  count(*) FILTER (WHERE employed)::INTEGER AS headcount,
  count(*) FILTER (WHERE active)::INTEGER AS "activeUsers"
FROM per_person
GROUP BY 1
HAVING count(*) FILTER (WHERE employed) > 0 OR count(*) FILTER (WHERE active) > 0
ORDER BY 1 NULLS LAST
