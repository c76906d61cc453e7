-- Retention cohorts (DESIGN.md): person accounts by the calendar month of their first stored
-- activity, and how many of them are active in each later month.
-- Parameters: $from, $to (DATE, inclusive; cohorts whose first month lies in the range, cells
--   up to the month of $to), $department, $location (VARCHAR or NULL = all).
-- Output grain: one row per cohort and month from the cohort month on.
-- people: size of the cohort; employed: cohort members employed in the month (leavers drop out,
-- no dates: always); active: employed members active in the month; share = active / employed.
WITH population AS (
  SELECT person_id, employed_from, employed_to
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
firsts AS (
  SELECT a.person_id, date_trunc('month', min(a.day))::DATE AS cohort
  FROM activity_daily a SEMI JOIN population p ON p.person_id = a.person_id
  GROUP BY a.person_id
),
members AS (
  SELECT f.person_id, f.cohort, p.employed_from, p.employed_to
  FROM firsts f JOIN population p ON p.person_id = f.person_id
  WHERE f.cohort BETWEEN date_trunc('month', $from::DATE)::DATE AND $to::DATE
),
sizes AS (SELECT cohort, count(*) AS people FROM members GROUP BY cohort),
months AS (
  SELECT m::DATE AS month, last_day(m::DATE) AS month_end
  FROM range(date_trunc('month', $from::DATE), $to::DATE + INTERVAL 1 DAY, INTERVAL 1 MONTH) AS t(m)
),
monthly_active AS (
  SELECT DISTINCT a.person_id, date_trunc('month', a.day)::DATE AS month
  FROM activity_daily a SEMI JOIN members m ON m.person_id = a.person_id
  WHERE a.day BETWEEN date_trunc('month', $from::DATE)::DATE AND $to::DATE
),
cells AS (
  SELECT c.cohort, m.month,
    (c.employed_from IS NULL OR c.employed_from <= m.month_end) AND (c.employed_to IS NULL OR c.employed_to >= m.month) AS employed,
    ma.person_id IS NOT NULL AS active
  FROM members c
  JOIN months m ON m.month >= c.cohort
  LEFT JOIN monthly_active ma ON ma.person_id = c.person_id AND ma.month = m.month
)
SELECT
  strftime(c.cohort, '%Y-%m') AS cohort,
  strftime(c.month, '%Y-%m') AS month,
  datediff('month', c.cohort, c.month)::INTEGER AS "offset",
  s.people::INTEGER AS people,
  count(*) FILTER (WHERE c.employed)::INTEGER AS employed,
  count(*) FILTER (WHERE c.employed AND c.active)::INTEGER AS active,
  CASE WHEN count(*) FILTER (WHERE c.employed) > 0
       THEN count(*) FILTER (WHERE c.employed AND c.active) / count(*) FILTER (WHERE c.employed) END::DOUBLE AS share
FROM cells c JOIN sizes s ON s.cohort = c.cohort
GROUP BY c.cohort, c.month, s.people
ORDER BY c.cohort, c.month
