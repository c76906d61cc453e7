-- Adoption per period (DESIGN.md "Metric definitions").
-- Parameters: $from, $to (DATE, inclusive local days), $grain ('day' | 'week' | 'month'),
--   $department, $location (VARCHAR or NULL = all).
-- Output grain: one row per period in [$from, $to], also periods without activity.
-- period: 'YYYY-MM-DD' (day), ISO week 'YYYY-Www' (week), 'YYYY-MM' (month).
-- headcount: person accounts employed on any day of the period (people without employment
--   dates always count); activeUsers: distinct person accounts active in the period;
-- stickiness: mean DAU over the period's days inside [$from, $to] / active users (NULL for days).
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
  SELECT period, min(day) AS start_day, max(day) AS end_day, count(*) AS day_count FROM labelled GROUP BY period
),
activity AS (
  SELECT a.person_id, a.day, a.posts, a.comments
  FROM activity_daily a SEMI JOIN population p ON p.person_id = a.person_id
  WHERE a.day BETWEEN $from::DATE AND $to::DATE
),
per_person AS (
  SELECT l.period, a.person_id, bool_or(a.posts + a.comments > 0) AS contributed, bool_or(a.posts > 0) AS created, count(*) AS active_days
  FROM activity a JOIN labelled l ON l.day = a.day
  GROUP BY l.period, a.person_id
),
per_period AS (
  SELECT period, count(*) AS active_users, count(*) FILTER (WHERE contributed) AS contributors,
    count(*) FILTER (WHERE created) AS creators, sum(active_days) AS active_person_days
  FROM per_person GROUP BY period
),
headcount AS (
  SELECT pr.period, count(p.person_id) AS headcount
  FROM periods pr
  LEFT JOIN population p
    ON (p.employed_from IS NULL OR p.employed_from <= pr.end_day)
   AND (p.employed_to IS NULL OR p.employed_to >= pr.start_day)
  GROUP BY pr.period
)
SELECT
  pr.period AS period,
  h.headcount::INTEGER AS headcount,
  coalesce(pp.active_users, 0)::INTEGER AS "activeUsers",
  CASE WHEN h.headcount > 0 THEN coalesce(pp.active_users, 0) / h.headcount END::DOUBLE AS "adoptionRate",
  coalesce(pp.contributors, 0)::INTEGER AS contributors,
  coalesce(pp.creators, 0)::INTEGER AS creators,
  CASE WHEN $grain <> 'day' AND coalesce(pp.active_users, 0) > 0
       THEN (pp.active_person_days / pr.day_count) / pp.active_users END::DOUBLE AS stickiness
FROM periods pr
JOIN headcount h ON h.period = pr.period
LEFT JOIN per_period pp ON pp.period = pr.period
ORDER BY pr.start_day
