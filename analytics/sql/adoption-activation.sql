-- Activation per period, next to adoption.sql's figures (same periods, same filter).
-- Parameters: $from, $to (DATE, inclusive local days), $grain ('day' | 'week' | 'month'),
--   $department, $location (VARCHAR or NULL = all).
-- Output grain: one row per period in [$from, $to], also periods without activity.
-- activatedUsers: people of the period's headcount (person accounts employed on any day of it)
--   active on any stored day up to the period's last day in range, also before $from;
-- activation: activatedUsers / headcount (NULL without headcount).
-- (Mean DAU needs no query of its own: it is stickiness × activeUsers of adoption.sql.)
WITH population AS (
  SELECT person_id, employed_from, employed_to
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
days AS (
  SELECT d::DATE AS day FROM range($from::DATE, $to::DATE + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
),
labelled AS (
  SELECT day,
    CASE $grain
      WHEN 'day' THEN strftime(day, '%Y-%m-%d')
      WHEN 'week' THEN isoyear(day)::VARCHAR || '-W' || lpad(week(day)::VARCHAR, 2, '0')
      ELSE strftime(day, '%Y-%m')
    END AS period
  FROM days
),
periods AS (
  SELECT period, min(day) AS start_day, max(day) AS end_day FROM labelled GROUP BY period
),
first_active AS (
  SELECT a.person_id, min(a.day) AS first_day
  FROM activity_daily a SEMI JOIN population p ON p.person_id = a.person_id
  WHERE a.day <= $to::DATE
  GROUP BY a.person_id
),
employment AS (
  -- Open employment dates as far-away days, so the joins below are plain range joins.
  SELECT p.person_id, coalesce(p.employed_from, DATE '0001-01-01') AS from_day,
    coalesce(p.employed_to, DATE '9999-12-31') AS to_day, f.first_day
  FROM population p LEFT JOIN first_active f ON f.person_id = p.person_id
),
headcount AS (
  SELECT pr.period, count(e.person_id) AS n
  FROM periods pr JOIN employment e ON e.from_day <= pr.end_day AND e.to_day >= pr.start_day
  GROUP BY pr.period
),
activated_people AS (
  SELECT pr.period, count(*) AS n
  FROM periods pr
  JOIN employment e ON e.from_day <= pr.end_day AND e.to_day >= pr.start_day AND e.first_day <= pr.end_day
  GROUP BY pr.period
),
activated AS (
  SELECT pr.period, coalesce(h.n, 0) AS headcount, coalesce(a.n, 0) AS activated
  FROM periods pr
  LEFT JOIN headcount h ON h.period = pr.period
  LEFT JOIN activated_people a ON a.period = pr.period
)
SELECT
  pr.period AS period,
  a.activated::INTEGER AS "activatedUsers",
  CASE WHEN a.headcount > 0 THEN a.activated / a.headcount END::DOUBLE AS activation
FROM periods pr
JOIN activated a ON a.period = pr.period
ORDER BY pr.start_day
