-- Adoption KPIs of one range of local days (DESIGN.md "Metric definitions"; docs/metrics.md).
-- Parameters: $from, $to (DATE, inclusive), $department, $location (VARCHAR or NULL = all).
-- Output: one row.
-- headcount: person accounts employed on any day of the range (no dates: always);
-- activeUsers: distinct person accounts active in the range; adoptionRate = activeUsers / headcount;
-- activatedUsers: people of the headcount active on any stored day up to $to; activation =
--   activatedUsers / headcount; dau: mean over the range's days of the day's active people;
-- wau, mau: mean over the range's days of the active people of the day's ISO week / calendar
--   month, counted inside the range (for a whole month, mau = activeUsers);
-- stickiness = dau / mau; contributors: created a post or comment; creators: created a post.
WITH population AS (
  SELECT person_id, employed_from, employed_to
  FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
),
days AS (
  SELECT d::DATE AS day, isoyear(d) * 100 + week(d) AS week_key, year(d) * 100 + month(d) AS month_key
  FROM range($from::DATE, $to::DATE + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
),
activity AS (
  SELECT a.person_id, a.day, a.posts, a.comments
  FROM activity_daily a SEMI JOIN population p ON p.person_id = a.person_id
  WHERE a.day BETWEEN $from::DATE AND $to::DATE
),
per_day AS (SELECT day, count(*) AS n FROM activity GROUP BY day),
-- Distinct people per week and month, counted as groups of (period, person): faster than count(DISTINCT).
per_week AS (
  SELECT week_key, count(*) AS n
  FROM (SELECT DISTINCT d.week_key, a.person_id FROM activity a JOIN days d ON d.day = a.day)
  GROUP BY week_key
),
per_month AS (
  SELECT month_key, count(*) AS n
  FROM (SELECT DISTINCT d.month_key, a.person_id FROM activity a JOIN days d ON d.day = a.day)
  GROUP BY month_key
),
daily AS (
  SELECT avg(coalesce(pd.n, 0)) AS dau, avg(coalesce(pw.n, 0)) AS wau, avg(coalesce(pm.n, 0)) AS mau, count(*) AS days
  FROM days d
  LEFT JOIN per_day pd ON pd.day = d.day
  LEFT JOIN per_week pw ON pw.week_key = d.week_key
  LEFT JOIN per_month pm ON pm.month_key = d.month_key
),
totals AS (
  SELECT count(*) AS active, count(*) FILTER (WHERE contributed) AS contributors, count(*) FILTER (WHERE created) AS creators
  FROM (SELECT person_id, bool_or(posts + comments > 0) AS contributed, bool_or(posts > 0) AS created FROM activity GROUP BY person_id)
),
ever_active AS (
  SELECT DISTINCT person_id FROM activity_daily WHERE day <= $to::DATE
),
employed AS (
  SELECT p.person_id, e.person_id IS NOT NULL AS activated
  FROM population p LEFT JOIN ever_active e ON e.person_id = p.person_id
  WHERE (p.employed_from IS NULL OR p.employed_from <= $to::DATE)
    AND (p.employed_to IS NULL OR p.employed_to >= $from::DATE)
),
head AS (
  SELECT count(*) AS headcount, count(*) FILTER (WHERE activated) AS activated FROM employed
)
SELECT
  h.headcount::INTEGER AS headcount,
  t.active::INTEGER AS "activeUsers",
  CASE WHEN h.headcount > 0 THEN t.active / h.headcount END::DOUBLE AS "adoptionRate",
  h.activated::INTEGER AS "activatedUsers",
  CASE WHEN h.headcount > 0 THEN h.activated / h.headcount END::DOUBLE AS activation,
  d.dau::DOUBLE AS dau,
  d.wau::DOUBLE AS wau,
  d.mau::DOUBLE AS mau,
  CASE WHEN d.mau > 0 THEN d.dau / d.mau END::DOUBLE AS stickiness,
  t.contributors::INTEGER AS contributors,
  t.creators::INTEGER AS creators,
  d.days::INTEGER AS days
FROM head h, totals t, daily d
