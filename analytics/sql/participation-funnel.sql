-- Participation funnel of one range of local days (DESIGN.md): headcount ▸ visitors ▸ reactors
-- ▸ commenters ▸ creators. Each step counts the people who reached at least that level, so the
-- steps never grow: visitors did anything (a view or login is enough), reactors reacted, shared,
-- commented or posted, commenters commented or posted, creators posted.
-- Reads participation_people (participation-people.sql, same range and filter) for the active.
-- Parameters: $from, $to (DATE, inclusive), $department, $location (VARCHAR or NULL = all).
-- Output: one row. headcount: person accounts employed on any day of the range; the other
-- steps: person accounts of the filter active in the range (as adoption.sql counts them).
WITH population AS (
  SELECT person_id, employed_from, employed_to
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
per_person AS (SELECT * FROM participation_people)
SELECT
  (SELECT count(*) FROM population
    WHERE (employed_from IS NULL OR employed_from <= $to::DATE) AND (employed_to IS NULL OR employed_to >= $from::DATE))::INTEGER AS headcount,
  count(*)::INTEGER AS visitors,
  count(*) FILTER (WHERE reactions + comments + posts > 0)::INTEGER AS reactors,
  count(*) FILTER (WHERE comments + posts > 0)::INTEGER AS commenters,
  count(*) FILTER (WHERE posts > 0)::INTEGER AS creators
FROM per_person
