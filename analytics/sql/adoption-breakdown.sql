-- Adoption per department or location in one range of local days, before the minimum group
-- size is applied (the API folds small groups into "(other)").
-- Parameters: $from, $to (DATE, inclusive), $by ('department' | 'location'),
--   $department, $location (VARCHAR or NULL = all).
-- Output grain: one row per group with headcount or activity; "group" NULL = no value recorded.
-- headcount: person accounts of the group employed on any day of the range; activeUsers:
-- person accounts of the group active in the range (as in adoption.sql).
WITH population AS (
  SELECT person_id,
    CASE $by WHEN 'location' THEN location ELSE department END AS grp,
    (employed_from IS NULL OR employed_from <= $to::DATE) AND (employed_to IS NULL OR employed_to >= $from::DATE) AS employed
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
active AS (
  SELECT DISTINCT person_id FROM activity_daily WHERE day BETWEEN $from::DATE AND $to::DATE
)
SELECT
  p.grp AS "group",
  count(*) FILTER (WHERE p.employed)::INTEGER AS headcount,
  count(a.person_id)::INTEGER AS "activeUsers"
FROM population p
LEFT JOIN active a ON a.person_id = p.person_id
GROUP BY p.grp
HAVING count(*) FILTER (WHERE p.employed) > 0 OR count(a.person_id) > 0
ORDER BY p.grp NULLS LAST
