-- Voice share (DESIGN.md) per period: engagement on posts by employees (person accounts)
-- against posts by official accounts, by the period the post was created in. Bots never count.
-- Parameters: $from, $to (DATE, inclusive), $grain ('day' | 'week' | 'month'), $space (space
--   label or NULL).
-- Output grain: one row per period in [$from, $to], also periods without posts; period labels
-- as in adoption.sql. employeeShare = employee engagement / all engagement (NULL without any).
WITH days AS (
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
periods AS (SELECT period, min(day) AS start_day FROM labelled GROUP BY period),
items AS (
  SELECT l.period, au.account_type = 'official' AS official, cs.engagement, cs.viewers
  FROM content_stats cs
  JOIN people au ON au.person_id = cs.author_id
  LEFT JOIN spaces sp ON sp.space_id = cs.space_id
  JOIN labelled l ON l.day = cs.day
  WHERE cs.kind = 'post' AND au.account_type IN ('person', 'official')
    AND ($space IS NULL OR coalesce(sp.name, cs.space_id) = $space)
),
per_period AS (
  SELECT period,
    count(*) FILTER (WHERE NOT official) AS employee_posts,
    count(*) FILTER (WHERE official) AS official_posts,
    coalesce(sum(engagement) FILTER (WHERE NOT official), 0) AS employee_engagement,
    coalesce(sum(engagement) FILTER (WHERE official), 0) AS official_engagement,
    coalesce(sum(viewers) FILTER (WHERE NOT official), 0) AS employee_viewers,
    coalesce(sum(viewers) FILTER (WHERE official), 0) AS official_viewers
  FROM items GROUP BY period
)
SELECT
  p.period AS period,
  coalesce(x.employee_posts, 0)::INTEGER AS "employeePosts",
  coalesce(x.official_posts, 0)::INTEGER AS "officialPosts",
  coalesce(x.employee_engagement, 0)::INTEGER AS "employeeEngagement",
  coalesce(x.official_engagement, 0)::INTEGER AS "officialEngagement",
  coalesce(x.employee_viewers, 0)::INTEGER AS "employeeViewers",
  coalesce(x.official_viewers, 0)::INTEGER AS "officialViewers",
  (x.employee_engagement / nullif(x.employee_engagement + x.official_engagement, 0))::DOUBLE AS "employeeShare",
  (x.employee_engagement / nullif(x.employee_posts, 0))::DOUBLE AS "employeeEngagementPerPost",
  (x.official_engagement / nullif(x.official_posts, 0))::DOUBLE AS "officialEngagementPerPost"
FROM periods p
LEFT JOIN per_period x ON x.period = p.period
ORDER BY p.start_day
